import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// Raw HTML is off unless a site turns it on: a pasted event handler or `javascript:` link must not go live on a
/// site whose owner never chose to trust post authors with HTML.
@Suite struct RawHTMLDefaultTests {
    static let post = """
    -- Posts/2026-01-01-pasted.md --
    ---
    title: "Pasted"
    ---
    A paragraph <img src=x onerror="alert(1)"> and [a link](javascript:alert(2)).

    <div onmouseover="alert(3)">block</div>

    <!-- a comment --><img src=x onerror="alert(4)">

    <!-- claim-ok: comments alone stay, so suppressions keep working -->
    """

    func postHTML(siteYAML: String) throws -> String {
        let site = TemporaryDirectory()
        site.write(siteYAML + "\n" + Self.post)
        let built = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        let page = try #require(built.files.first { $0.path == "posts/pasted/index.html" })
        return String(decoding: page.contents, as: UTF8.self)
    }

    @Test func aSiteThatSaysNothingShowsRawHTMLAsText() throws {
        let html = try postHTML(siteYAML: minimalSiteYAML)
        #expect(!html.contains("onerror="))
        #expect(!html.contains("onmouseover="))
        #expect(!html.contains("javascript:"))
        #expect(html.contains("<!-- claim-ok: comments alone stay, so suppressions keep working -->"))
        #expect(html.components(separatedBy: "<!-- raw HTML omitted -->").count == 4)
    }

    @Test func aSiteThatTurnsItOnGetsTheHTML() throws {
        let html = try postHTML(siteYAML: minimalSiteYAML + "\nmarkdown:\n  raw_html: true\n")
        #expect(html.contains(#"<div onmouseover="alert(3)">block</div>"#))
    }

    @Test func initWritesRawHTMLOffWithTheReason() throws {
        let site = TemporaryDirectory()
        _ = try Scaffold.initSite(at: site.url, title: "Clinic", today: Fixtures.now)
        let yaml = try String(contentsOf: site.url.appendingPathComponent("site.yaml"), encoding: .utf8)
        #expect(yaml.contains("  raw_html: false\n"))
        #expect(yaml.contains("javascript: link goes live"))
    }
}
