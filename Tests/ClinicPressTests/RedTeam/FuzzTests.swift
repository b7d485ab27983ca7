import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// A seeded fuzzer over whole sites: it mutates the inputs in `Tests/Fixtures/Fuzz/` (a post, a comment file and a
/// `site.yaml`) and builds each result. A build must succeed or report errors at a file, and never crash or hang.
/// It runs `FUZZ_SECONDS` (15 by default) from seed `FUZZ_SEED`; a slow input is kept in the temporary folder named
/// in the failure so it can be added to the seeds.
@Suite struct FuzzTests {
    static let seeds = Fixtures.root.appendingPathComponent("Fuzz")

    /// Snippets that have broken Markdown, YAML or template code somewhere before.
    static let nasty: [String] = [
        String(repeating: "> ", count: 3000), String(repeating: "  ", count: 1500) + "- deep", String(repeating: "*", count: 5000),
        String(repeating: "[", count: 2000), String(repeating: "- ", count: 2000) + "x", "](", "\u{0}", "\u{1B}[31m", "&#x0;", "\r\n", "\r",
        "<!-- claim-ok: x -->", "<!-- claim-check off -->", "[^1]", "[^1]: ", "[@key]", "[3]", "[1-999999]", "---\n", "&a [*a, *a]", "*a",
        "{{", "}}", "{{> self}}", "::error::boom", "%0A", "| a |\n|---|\n", "```\n", "<script>x</script>", "[x](javascript:alert(1))",
        String(repeating: "word ", count: 2000), String(repeating: "é", count: 3000), "\u{202E}", "🙂", "Pt 1", "Part 99999999999",
        "title: [", "part: 99999999999", "date: 2026-13-45", "tags: [" + (0..<500).map { "t\($0)" }.joined(separator: ", ") + "]",
        "status: approved", "reply_to: c", "series: \"\"", "\t", String(repeating: "\n", count: 500), "https://", "<https://x>",
        String(repeating: "[^n]: x\n", count: 300), String(repeating: "1. ", count: 1000) + "x",
    ]

    @Test func randomSitesBuildOrReportErrorsAtAFile() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = environment["FUZZ_SECONDS"].flatMap(Double.init) ?? 15
        let seed = environment["FUZZ_SEED"].flatMap(UInt64.init) ?? 20_261_130
        var generator = SeededGenerator(seed: seed)
        let inputs = try ["post-basic.md", "comment.md", "site.yaml"].map { try Data(contentsOf: Self.seeds.appendingPathComponent($0)) }
        let deadline = Date().addingTimeInterval(seconds)
        var runs = 0, failures = 0
        while Date() < deadline {
            let mutated = inputs.map { Self.mutate($0, using: &generator) }
            let site = TemporaryDirectory()
            try write(mutated[2], to: site.url.appendingPathComponent("site.yaml"))
            try write(mutated[0], to: site.url.appendingPathComponent("Posts/2026-01-01-a.md"))
            try write(mutated[1], to: site.url.appendingPathComponent("Posts/2026-01-01-a.comments/c.md"))
            try write(inputs[0], to: site.url.appendingPathComponent("Posts/2026-01-02-b.md"))
            let started = Date()
            do {
                _ = try SiteBuilder.render(BuildOptions(siteDirectory: site.url, now: Fixtures.now))
            } catch let error as DiagnosticsError {
                for diagnostic in error.diagnostics where diagnostic.location.file.isEmpty {
                    Issue.record("a diagnostic without a file: \(diagnostic)")
                    failures += 1
                }
            }
            let elapsed = Date().timeIntervalSince(started)
            if elapsed > 5 {
                let kept = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-fuzz-slow-\(seed)-\(runs)")
                try? FileManager.default.copyItem(at: site.url, to: kept)
                Issue.record("an input took \(Int(elapsed)) s to build; kept in \(kept.path)")
                failures += 1
            }
            runs += 1
            if failures > 5 { break }
        }
        print("fuzz: \(runs) random sites built in \(Int(seconds)) s from seed \(seed), \(failures) failures")
        #expect(runs > 10)
    }

    func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// One to four random edits: insert a nasty snippet, delete or duplicate a range, or flip a byte (which may leave
    /// invalid UTF-8).
    static func mutate(_ input: Data, using generator: inout SeededGenerator) -> Data {
        var bytes = [UInt8](input)
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let at = Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<5:
                bytes.insert(contentsOf: Array(nasty.randomElement(using: &generator)!.utf8), at: at)
            case 5, 6:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &generator))
                bytes.removeSubrange(at..<end)
            case 7, 8:
                let end = min(bytes.count, at + Int.random(in: 1...200, using: &generator))
                bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
            default:
                if at < bytes.count { bytes[at] = UInt8.random(in: 0...255, using: &generator) }
            }
        }
        return Data(bytes)
    }
}
