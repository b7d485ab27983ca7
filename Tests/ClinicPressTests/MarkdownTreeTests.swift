import ClinicPressMarkdown
import ClinicPressModel
import ClinicPressParallel
import Testing

@Suite struct MarkdownTreeTests {
    @Test func rendersGitHubExtensions() {
        let html = MarkdownTree("""
        | a | b |
        | - | - |
        | 1 | 2 |

        ~~old~~ and www.example.org

        - [x] done
        - [ ] open
        """).html()
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>1</td>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        #expect(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> done"))
    }

    @Test func footnotesAreLeftToTheSiteToNumber() throws {
        let tree = MarkdownTree("A fact[^src].\n\n[^src]: A source, 2024.\n")
        // Unannotated, a reference stays as written and the definition is not in the body: the site lists it.
        #expect(tree.html() == "<p>A fact[^src].</p>\n")
        let definition = try #require(tree.root.first { $0.kind == .footnoteDefinition })
        #expect(definition.literal == "src")
        #expect(definition.html() == "<p>A source, 2024.</p>\n")
    }

    @Test func rawHTMLIsASetting() {
        let text = "<span class=\"x\">kept</span>\n\n<script>alert(1)</script>\n"
        let allowed = MarkdownTree(text, options: MarkdownOptions(allowRawHTML: true)).html()
        #expect(allowed.contains("<span class=\"x\">kept</span>"))
        // The tagfilter extension escapes dangerous tags even when raw HTML is allowed.
        #expect(allowed.contains("&lt;script>alert(1)&lt;/script>"))
        let omitted = MarkdownTree(text, options: MarkdownOptions(allowRawHTML: false)).html()
        #expect(!omitted.contains("<span"))
        #expect(omitted.contains("<!-- raw HTML omitted -->"))
    }

    @Test func javascriptLinksAreNeutralisedWithoutRawHTML() {
        let html = MarkdownTree("[x](javascript:alert(1))", options: MarkdownOptions(allowRawHTML: false)).html()
        #expect(html.contains("<a href=\"\">x</a>"))
    }

    @Test func positionsAreFileLinesAndScalarColumns() throws {
        // The body starts on line 5 of its file (after four lines of front matter).
        let tree = MarkdownTree("# Title\n\nCafé — **bold** text.\n", firstLine: 5).root
        let heading = try #require(tree.first { $0.kind == .heading(level: 1) })
        #expect(heading.start == TextPosition(line: 5, column: 1))
        let strong = try #require(tree.first { $0.kind == .strong })
        // "Café — " is 7 characters but 10 UTF-8 bytes: the column counts characters.
        #expect(strong.start == TextPosition(line: 7, column: 8))
        #expect(strong.plainText == "bold")
    }

    @Test func treeNamesFootnotesAndTables() throws {
        let tree = MarkdownTree("Claim[^1].\n\n| a |\n| - |\n| b |\n\n[^1]: Source.\n").root
        #expect(tree.first { $0.kind == .footnoteReference } != nil)
        #expect(tree.first { $0.kind == .footnoteDefinition } != nil)
        #expect(tree.first { $0.kind == .tableCell }?.plainText == "a")
    }

    @Test func plainTextJoinsLinesAndSkipsMarkup() throws {
        let tree = MarkdownTree("First *line*\nsecond `code` [link](x.md)<b>x</b>.\n").root
        let paragraph = try #require(tree.first { $0.kind == .paragraph })
        #expect(paragraph.plainText == "First line second code linkx.")
    }

    @Test func annotationsChangeTheHTMLNotTheTree() throws {
        let tree = MarkdownTree("See [a](a.md) and\n[b](https://b.example), [@key].\n\nFact[^1].\n\n[^1]: Source.\n", firstLine: 3)
        var links: [MarkdownNode] = []
        tree.root.forEach { node in if node.kind == .link { links.append(node) } }
        #expect(links.map { "\($0.destination ?? "")@\($0.start)" } == ["a.md@3:5", "https://b.example@4:1"])
        var annotations = HTMLAnnotations()
        annotations.destinations[links[0].id] = "/posts/a/"
        annotations.insertions[links[1].id] = "<sup>1</sup>"
        let text = try #require(tree.root.first { $0.kind == .text && ($0.literal ?? "").contains("[@key]") })
        annotations.textPieces[text.id] = [.text(", "), .html("<sup>2</sup>"), .text(".")]
        let reference = try #require(tree.root.first { $0.kind == .footnoteReference })
        annotations.replacements[reference.id] = "<sup>3</sup>"
        #expect(tree.html(annotations: annotations) == """
            <p>See <a href="/posts/a/">a</a> and
            <a href="https://b.example">b</a><sup>1</sup>, <sup>2</sup>.</p>
            <p>Fact<sup>3</sup>.</p>

            """)
        // The tree is unchanged: rendered again without annotations, it is the text as written.
        #expect(tree.html().contains("<a href=\"a.md\">a</a>"))
        #expect(links[0].destination == "a.md")
    }

    @Test func theTreeKeepsFootnoteDefinitionsNothingCites() {
        // cmark-gfm drops `[^unused]`; the tree keeps it (empty, at its `[`) so the claim checker can report it. A
        // definition cmark-gfm keeps starts where cmark-gfm says: at its text.
        let tree = MarkdownTree("Fact[^used].\n\n[^used]: Source.\n  [^unused]: Forgotten.\n", firstLine: 3)
        let definitions = tree.root.children.filter { $0.kind == .footnoteDefinition }
        #expect(definitions.map { "\($0.literal ?? "")@\($0.start)" } == ["used@5:10", "unused@6:3"])
        #expect(!tree.html().contains("Forgotten"))
    }

    @Test func commentsGetRelAndLoseOmittedHTML() {
        let tree = MarkdownTree("[x](https://e.example) <b>hi</b>", options: MarkdownOptions(allowRawHTML: false, footnotes: false))
        #expect(tree.html(options: HTMLOptions(linkRel: "nofollow ugc", dropsOmittedHTML: true))
                == "<p><a rel=\"nofollow ugc\" href=\"https://e.example\">x</a> hi</p>\n")
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm keeps the extensions' special characters in a process-wide table; documents parsed on several
    /// threads at once, without a lock, must still all see them (a bare URL must always become a link). Documents of
    /// different lengths put the links at the end of parses that overlap others' starts and ends.
    @Test func parallelParsesRenderLikeSerialOnes() {
        let text = "Source https://example.org/a and www.example.org, ~~old~~ | x |\n"
        let serial = MarkdownTree(text).html()
        #expect(serial.contains("<a href=\"https://example.org/a\">") && serial.contains("<del>old</del>"))
        let rendered = Array(repeating: text, count: 400).parallelMap { MarkdownTree($0).html() }
        #expect(rendered.allSatisfy { $0 == serial })

        let documents = (0..<600).map { index in
            String(repeating: "Plain *words* with `code` and [a link](https://e.example/\(index)).\n\n", count: index % 37) + text
        }
        let expected = documents.map { MarkdownTree($0).html() }
        #expect(expected.allSatisfy { $0.hasSuffix(serial) })
        #expect(documents.parallelMap { MarkdownTree($0).html() } == expected)
    }
}
