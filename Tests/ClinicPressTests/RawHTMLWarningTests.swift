import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// Raw HTML that does not reach the page as written — left out while `markdown.raw_html` is false, or escaped by the
/// tag filter either way — was dropped (or shown as code) without a word. Each is a warning where it stands.
@Suite struct RawHTMLWarningTests {
    static let youTubeCode = #"<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" frameborder="0" allowfullscreen></iframe>"#

    func warnings(_ body: String, rawHTML: Bool? = nil) throws -> [String] {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\n" + (rawHTML.map { "markdown:\n  raw_html: \($0)\n" } ?? ""))
        site.write("Posts/2026-01-01-hello.md", "---\ntitle: \"Hello\"\n---\n\(body)")
        return try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).report.warnings.map(\.description)
    }

    @Test func rawHTMLLeftOutByDefaultIsAWarningWhereItStands() throws {
        let body = """
        Our new video:

        \(Self.youTubeCode)

        Call <span class="phone">555-0100</span> today.<br>
        <!-- claim-ok: a comment is kept, and says nothing -->

        """
        #expect(try warnings(body) == [
            "Posts/2026-01-01-hello.md:6:1: warning: raw HTML <iframe> is left out of the page: markdown.raw_html is false [raw-html]\n    hint: use an embed: a paragraph holding only the video's address (https://www.youtube.com/watch?v=…); markdown.raw_html: true would not help, as <iframe> is escaped either way",
            "Posts/2026-01-01-hello.md:8:6: warning: raw HTML <span> is left out of the page: markdown.raw_html is false [raw-html]\n    hint: write it in Markdown, or set markdown.raw_html: true in site.yaml (only if everyone who writes posts can be trusted with HTML)",
            "Posts/2026-01-01-hello.md:8:48: warning: raw HTML <br> is left out of the page: markdown.raw_html is false [raw-html]\n    hint: write it in Markdown, or set markdown.raw_html: true in site.yaml (only if everyone who writes posts can be trusted with HTML)",
        ])
    }

    @Test func tagsTheFilterEscapesAreAWarningEvenWithRawHTMLOn() throws {
        let body = """
        \(Self.youTubeCode)

        Text with <b>bold</b> and <script>alert(1)</script>.

        """
        #expect(try warnings(body, rawHTML: true) == [
            "Posts/2026-01-01-hello.md:4:1: warning: <iframe> shows as text on the page: it is escaped even with markdown.raw_html: true [raw-html]\n    hint: use an embed: a paragraph holding only the video's address (https://www.youtube.com/watch?v=…)",
            "Posts/2026-01-01-hello.md:6:27: warning: <script> shows as text on the page: it is escaped even with markdown.raw_html: true [raw-html]\n    hint: scripts and styles cannot be part of a post; a theme can add them (Templates/)",
        ])
    }

    @Test func anEmbedInsteadWarnsOfNothing() throws {
        #expect(try warnings("Our new video:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n").isEmpty)
    }

    @Test func checkPrintsTheWarningWithTheSourceLine() throws {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\n")
        site.write("Posts/2026-01-01-hello.md", "---\ntitle: \"Hello\"\n---\n\(Self.youTubeCode)\n")
        let result = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(result.status == 0)
        #expect(result.stdout == """
        Posts/2026-01-01-hello.md:4:1: warning: raw HTML <iframe> is left out of the page: markdown.raw_html is false [raw-html]
            hint: use an embed: a paragraph holding only the video's address (https://www.youtube.com/watch?v=…); markdown.raw_html: true would not help, as <iframe> is escaped either way
            | \(Self.youTubeCode)

        """)
    }
}
