import ClinicPressModel
import ClinicPressRender
import ClinicPressSite
import Foundation
import Testing

@Suite struct ThemeTests {
    /// The theme compiled into the binary is the repository's Templates/: run `make theme` after editing them.
    @Test func embeddedThemeMatchesTemplatesFolder() throws {
        let folder = filesBelow(Fixtures.repository.appendingPathComponent("Templates"))
        let embedded = Dictionary(uniqueKeysWithValues: Theme.defaultFiles.map { ($0.path, Data($0.contents)) })
        #expect(folder.keys.sorted() == embedded.keys.sorted())
        for (path, data) in folder where embedded[path] != data {
            Issue.record("Templates/\(path) differs from the embedded copy: run `make theme`")
        }
    }

    /// A theme formats a `references.yaml` source field by field; a missing field is false, not the post's own.
    @Test func templatesFormatReferencesFieldByField() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML)
        site.write("references.yaml", "fda-tms:\n  title: \"FDA clears TMS\"\n  year: 2008\n  url: \"https://fda.example/tms\"\n")
        site.write("Posts/2026-01-01-tms.md", "---\ntitle: \"TMS\"\nauthor: \"Dr. Post Author\"\n---\nTMS was cleared in 2008 [@fda-tms].\n")
        site.write("Templates/partials/sources.mustache",
                   "{{#sources}}[{{number}} {{#reference}}{{title}} ({{year}}){{#has_author}} by {{author}}{{/has_author}} {{url}}{{/reference}}]{{/sources}}\n")
        var options = BuildOptions(siteDirectory: site.url)
        options.now = Fixtures.now
        let files = try SiteBuilder.render(options).files
        let page = try #require(files.first { $0.path == "posts/tms/index.html" })
        #expect(String(decoding: page.contents, as: UTF8.self).contains("[1 FDA clears TMS (2008) https://fda.example/tms]"))
    }

    /// An author ending in "et al." or a title ending in "?" takes no second full stop, in the default theme and in
    /// the ready-made `html` of each source.
    @Test func referencesNeverEndAPartWithTwoStops() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML)
        site.write("references.yaml", """
        oreardon-2007:
          title: "Efficacy and safety of TMS in major depression: a multisite randomized controlled trial."
          author: "O'Reardon JP et al."
          publisher: "Biol. Psychiatry"
          year: 2007
          url: "https://doi.example/tms"
        ketamine-faq:
          title: "Does ketamine work?"
          author: "Clinic Team"
          publisher: "Example Press Inc."
          url: "https://example.org/faq"

        """)
        site.write("Posts/2026-01-01-tms.md", "---\ntitle: \"TMS\"\n---\nTMS helped 58% of patients [@oreardon-2007]. Ketamine helped too [@ketamine-faq].\n")
        var options = BuildOptions(siteDirectory: site.url)
        options.now = Fixtures.now
        let page = try #require(try SiteBuilder.render(options).files.first { $0.path == "posts/tms/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        #expect(html.contains("O&#39;Reardon JP et al. <cite>Efficacy and safety of TMS in major depression: a multisite randomized controlled trial.</cite> Biol. Psychiatry, 2007. <a"))
        #expect(html.contains("Clinic Team. <cite>Does ketamine work?</cite> Example Press Inc. <a"))
        let sources = try #require(html.range(of: "<section class=\"sources\"")).lowerBound
        #expect(!html[sources...].contains(".."))
        #expect(!html[sources...].contains("?."))

        site.write("Templates/partials/sources.mustache", "{{#sources}}<p>{{{html}}}</p>{{/sources}}\n")
        let custom = try #require(try SiteBuilder.render(options).files.first { $0.path == "posts/tms/index.html" })
        let customHTML = String(decoding: custom.contents, as: UTF8.self)
        #expect(customHTML.contains("<p>O&#39;Reardon JP et al. <cite>Efficacy and safety of TMS in major depression: a multisite randomized controlled trial.</cite> Biol. Psychiatry, 2007. <a"))
        #expect(customHTML.contains("<p>Clinic Team. <cite>Does ketamine work?</cite> Example Press Inc. <a"))
    }

    @Test(arguments: [("Smith J", "."), ("Smith J et al.", ""), ("Does it work?", ""), ("Wow!", ""), ("Notes…", ""), ("Trailing space. ", ""), ("", ".")])
    func aCitationPartEndsWithOneStop(text: String, stop: String) {
        #expect(Markup.stop(after: text) == stop)
    }

    @Test func builtInThemeHasEveryPageTemplate() throws {
        let theme = try Theme.builtIn()
        for name in Theme.pageTemplates {
            #expect(theme.templateSources[name] == "(built-in)/\(name).mustache")
        }
        #expect(theme.assets.map(\.path) == ["assets/favicon.svg", "assets/style.css"])
    }

    @Test func siteTemplatesOverrideTheDefaultsOneByOne() throws {
        let site = TemporaryDirectory()
        site.write("Templates/partials/footer.mustache", "<footer>{{site.clinic}}</footer>\n")
        site.write("Templates/assets/style.css", "body { color: red; }\n")
        site.write("Templates/assets/logo.png", "PNG")
        let theme = try Theme.load(templatesDirectory: site.url.appendingPathComponent("Templates"))
        #expect(theme.templateSources["partials/footer"] == "Templates/partials/footer.mustache")
        #expect(theme.templateSources["post"] == "(built-in)/post.mustache")
        #expect(theme.assets.map(\.path) == ["assets/favicon.svg", "assets/logo.png", "assets/style.css"])
        #expect(theme.assets.last?.contents == Array("body { color: red; }\n".utf8))
        #expect(theme.render("partials/footer", ["site": ["clinic": "A & B"]]) == "<footer>A &amp; B</footer>\n")
    }

    /// Templates are compiled with our byte-level HTML escaping selected by a first-line pragma: escaping must match
    /// swift-mustache's, and a template that starts with a standalone tag must render exactly as written.
    @Test func escapingAndStandaloneFirstLinesAreUnchanged() throws {
        let site = TemporaryDirectory()
        site.write("Templates/partials/footer.mustache", "{{#site.clinic}}\n<footer>{{.}} {{{site.raw}}}</footer>\n{{/site.clinic}}\n")
        let theme = try Theme.load(templatesDirectory: site.url.appendingPathComponent("Templates"))
        let rendered = theme.render("partials/footer", ["site": ["clinic": "Dr. O'Neil <MD> & \"Partners\" — café\u{7}", "raw": "<b>&</b>"]])
        // Like swift-mustache's escaping, and unlike feeds and sitemaps, template values keep control characters.
        #expect(rendered == "<footer>Dr. O&#39;Neil &lt;MD&gt; &amp; &quot;Partners&quot; — café\u{7} <b>&</b></footer>\n")
    }

    @Test func unclosedSectionIsReportedAtItsLine() throws {
        let site = TemporaryDirectory()
        site.write("Templates/tag.mustache", "<h1>{{tag.name}}</h1>\n{{#posts}}\n<p>{{title}}</p>\n")
        let error = try #require(throws: DiagnosticsError.self) {
            try Theme.load(templatesDirectory: site.url.appendingPathComponent("Templates"))
        }
        #expect(error.diagnostics.map(\.description) == [
            "Templates/tag.mustache:4:1: error: cannot compile template: a section `{{#…}}` or `{{^…}}` is never closed with `{{/…}}` [template]",
        ])
    }

    @Test func symbolicLinksOutOfTheTemplatesFolderAreNotPublished() throws {
        let site = TemporaryDirectory()
        site.write("Templates/assets/ok.css", "a{}")
        site.write("secret.txt", "private")
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("Templates/assets/leak.txt").path,
                                                   withDestinationPath: site.url.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("Templates/assets/inside.css").path,
                                                   withDestinationPath: site.url.appendingPathComponent("Templates/assets/ok.css").path)
        let theme = try Theme.load(templatesDirectory: site.url.appendingPathComponent("Templates"))
        #expect(theme.assets.map(\.path) == ["assets/favicon.svg", "assets/inside.css", "assets/ok.css", "assets/style.css"])
    }
}
