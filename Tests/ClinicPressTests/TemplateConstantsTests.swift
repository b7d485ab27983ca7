import Foundation
import Testing
@testable import ClinicPressRender

/// The build writes values every page shares (`{{strings.…}}`, `{{site.title}}`) into the templates before compiling
/// them (`TemplateConstants`); the pages must come out exactly as the plain lookups make them.
@Suite struct TemplateConstantsTests {
    private let escape = { (text: String) in Markup.escape(text, droppingControlCharacters: false) }

    @Test func variablesNamingAConstantAreWrittenIn() {
        let baked = TemplateConstants.bake(
            ["t": "<a>{{strings.more}}</a> {{ site.title }} {{{strings.raw}}} {{& strings.raw}} {{strings.unknown}} {{#strings.more}}x{{/strings.more}}"],
            constants: ["strings.more": "Read <more>", "site.title": "Calm & Co", "strings.raw": "<b>"], escape: escape)
        #expect(baked["t"] == "<a>Read &lt;more&gt;</a> Calm &amp; Co <b> <b> {{strings.unknown}} {{#strings.more}}x{{/strings.more}}")
    }

    @Test func valuesThatWouldParseDifferentlyAreLeftToTheLookup() {
        for value in ["", "  ", "a{b", "a}", "two\nlines", "cr\rhere"] {
            let baked = TemplateConstants.bake(["t": "{{strings.k}}{{#s}}\n"], constants: ["strings.k": value], escape: escape)
            #expect(baked["t"] == "{{strings.k}}{{#s}}\n", "value \(value.debugDescription)")
        }
    }

    @Test func nothingInsideTheSiteOwnersValuesNorInTemplatesIncludedThere() {
        let texts = ["page": "{{strings.k}}{{#post.extra}}{{strings.k}}{{> partials/a}}{{/post.extra}}{{> partials/b}}",
                     "partials/a": "{{strings.k}}{{> partials/c}}", "partials/b": "{{strings.k}}", "partials/c": "{{strings.k}}"]
        let baked = TemplateConstants.bake(texts, constants: ["strings.k": "K"], escape: escape)
        #expect(baked["page"] == "K{{#post.extra}}{{strings.k}}{{> partials/a}}{{/post.extra}}{{> partials/b}}")
        #expect(baked["partials/a"] == "{{strings.k}}{{> partials/c}}")
        #expect(baked["partials/c"] == "{{strings.k}}")
        #expect(baked["partials/b"] == "K")
    }

    @Test(arguments: ["{{=<% %>=}}", "{{%CONTENT_TYPE: TEXT}}", "{{<parent}}{{/parent}}", "{{$block}}{{/block}}", "{{>*dynamic}}"])
    func themesTheTextAloneCannotPlaceAreLeftWhole(tag: String) {
        let texts = ["page": "{{strings.k}}", "other": tag]
        #expect(TemplateConstants.bake(texts, constants: ["strings.k": "K"], escape: escape) == texts)
    }

    /// Random templates — constants at line starts, before standalone sections, in indented partials, inside comments
    /// and inside `extra` sections whose map shadows `strings` — render the same with the constants written in.
    @Test func randomTemplatesRenderTheSameWithConstantsWrittenIn() throws {
        var random = SeededGenerator(seed: 20261201)
        let values = ["Read more", "", "  ", "a{b", "x}", "two\nlines", "<b>&\"'</b>", "Ñandú ☕", " padded ", "{{strings.b}}"]
        for round in 0..<200 {
            let constants = ["a": values.randomElement(using: &random)!, "b": values.randomElement(using: &random)!]
            let texts = ["home": Self.randomTemplate(&random, depth: 0), "partials/p": Self.randomTemplate(&random, depth: 1)]
            let folder = TemporaryDirectory()
            for (name, text) in texts { folder.write("\(name).mustache", text) }
            let theme = try Theme.load(templatesDirectory: folder.url)
            let baked = theme.baking(Dictionary(uniqueKeysWithValues: constants.map { ("strings." + $0.key, $0.value) }))
            let context: [String: Any] = [
                "strings": constants, "flag": random.next() % 2 == 0, "items": [["name": "one"], ["name": "two"]],
                "extra": random.next() % 2 == 0 ? ["strings": ["a": "SHADOW"]] : ["other": "x"],
            ]
            #expect(baked.render("home", context) == theme.render("home", context), "round \(round): \(texts) with \(constants)")
        }
    }

    private static func randomTemplate(_ random: inout SeededGenerator, depth: Int) -> String {
        let pieces = ["word ", "{{strings.a}}", "{{ strings.b }}", "{{{strings.a}}}", "{{&strings.b}}", "  ", "\n", "{{#flag}}", "{{/flag}}",
                      "{{^flag}}", "{{/flag}}", "{{! note {{strings.a}} }}", "{{#items}}{{name}}{{strings.a}}{{/items}}", "<p>",
                      "{{#extra}}{{strings.a}}{{/extra}}", "{{#extra}}\n{{strings.b}}\n{{/extra}}\n"]
            + (depth == 0 ? ["\n  {{> partials/p}}\n", "{{#extra}}{{> partials/p}}{{/extra}}", "{{#flag}}\n{{> partials/p}}\n{{/flag}}\n"] : [])
        var text = ""
        var open: [String] = []
        for _ in 0..<Int.random(in: 4...14, using: &random) {
            let piece = pieces.randomElement(using: &random)!
            // Keep sections balanced: close what is open, never close what is not.
            if piece == "{{/flag}}" {
                guard open.last == "flag" else { continue }
                open.removeLast()
            } else if piece == "{{#flag}}" || piece == "{{^flag}}" {
                open.append("flag")
            }
            text += piece
        }
        for _ in open { text += "{{/flag}}" }
        return text + "\n"
    }
}
