import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// Sites that must not build, each in `Tests/Fixtures/Invalid/<case>/` with the exact diagnostics the build
/// prints in `expected.txt` (`RECORD_SNAPSHOTS=1 swift test` rewrites them after a reviewed change).
@Suite struct InvalidSiteTests {
    static let cases = [
        "malformed-yaml", "missing-front-matter", "unclosed-front-matter", "missing-title", "bad-date", "duplicate-slug",
        "slug-escape", "non-utf8", "unknown-template", "mustache-syntax", "missing-site-key", "no-site-yaml", "broken-link",
        "wrong-types", "many-errors", "comment-errors", "series-errors", "missing-files", "people-errors", "page-errors",
    ]

    @Test(arguments: cases)
    func reportsExactDiagnostics(case name: String) throws {
        let site = Fixtures.invalid(name)
        let error = try #require(throws: DiagnosticsError.self) {
            try SiteBuilder.render(BuildOptions(siteDirectory: site, now: Fixtures.now))
        }
        #expect(!error.errors.isEmpty)
        let text = DiagnosticReport(error.diagnostics, siteDirectory: site).formatted(.text)
        let expectedURL = site.appendingPathComponent("expected.txt")
        if Fixtures.recording {
            try Data(text.utf8).write(to: expectedURL)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(text == expected, "\(firstDifference(expected, text))")
    }

    @Test func reportsEveryProblemNotOnlyTheFirst() throws {
        let error = try #require(throws: DiagnosticsError.self) {
            try SiteBuilder.render(BuildOptions(siteDirectory: Fixtures.invalid("many-errors"), now: Fixtures.now))
        }
        let files = Set(error.errors.map(\.location.file))
        #expect(files == [
            "Posts/2026-01-01-bad-date.md", "Posts/2026-01-01-escape.md", "Posts/2026-01-01-untitled.md", "Templates/home.mustache",
        ])
    }

    @Test func misspelledKeysWarnWithTheLikelyKey() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-typo.md --
        ---
        title: "Typo"
        titel: "Typo"
        reviewd_by: "Dr. A"
        cta_text: "Custom keys are fine"
        ---
        Body.
        """)
        let report = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).report
        #expect(report.warnings.map(\.description) == [
            "Posts/2026-01-01-typo.md:3:1: warning: unknown key `titel`; did you mean `title`? [front-matter]\n    hint: rename it to `title`, or keep it as a custom key for your templates",
            "Posts/2026-01-01-typo.md:4:1: warning: unknown key `reviewd_by`; did you mean `reviewed_by`? [front-matter]\n    hint: rename it to `reviewed_by`, or keep it as a custom key for your templates",
        ])
    }
}

@Suite struct ContentWarningTests {
    @Test func tagsWithoutASlugAreWarnedAboutAndLeftOut() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-tags.md --
        ---
        title: "Tags"
        tags: [ketamine, "???"]
        ---
        Body.
        """)
        let result = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        #expect(result.report.warnings.map(\.description) == [
            "Posts/2026-01-01-tags.md:3:7: warning: tag '???' has no letters or digits to make its page address, so it is left out [front-matter]\n    hint: use a tag with Latin letters or digits",
        ])
        #expect(result.files.map(\.path).filter { $0.hasPrefix("tags/") } == ["tags/index.html", "tags/ketamine/feed.xml", "tags/ketamine/index.html"])
        let post = String(decoding: try #require(result.files.first { $0.path == "posts/tags/index.html" }).contents, as: UTF8.self)
        #expect(!post.contains("tags//"))
    }

    @Test func summaryFallsBackToTheFirstParagraphShortened() throws {
        let site = TemporaryDirectory()
        let long = String(repeating: "Plain words about care ", count: 20)
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-long.md --
        ---
        title: "Long"
        ---
        ## A heading first

        \(long)
        """)
        let result = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        let feed = String(decoding: try #require(result.files.first { $0.path == "feed.xml" }).contents, as: UTF8.self)
        let summary = try #require(feed.split(separator: "\n").first { $0.contains("<summary>") })
        // 12 repetitions are 276 characters; the 13th would pass the 280-character limit, so the cut is at its start.
        let expected = String(repeating: "Plain words about care ", count: 12).dropLast() + "…"
        #expect(summary == "    <summary>\(expected)</summary>")
    }
}
