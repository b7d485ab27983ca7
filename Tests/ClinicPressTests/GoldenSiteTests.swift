import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// Whole fixture sites built into a temporary folder and compared file by file with `expected/`.
/// `RECORD_SNAPSHOTS=1 swift test` rewrites `expected/` after a reviewed change.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["basic", "series", "claims", "pages-people"])
    func buildMatchesGoldenFiles(site name: String) throws {
        let site = Fixtures.site(name)
        let output = TemporaryDirectory()
        let destination = output.url.appendingPathComponent("Public")
        _ = try SiteBuilder.build(BuildOptions(siteDirectory: site, outputDirectory: destination, now: Fixtures.now))
        let built = filesBelow(destination)
        let expectedDirectory = site.appendingPathComponent("expected")

        if Fixtures.recording {
            try? FileManager.default.removeItem(at: expectedDirectory)
            for (path, data) in built {
                let url = expectedDirectory.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = filesBelow(expectedDirectory)
        #expect(!expected.isEmpty, "no golden files: run RECORD_SNAPSHOTS=1 swift test")
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            guard let actual = built[path] else { continue }
            if actual != data {
                Issue.record("\(path) differs from expected/\(path):\n\(firstDifference(String(decoding: data, as: UTF8.self), String(decoding: actual, as: UTF8.self)))")
            }
        }
    }

    /// A one-shot build writes each page as it renders it instead of keeping the site: what it writes is what a build that
    /// keeps its files (the preview's, the tests') holds, byte for byte, and the report counts and digests the same files.
    @Test func aBuildWritesExactlyTheFilesARenderKeeps() throws {
        let output = TemporaryDirectory()
        var options = BuildOptions(siteDirectory: Fixtures.repository, outputDirectory: output.url.appendingPathComponent("Public"),
                                   includeDrafts: true, now: Fixtures.now)
        options.computeDigest = true
        let report = try SiteBuilder.build(options)
        let kept = try SiteBuilder.render(options).files
        let written = filesBelow(options.outputDirectory).filter { $0.key != ".clinicpress-output" }
        #expect(written.keys.sorted() == kept.map(\.path))
        for file in kept where written[file.path].map({ [UInt8]($0) }) != file.contents {
            Issue.record("\(file.path) was written otherwise than it was rendered")
        }
        #expect(report.files == kept.count)
        #expect(report.pages == kept.count { $0.path.hasSuffix(".html") })
        #expect(report.digest == OutputDigest.of(kept))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        for site in [Fixtures.site("basic"), Fixtures.repository] {
            let first = try SiteBuilder.render(BuildOptions(siteDirectory: site, now: Fixtures.now)).files
            let second = try SiteBuilder.render(BuildOptions(siteDirectory: site, now: Fixtures.now)).files
            #expect(first.map(\.path) == second.map(\.path))
            for (a, b) in zip(first, second) where a != b {
                Issue.record("\(a.path) differs between two builds:\n\(firstDifference(String(decoding: a.contents, as: UTF8.self), String(decoding: b.contents, as: UTF8.self)))")
            }
        }
    }

    @Test func draftsAndScheduledPostsNeedTheDraftsFlag() throws {
        let site = Fixtures.site("basic")
        let published = try SiteBuilder.render(BuildOptions(siteDirectory: site, now: Fixtures.now))
        #expect(published.report.posts == 3)
        #expect(published.report.skippedDrafts == 1)
        #expect(published.report.skippedScheduled == 1)
        #expect(!published.files.contains { $0.path.hasPrefix("posts/draft/") || $0.path.hasPrefix("posts/scheduled/") })

        let preview = try SiteBuilder.render(BuildOptions(siteDirectory: site, includeDrafts: true, now: Fixtures.now))
        #expect(preview.report.posts == 5)
        #expect(preview.files.contains { $0.path == "posts/draft/index.html" })
        #expect(preview.files.contains { $0.path == "posts/scheduled/index.html" })
    }

    @Test func baseURLFlagReplacesTheConfiguredOne() throws {
        let files = try SiteBuilder.render(BuildOptions(siteDirectory: Fixtures.site("basic"), baseURL: "https://staging.example/", now: Fixtures.now)).files
        let home = try #require(files.first { $0.path == "index.html" })
        let html = String(decoding: home.contents, as: UTF8.self)
        #expect(html.contains("<link rel=\"canonical\" href=\"https://staging.example/\">"))
        #expect(!html.contains("fixture.example/blog"))
    }

    @Test func theSampleSiteBuildsEveryPageType() throws {
        let result = try SiteBuilder.render(BuildOptions(siteDirectory: Fixtures.repository, now: Fixtures.now))
        let paths = Set(result.files.map(\.path))
        for path in ["index.html", "page/2/index.html", "posts/ketamine-for-depression-how-it-works-pt-1/index.html", "tags/index.html",
                     "tags/ketamine/index.html", "archive/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "assets/style.css"] {
            #expect(paths.contains(path), "missing \(path)")
        }
        #expect(result.report.posts >= 8)
        #expect(result.report.skippedDrafts >= 1)
        #expect(!result.report.warnings.containsErrors)
    }
}

/// The first line where two texts differ, for readable failures.
func firstDifference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, b.count) {
        let left = index < a.count ? String(a[index]) : "<end>"
        let right = index < b.count ? String(b[index]) : "<end>"
        if left != right {
            return "line \(index + 1):\n  expected: \(left)\n  actual:   \(right)"
        }
    }
    return "(same lines, different bytes)"
}

/// `clinicpress check` output on the claims fixture site, in each format, compared with `expected-check.<format>`.
@Suite struct CheckOutputTests {
    @Test(arguments: ["text", "json", "github"])
    func checkOutputMatchesGoldenFile(format: String) throws {
        let site = Fixtures.site("claims")
        let result = try ClinicPressBinary.run(["check", "--site", site.path, "--format", format])
        #expect(result.status == 1, "error-level findings exit 1")
        let expectedURL = site.appendingPathComponent("expected-check.\(format)")
        if Fixtures.recording {
            try Data(result.stdout.utf8).write(to: expectedURL)
            return
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(result.stdout == expected, "\(firstDifference(expected, result.stdout))")
    }

    @Test func strictBuildFailsWithoutTouchingTheOutput() throws {
        let output = TemporaryDirectory()
        let destination = output.url.appendingPathComponent("Public")
        let result = try ClinicPressBinary.run(["build", "--site", Fixtures.site("claims").path, "--output", destination.path, "--strict"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: --strict:"))
        #expect(!FileManager.default.fileExists(atPath: destination.path))
        // The post folders made in the background while rendering are gone too: nothing but the output's parent.
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.url.path).isEmpty)
        let lenient = try ClinicPressBinary.run(["build", "--site", Fixtures.site("claims").path, "--output", destination.path])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("Claims: "))
        // A second strict failure leaves the first build's output exactly as it was, and no staging folder.
        let before = filesBelow(destination)
        #expect(try ClinicPressBinary.run(["build", "--site", Fixtures.site("claims").path, "--output", destination.path, "--strict"]).status == 1)
        #expect(filesBelow(destination) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.url.path) == ["Public"])
    }
}
