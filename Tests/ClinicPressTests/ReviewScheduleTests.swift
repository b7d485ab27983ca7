import ClinicPressModel
import ClinicPressPreview
@testable import ClinicPressSite
import Foundation
import Testing

/// `review_every`: posts whose medical review is overdue are warned about and listed for dashboards.
@Suite struct ReviewScheduleTests {
    @Test(arguments: [("12 months", "12 months"), ("1 year", "1 year"), ("6 Weeks", "6 weeks"), ("90 days", "90 days"), ("1 months", "1 month")])
    func intervalsAreRead(written: String, read: String) throws {
        #expect(try #require(ReviewInterval(parsing: written)).description == read)
    }

    @Test(arguments: ["soon", "12", "months", "0 months", "-1 year", "1.5 years", "12 fortnights", "12 months ago"])
    func otherTextIsNoInterval(written: String) {
        #expect(ReviewInterval(parsing: written) == nil)
    }

    @Test(arguments: [
        ("2026-05-20", "6 months", "2026-11-20"), ("2026-01-31", "1 month", "2026-02-28"), ("2024-01-31", "1 month", "2024-02-29"),
        ("2024-02-29", "1 year", "2025-02-28"), ("2026-11-30", "90 days", "2027-02-28"), ("2026-12-25", "2 weeks", "2027-01-08"),
        ("2026-03-15", "12 months", "2027-03-15"),
    ])
    func dueDates(from: String, every: String, due: String) throws {
        let interval = try #require(ReviewInterval(parsing: every))
        #expect(interval.after(try #require(Timestamp(parsing: from))).dayString == due)
    }

    static let site = """
    -- site.yaml --
    title: Reviews
    base_url: https://clinic.example.org/
    review_every: 12 months
    -- Posts/2025-01-10-reviewed-long-ago.md --
    ---
    title: Reviewed long ago
    reviewed_by: "Dr. Ana Ruiz, MD"
    reviewed_on: 2025-02-01
    ---
    Plain text.
    -- Posts/2025-03-05-never-reviewed.md --
    ---
    title: Never reviewed
    ---
    Plain text.
    -- Posts/2025-12-01-reviewed-recently.md --
    ---
    title: Reviewed recently
    date: 2025-12-01
    reviewed_on: 2026-06-01
    ---
    Plain text.
    -- Posts/2024-06-01-old-draft.md --
    ---
    title: An old draft
    draft: true
    ---
    Plain text.
    """

    @Test func overdueReviewsAreWarningsAtTheirLines() throws {
        let site = TemporaryDirectory()
        site.write(Self.site)
        let report = try SiteBuilder.check(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        #expect(report.warnings.filter { $0.rule == "review-overdue" }.map(\.description) == [
            "Posts/2025-01-10-reviewed-long-ago.md:4:1: warning: medical review overdue: last reviewed on 2025-02-01 by Dr. Ana Ruiz, MD; due 2026-02-01 (`review_every: 12 months`) [review-overdue]\n    hint: have the post reviewed, then set `reviewed_on` (and `reviewed_by`) in its front matter",
            "Posts/2025-03-05-never-reviewed.md:1:1: warning: medical review overdue: never reviewed since it was published; due 2026-03-05 (`review_every: 12 months`) [review-overdue]\n    hint: have the post reviewed, then set `reviewed_on` (and `reviewed_by`) in its front matter",
        ])
        #expect(report.reviews?.due.map(\.file) == ["Posts/2025-01-10-reviewed-long-ago.md", "Posts/2025-03-05-never-reviewed.md"])
    }

    @Test func theJSONReportListsThemForADashboard() throws {
        let site = TemporaryDirectory()
        site.write(Self.site)
        let check = try SiteBuilder.check(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        var report = DiagnosticReport(byFile: check.findingsByFile, adding: check.warnings, siteDirectory: site.url)
        report.reviews = check.reviews
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.formatted(.json).utf8)) as? [String: Any])
        let due = try #require(json["reviews_due"] as? [[String: Any]])
        #expect(due.count == 2)
        #expect(due[0]["file"] as? String == "Posts/2025-01-10-reviewed-long-ago.md")
        #expect(due[0]["line"] as? Int == 4)
        #expect(due[0]["reviewed_by"] as? String == "Dr. Ana Ruiz, MD")
        #expect(due[0]["last_reviewed"] as? String == "2025-02-01")
        #expect(due[0]["due"] as? String == "2026-02-01")
        #expect(due[1]["last_reviewed"] == nil && due[1]["reviewed_by"] == nil)
        #expect((json["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "review-overdue" } == true)
    }

    @Test func withoutTheSettingNothingIsTracked() throws {
        let site = TemporaryDirectory()
        site.write(Self.site.replacingOccurrences(of: "review_every: 12 months\n", with: ""))
        let check = try SiteBuilder.check(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
        #expect(check.reviews == nil)
        #expect(!check.warnings.contains { $0.rule == "review-overdue" })
        let report = DiagnosticReport(byFile: check.findingsByFile, adding: check.warnings, siteDirectory: site.url)
        #expect(!report.formatted(.json).contains("reviews_due"))
    }

    @Test func anIntervalThatCannotBeReadIsAnErrorAtItsValue() throws {
        let site = TemporaryDirectory()
        site.write(Self.site.replacingOccurrences(of: "review_every: 12 months", with: "review_every: yearly"))
        let error = try #require(throws: DiagnosticsError.self) { try SiteBuilder.check(BuildOptions(siteDirectory: site.url, now: Fixtures.now)) }
        #expect(error.diagnostics.map(\.description) == [
            "site.yaml:3:15: error: `review_every` must be a number and a unit, such as `12 months` [site-config]\n    hint: units: days, weeks, months, years",
        ])
    }

    @Test func theSampleSiteShowsAnOverdueReview() throws {
        let report = try SiteBuilder.check(BuildOptions(siteDirectory: Fixtures.repository, now: Fixtures.now))
        let due = try #require(report.reviews?.due)
        #expect(due.map(\.file) == ["Posts/2026-06-16-anxiety-treatment-options-with-and-without-medication.md"])
        #expect(report.warnings.contains { $0.rule == "review-overdue" && $0.location.line == 8 })
    }

    @Test func thePreviewShowsTheOverdueReviewOnThePost() throws {
        let site = TemporaryDirectory()
        site.write(Self.site)
        guard case .built(let files, _) = PreviewBuilder(siteDirectory: site.url, baseURL: "http://127.0.0.1:8000/").build(generation: "g") else {
            Issue.record("the preview did not build")
            return
        }
        let page = try #require(files.first { $0.path == "posts/reviewed-long-ago/index.html" })
        #expect(String(decoding: page.contents, as: UTF8.self).contains("medical review overdue: last reviewed on 2025-02-01"))
    }
}
