import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// Auto-summaries (a post without `summary:`) are its first paragraph with readable text, whole words and links
/// included, on the home card, the tag page, the feed, the meta description and the JSON-LD alike.
@Suite struct SummaryTests {
    static let png = try! [UInt8](Data(contentsOf: Fixtures.root.appendingPathComponent("Images/png-300x200.png")))

    func build(_ partTwo: String) throws -> [String: String] {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\n")
        site.write("Posts/2026-01-01-ketamine-pt-1.md", "---\ntitle: \"Ketamine Basics Pt 1\"\ntags: [ketamine]\n---\nHow it works.\n")
        site.write("Posts/2026-01-08-ketamine-pt-2.md", "---\ntitle: \"Ketamine Basics Pt 2\"\ntags: [ketamine]\n---\n\(partTwo)")
        try FileManager.default.createDirectory(at: site.url.appendingPathComponent("static/assets"), withIntermediateDirectories: true)
        try Data(Self.png).write(to: site.url.appendingPathComponent("static/assets/arrow.png"))
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).files
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.contents, as: UTF8.self)) })
    }

    /// The summary of part 2 wherever it shows, each as its page writes it.
    func summaries(_ files: [String: String], _ summary: String) -> [(place: String, found: Bool)] {
        let escaped = summary.replacingOccurrences(of: "&", with: "&amp;")
        return [
            ("home card", files["index.html"]!.contains("<p class=\"card-summary\">\(escaped)</p>")),
            ("tag page", files["tags/ketamine/index.html"]!.contains("<p class=\"card-summary\">\(escaped)</p>")),
            ("feed", files["feed.xml"]!.contains("<summary>\(escaped)</summary>")),
            ("meta description", files["posts/ketamine-pt-2/index.html"]!.contains("<meta name=\"description\" content=\"\(escaped)\">")),
            ("JSON-LD", files["posts/ketamine-pt-2/index.html"]!.contains("\"description\":\"\(summary)\"")),
        ]
    }

    @Test func theSummaryKeepsTheTextOfLinks() throws {
        // "previous part" is also a series reference: it becomes a link to part 1 on the page.
        let files = try build("""
        In the previous part of this series we saw [how ketamine works](https://doi.org/10.5555/1) and \
        [what it costs](2026-01-01-ketamine-pt-1.md) — today, the *first* session.

        More.

        """)
        let summary = "In the previous part of this series we saw how ketamine works and what it costs — today, the first session."
        for (place, found) in summaries(files, summary) { #expect(found, "\(place) lacks the summary") }
        #expect(files["posts/ketamine-pt-2/index.html"]!.contains("<a class=\"series-ref\" href=\"/posts/ketamine-pt-1/\">previous part</a>"))
    }

    @Test func aPictureInALinkLeavesNoGapInTheSummary() throws {
        let files = try build("In the [![Arrow](/assets/arrow.png) previous part](2026-01-01-ketamine-pt-1.md) we looked at costs.\n")
        for (place, found) in summaries(files, "In the previous part we looked at costs.") { #expect(found, "\(place) lacks the summary") }
    }

    @Test func aFirstParagraphOfOnlyAPictureOrAVideoIsNotTheSummary() throws {
        let files = try build("""
        ![Our infusion room](/assets/arrow.png)

        https://www.youtube.com/watch?v=dQw4w9WgXcQ

        Part two covers what a session costs.

        """)
        for (place, found) in summaries(files, "Part two covers what a session costs.") { #expect(found, "\(place) lacks the summary") }
    }
}
