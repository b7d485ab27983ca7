import ClinicPressMarkdown
import ClinicPressModel
import Testing

@Suite struct MarkdownDocumentTests {
    @Test func rendersGitHubExtensions() {
        let html = MarkdownDocument("""
        | a | b |
        | - | - |
        | 1 | 2 |

        ~~old~~ and www.example.org

        - [x] done
        - [ ] open
        """).renderHTML()
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
    }

    @Test func rendersFootnotes() {
        let html = MarkdownDocument("A fact[^src].\n\n[^src]: A source, 2024.\n").renderHTML()
        #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src\" data-footnote-ref>1</a></sup>"))
        #expect(html.contains("<section class=\"footnotes\" data-footnotes>"))
    }

    @Test func rawHTMLIsASetting() {
        let text = "<span class=\"x\">kept</span>\n\n<script>alert(1)</script>\n"
        let allowed = MarkdownDocument(text, options: MarkdownOptions(allowRawHTML: true)).renderHTML()
        #expect(allowed.contains("<span class=\"x\">kept</span>"))
        // The tagfilter extension escapes dangerous tags even when raw HTML is allowed.
        #expect(allowed.contains("&lt;script>alert(1)&lt;/script>"))
        let omitted = MarkdownDocument(text, options: MarkdownOptions(allowRawHTML: false)).renderHTML()
        #expect(!omitted.contains("<span"))
        #expect(omitted.contains("<!-- raw HTML omitted -->"))
    }

    @Test func javascriptLinksAreNeutralisedWithoutRawHTML() {
        let html = MarkdownDocument("[x](javascript:alert(1))", options: MarkdownOptions(allowRawHTML: false)).renderHTML()
        #expect(html.contains("<a href=\"\">x</a>"))
    }

    @Test func positionsAreFileLinesAndScalarColumns() throws {
        // The body starts on line 5 of its file (after four lines of front matter).
        let document = MarkdownDocument("# Title\n\nCafé — **bold** text.\n", firstLine: 5)
        let tree = document.tree()
        let heading = try #require(tree.first { $0.kind == .heading(level: 1) })
        #expect(heading.start == TextPosition(line: 5, column: 1))
        let strong = try #require(tree.first { $0.kind == .strong })
        // "Café — " is 7 characters but 10 UTF-8 bytes: the column counts characters.
        #expect(strong.start == TextPosition(line: 7, column: 8))
        #expect(strong.plainText == "bold")
    }

    @Test func treeNamesFootnotesAndTables() throws {
        let tree = MarkdownDocument("Claim[^1].\n\n| a |\n| - |\n| b |\n\n[^1]: Source.\n").tree()
        #expect(tree.first { $0.kind == .footnoteReference } != nil)
        #expect(tree.first { $0.kind == .footnoteDefinition } != nil)
        #expect(tree.first { $0.kind == .tableCell }?.plainText == "a")
    }

    @Test func plainTextJoinsLinesAndSkipsMarkup() throws {
        let tree = MarkdownDocument("First *line*\nsecond `code` [link](x.md)<b>x</b>.\n").tree()
        let paragraph = try #require(tree.first { $0.kind == .paragraph })
        #expect(paragraph.plainText == "First line second code linkx.")
    }

    @Test func rewritesLinkDestinationsWithPositions() {
        let document = MarkdownDocument("See [a](a.md) and\n[b](https://b.example).\n", firstLine: 3)
        var seen: [String] = []
        document.rewriteLinks { destination, position in
            seen.append("\(destination)@\(position)")
            return destination == "a.md" ? "/posts/a/" : nil
        }
        #expect(seen == ["a.md@3:5", "https://b.example@4:1"])
        #expect(document.renderHTML() == "<p>See <a href=\"/posts/a/\">a</a> and\n<a href=\"https://b.example\">b</a>.</p>\n")
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm keeps the extensions' special characters in a process-wide table; documents parsed on several
    /// threads at once must still all see them (a bare URL must always become a link).
    @Test func parallelParsesRenderLikeSerialOnes() {
        let text = "Footnote[^a].\n\n[^a]: Source https://example.org/a and www.example.org, ~~old~~ | x |\n"
        let serial = MarkdownDocument(text).renderHTML()
        #expect(serial.contains("<a href=\"https://example.org/a\">"))
        let rendered = Array(repeating: text, count: 400).parallelMap { MarkdownDocument($0).renderHTML() }
        #expect(rendered.allSatisfy { $0 == serial })
    }
}
