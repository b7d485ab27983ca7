import ClinicPressMarkdown
import Foundation
import Testing

/// The Swift renderer writes what cmark-gfm's own HTML renderer writes for the same text (footnotes aside: the
/// site numbers those itself). cmark-gfm is the plain implementation it is compared with, on every Markdown file
/// of the repository and on random documents built from the constructs posts use and the characters that need escaping.
@Suite struct HTMLRendererTests {
    /// Both sides parse without footnotes, so `[^1]` is ordinary text for each.
    static func swiftHTML(_ markdown: String) -> String {
        MarkdownTree(markdown, options: MarkdownOptions(allowRawHTML: true, footnotes: false)).html()
    }

    static func cmarkHTML(_ markdown: String) -> String {
        MarkdownParser.cmarkHTML(markdown, footnotes: false)
    }

    static var markdownFiles: [URL] {
        let roots = ["Posts", "Tests/Fixtures"].map { Fixtures.repository.appendingPathComponent($0) }
        var files: [URL] = []
        for root in roots {
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker where url.pathExtension == "md" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    @Test func everyMarkdownFileOfTheRepositoryRendersAsCmarkGFMRendersIt() throws {
        let files = Self.markdownFiles
        #expect(files.count > 300, "the posts, fixtures and claim corpus")
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            let swift = Self.swiftHTML(text), cmark = Self.cmarkHTML(text)
            #expect(swift == cmark, "\(file.path)")
            if swift != cmark { break }
        }
    }

    @Test(arguments: 0..<8)
    func randomDocumentsRenderAsCmarkGFMRendersThem(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<250 {
            let text = Self.randomDocument(&generator)
            let swift = Self.swiftHTML(text), cmark = Self.cmarkHTML(text)
            #expect(swift == cmark, "seed \(seed): \(text.debugDescription)")
            if swift != cmark { return }
        }
    }

    @Test(arguments: [
        "<script>alert(1)</script>", "<div>\n<SCRIPT>a</SCRIPT>\n<style/>\n<styles>\n</div>\n", "a <Title > b <title/> <iframe src=x>",
        "<textarea>x</textarea> <xmp> <noembed> <noframes> <plaintext>", "![a *b* `c` <i>d</i>](x.png \"t&\")",
        "- [ ] a\n\n  b\n- [x] c", "| a | b | c |\n|:-|:-:|-:|\n| 1 |\n", "| a |\n|---|\n", "1. a\n\n   b\n7) x",
        "[x](<a b>) [y](a'b\"c) [z](é?q=1&r=[2]{3}|^`)", "```js foo\nx<y\n```\n\n    code", "line  \nbreak\\\nx",
    ])
    func tricksOfTheFormatRenderAsCmarkGFMRendersThem(_ text: String) {
        #expect(Self.swiftHTML(text) == Self.cmarkHTML(text))
    }

    @Test func deepNestingRendersWithoutRecursion() {
        let text = String(repeating: "> ", count: 20_000) + "deep\n"
        #expect(Self.swiftHTML(text) == Self.cmarkHTML(text))
    }

    // MARK: - Random documents

    static let inlines = [
        "word", "Ketamine", "6 in 10", "*em*", "**strong**", "_u_", "~~del~~", "`co<de>`", "[link](https://x.example/a?b=1&c='2')",
        "[rel](other-post.md#part)", "![alt *x*](img.png \"T\\\"t\")", "<b>raw</b>", "<span class=\"a\">s</span>", "<script>x</script>",
        "https://auto.example/é", "www.example.org/x", "a&b", "<notatag", "\"quoted\"", "it's", "é ü — “curly”", "\\*escaped\\*",
        "[^1]", "[@key]", "  \n", "\\\n", "&amp;", "&copy;", "&#35;", "[ref]", "x<y>z", "*a **b** c*", "<!-- claim-ok: x -->",
    ]

    static let blocks = [
        "# Heading", "## Heading *two*", "Setext\n===", "> quote", "- item", "* item", "1. first", "3) third", "- [ ] task", "- [x] done",
        "---", "```\ncode <b>\n```", "```swift  extra\nlet x = 1\n```", "    indented", "<div>\nhtml block\n</div>",
        "| h1 | h2 |\n| :-- | --: |\n| c1 | c2 |", "| a |\n|---|\n| b | extra |", "[ref]: https://ref.example \"Title\"",
    ]

    static func randomDocument(_ generator: inout SeededGenerator) -> String {
        var lines: [String] = []
        for _ in 0..<Int(generator.next() % 12 + 1) {
            let prefix = ["", "", "", "> ", "- ", "1. ", "  ", "> - "][Int(generator.next() % 8)]
            if generator.next() % 3 == 0 {
                lines.append(prefix + blocks[Int(generator.next() % UInt64(blocks.count))])
            } else {
                let words = (0..<Int(generator.next() % 8 + 1)).map { _ in inlines[Int(generator.next() % UInt64(inlines.count))] }
                lines.append(prefix + words.joined(separator: generator.next() % 5 == 0 ? "\n" : " "))
            }
            if generator.next() % 2 == 0 { lines.append("") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
