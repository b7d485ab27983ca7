import ClinicPressModel
@testable import ClinicPressSeries
import ClinicPressSite
import Foundation
import Testing

@Suite struct SeriesTitleTests {
    @Test(arguments: [
        ("Ketamine for Depression: How It Works Pt 1", "Ketamine for Depression: How It Works", 1, nil),
        ("Ketamine for Depression: How It Works Pt. 2", "Ketamine for Depression: How It Works", 2, nil),
        ("TMS, Explained: Part 3", "TMS, Explained", 3, nil),
        ("TMS basics — Part Two", "TMS basics", 2, nil),
        ("Healing After Trauma (Part 2 of 3)", "Healing After Trauma", 2, 3),
        ("Healing After Trauma – Part II", "Healing After Trauma", 2, nil),
    ] as [(String, String, Int, Int?)])
    func readsPartMarkers(title: String, series: String, part: Int, total: Int?) throws {
        let marker = try #require(TitleMarker(title: title))
        #expect(marker.seriesTitle == series)
        #expect(marker.part == part)
        #expect(marker.total == total)
    }

    @Test(arguments: ["Part 2", "Why Ketamine Works", "Take Part", "The Best Part One Could Want Is", "Apartment Pt"])
    func ignoresTitlesWithoutAMarker(title: String) {
        #expect(TitleMarker(title: title) == nil)
    }
}

@Suite struct SeriesReferenceTests {
    func references(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SeriesReferenceScanner.scan(text).map { match in
            "\(String(String.UnicodeScalarView(scalars[match.range]))) → \(match.reference)"
        }
    }

    @Test func findsTheWaysAuthorsReferToParts() {
        #expect(references("In part two, we'll look at costs; Part 3 covers aftercare and pt. 4 the rest.") == [
            "part two → part(2)", "Part 3 → part(3)", "pt. 4 → part(4)",
        ])
        #expect(references("The second part of this series, the next part, and the previous post in this series.") == [
            "second part → part(2)", "next part → next", "previous post in this series → previous",
        ])
    }

    @Test func ignoresOrdinaryUsesOfPart() {
        #expect(references("Part of the reason is cost. A part I liked was the chair. The next post is about sleep.") == [])
    }
}

@Suite struct SeriesSiteTests {
    @Test func seriesPagesBoxesAndForwardReferences() throws {
        let result = try SiteBuilder.render(BuildOptions(siteDirectory: Fixtures.site("series"), now: Fixtures.now))
        func page(_ path: String) throws -> String {
            String(decoding: try #require(result.files.first { $0.path == path }).contents, as: UTF8.self)
        }
        let first = try page("posts/tms-basics-pt-1/index.html")
        #expect(first.contains("Part 1 of 3 in the series <a href=\"/series/tms-basics/\">TMS Basics</a>"))
        #expect(first.contains("In <a class=\"series-ref\" href=\"/posts/tms-basics-pt-2/\">part two</a>, we'll look at costs, and the "
            + "<a class=\"series-ref\" href=\"/posts/tms-basics-pt-3/\">third part</a> covers aftercare."))
        #expect(first.contains("The <a class=\"series-ref\" href=\"/posts/tms-basics-pt-2/\">next part</a> is where"))
        #expect(first.contains("<a href=\"/series/tms-basics/\">series</a>"))
        #expect(first.contains("<a class=\"series-next\" rel=\"next\" href=\"/posts/tms-basics-pt-2/\">Part 2 →</a>"))
        #expect(first.contains("\"isPartOf\":{\"@type\":\"CreativeWorkSeries\",\"name\":\"TMS Basics\",\"url\":\"https://series.example/series/tms-basics/\"}"))
        let second = try page("posts/tms-basics-pt-2/index.html")
        #expect(second.contains("As the <a class=\"series-ref\" href=\"/posts/tms-basics-pt-1/\">previous part</a> explained"))

        let journey = try page("posts/weight-loss-1/index.html")
        #expect(journey.contains("Part 1 of 3 in the series"))
        #expect(journey.contains("<li class=\"coming-soon\"><span class=\"part-number\">Part 2</span> Coming soon</li>"))
        #expect(journey.contains("In part 2 we cover nutrition, and part 3 is about staying on track."))
        #expect(!journey.contains("Nutrition Basics"))
        #expect(result.report.warnings.map(\.description) == [
            "Posts/2026-02-01-weight-loss-1.md:7:20: warning: 'part 2' refers to part 2 of 'Weight-Loss Journey', which is not published (Posts/2026-02-08-weight-loss-2.md is a draft or scheduled) [series-reference]\n    hint: the phrase becomes a link once that part is published; until then it stays plain text",
            "Posts/2026-02-01-weight-loss-1.md:7:51: warning: 'part 3' refers to part 3 of 'Weight-Loss Journey', which is not published [series-reference]\n    hint: the phrase becomes a link once that part is published; until then it stays plain text",
        ])
        let standalone = try page("posts/standalone/index.html")
        #expect(!standalone.contains("series-ref"))

        let index = try page("series/tms-basics/index.html")
        #expect(index.contains("<h1>TMS Basics</h1>"))
        let list = try page("series/index.html")
        #expect(list.contains("<a href=\"/series/weight-loss-journey/\">Weight-Loss Journey</a> <span class=\"count\">1 of 3 parts</span>"))
        let sitemap = try page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://series.example/series/tms-basics/</loc>"))
    }

    /// Publishing the missing part turns part 1's forward reference into a link on the next build.
    @Test func publishingTheMissingPartLinksTheReference() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-sleep-1.md --
        ---
        title: "Sleep and Mood"
        series: "Sleep"
        part: 1
        parts: 2
        ---
        In part two we look at naps.
        """)
        let before = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        #expect(before.report.warnings.map(\.rule) == ["series-reference"])
        site.write("Posts/2026-01-08-sleep-2.md", "---\ntitle: \"Naps\"\nseries: \"Sleep\"\npart: 2\n---\nNaps.\n")
        let after = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        #expect(after.report.warnings.isEmpty)
        let html = String(decoding: try #require(after.files.first { $0.path == "posts/sleep-1/index.html" }).contents, as: UTF8.self)
        #expect(html.contains("In <a class=\"series-ref\" href=\"/posts/sleep-2/\">part two</a> we look at naps."))
        #expect(html.contains("<li><span class=\"part-number\">Part 2</span> <a href=\"/posts/sleep-2/\">Naps</a></li>"))
    }

    @Test func seriesWarningsPointAtTheRightLines() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-a.md --
        ---
        title: "Gut Health Pt 1"
        ---
        One.
        -- Posts/2025-12-01-c.md --
        ---
        title: "Gut Health Pt 3"
        ---
        Three, dated before part one and with no part two.
        -- Posts/2026-01-02-lonely.md --
        ---
        title: "Lonely"
        series: "Only Me"
        part: 1
        ---
        Alone.
        """)
        let report = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now)).report
        #expect(report.warnings.map { "\($0.location.file):\($0.location.line) \($0.message)" } == [
            "Posts/2025-12-01-c.md:2 'Gut Health' has no part 2 before this part 3",
            "Posts/2025-12-01-c.md:2 part 3 of 'Gut Health' is dated 2025-12-01, before part 1 (2026-01-01)",
            "Posts/2025-12-01-c.md:4 'part two' refers to part 2 of 'Gut Health', which is not published",
            "Posts/2026-01-02-lonely.md:3 'Only Me' is a series of one post",
        ])
    }
}
