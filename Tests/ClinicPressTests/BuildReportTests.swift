@testable import ClinicPressSite
import ClinicPressModel
import Foundation
import Testing

/// `build --quiet`, `build --report FILE.json` and `build --fail-on`: the build as deploy scripts drive it.
@Suite struct BuildReportTests {
    /// A copy of the fixture site `name` (without its golden files) in a temporary folder, so the output is `Public/`
    /// inside it and the report names it so.
    func copyOfFixture(_ name: String) throws -> TemporaryDirectory {
        let copy = TemporaryDirectory()
        let source = Fixtures.site(name)
        for item in try FileManager.default.contentsOfDirectory(atPath: source.path) where !item.hasPrefix("expected") {
            try FileManager.default.copyItem(at: source.appendingPathComponent(item), to: copy.url.appendingPathComponent(item))
        }
        return copy
    }

    /// The report with what changes from run to run (each stage's milliseconds) replaced by 0.
    func masked(_ report: String) -> String {
        report.replacing(/("(load|parse|analyse|render|write|total)": )\d+/) { "\($0.output.1)0" }
    }

    func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// The digest of a folder as docs/deploy.md tells a script to compute it with coreutils.
    func shellDigest(of folder: URL) throws -> String {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "find . -type f ! -name .clinicpress-output -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum"]
        shell.currentDirectoryURL = folder
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let printed = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        return "sha256:" + printed.prefix(64)
    }

    @Test func theReportOfTheClaimsFixtureMatchesItsGoldenFile() throws {
        let site = try copyOfFixture("claims")
        let reports = TemporaryDirectory()
        let reportURL = reports.url.appendingPathComponent("build.json")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path, "--report", reportURL.path, "--quiet"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.isEmpty)
        let report = masked(try read(reportURL))
        let expectedURL = Fixtures.site("claims").appendingPathComponent("expected-report.json")
        if Fixtures.recording {
            try Data(report.utf8).write(to: expectedURL)
            return
        }
        // The digest is exact: the build is deterministic. A change to the theme or to this site changes it (record again).
        let expected = try read(expectedURL)
        #expect(report == expected, "\(firstDifference(expected, report))")
        // The golden site's own expected/ folder has that digest: the two golden files agree.
        #expect(report.contains("\"output_digest\": \"\(try shellDigest(of: Fixtures.site("claims").appendingPathComponent("expected")))\""))
        // Nothing but the report was written beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: reports.url.path) == ["build.json"])
    }

    /// The digest is the `sha256sum` of the `sha256sum` lines of every file written but the stamp, sorted by path: what
    /// docs/deploy.md tells a script to run to check it without ClinicPress.
    @Test func theDigestIsWhatSha256sumGivesForTheOutputFolder() throws {
        let site = try copyOfFixture("basic")
        let reportURL = site.url.appendingPathComponent("report.json")
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--report", reportURL.path, "--quiet"]).status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: reportURL)) as! [String: Any]
        let digest = try #require(report["output_digest"] as? String)
        #expect(digest.wholeMatch(of: /sha256:[0-9a-f]{64}/) != nil)

        #expect(digest == (try shellDigest(of: site.url.appendingPathComponent("Public"))))

        // A second build of the same site gives the same digest; a changed post gives another.
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--report", reportURL.path, "--quiet"]).status == 0)
        let again = try JSONSerialization.jsonObject(with: Data(contentsOf: reportURL)) as! [String: Any]
        #expect(again["output_digest"] as? String == digest)
        site.write("Posts/third-note.md", try read(site.url.appendingPathComponent("Posts/third-note.md")) + "\nOne more line.\n")
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--report", reportURL.path, "--quiet"]).status == 0)
        let changed = try JSONSerialization.jsonObject(with: Data(contentsOf: reportURL)) as! [String: Any]
        #expect(changed["output_digest"] as? String != digest)
    }

    @Test func failOnErrorRefusesTheClaimsFixtureAndReportsWhy() throws {
        let site = try copyOfFixture("claims")
        let reportURL = site.url.appendingPathComponent("report.json")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path, "--report", reportURL.path, "--fail-on", "error", "--quiet"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        // The errors that failed it, and nothing at warning or info level.
        #expect(result.stderr.contains("Posts/2026-03-01-infusions.md:7:25: error: research claim without a citation [uncited-research]"))
        #expect(!result.stderr.contains(": warning: "))
        #expect(!result.stderr.contains(": info: "))
        #expect(result.stderr.hasSuffix("error: --fail-on error: 5 findings at error level; the output was not replaced\n"))
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("Public").path))
        let report = try read(reportURL)
        #expect(report.contains("\"status\": \"failed\",\n  \"exit_code\": 1,\n  \"fail_on\": \"error\",\n  \"output\": \"Public/\",\n  \"written\": false,"))
        #expect(report.contains("\"failing\": 5,"))
        #expect(report.contains("\"output_digest\": null"))
    }

    @Test func failOnWarningIsStrictAndFailOnNeverBuilds() throws {
        let site = try copyOfFixture("series")
        // The series fixture builds with warnings and without claim errors.
        let lenient = try ClinicPressBinary.run(["build", "--site", site.url.path, "--fail-on", "error"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        let warning = try ClinicPressBinary.run(["build", "--site", site.url.path, "--fail-on", "warning"])
        let strict = try ClinicPressBinary.run(["build", "--site", site.url.path, "--strict"])
        #expect(warning.status == 1)
        #expect(strict.status == 1)
        #expect(warning.stderr.replacingOccurrences(of: "--fail-on warning:", with: "--strict:") == strict.stderr)
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--fail-on", "never"]).status == 0)
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--strict", "--fail-on", "warning"]).status == 1)
    }

    @Test(arguments: [
        (["--strict", "--fail-on", "never"], "--strict is --fail-on warning and contradicts --fail-on never"),
        (["--fail-on", "sometimes"], "--fail-on"),
        (["--quiet", "--timings"], "--quiet prints nothing but errors"),
        (["--report", "Public/report.json"], "is inside the output folder"),
    ])
    func contradictoryOrUnsafeArgumentsExitTwo(arguments: [String], message: String) throws {
        let site = try copyOfFixture("basic")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path] + arguments.map {
            $0.hasPrefix("Public/") ? site.url.appendingPathComponent($0).path : $0
        })
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.url.appendingPathComponent("Public").path))
    }

    @Test func anInvalidSiteIsReportedWithItsErrorsInTheShapeOfCheckJSON() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-hello.md --
        ---
        title: "Hello"
        ---
        See [gone](post:gone).
        """)
        let reportURL = site.url.appendingPathComponent("report.json")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path, "--report", reportURL.path, "--quiet"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == """
        Posts/2026-01-01-hello.md:4:5: error: link to 'post:gone', which is not a post of this site [broken-link]
            hint: check the slug; post slugs are the file name without the date and `.md`
            | See [gone](post:gone).
        error: build failed with 1 error; the previous output was left untouched

        """)
        #expect(masked(try read(reportURL)) == """
        {
          "generator": "clinicpress 0.1.0",
          "status": "invalid",
          "exit_code": 2,
          "fail_on": "never",
          "output": "Public/",
          "written": false,
          "findings": {
            "error": 1,
            "warning": 0,
            "info": 0
          },
          "findings_by_rule": [
            {
              "rule": "broken-link",
              "severity": "error",
              "count": 1
            }
          ],
          "warnings": 0,
          "errors": [
            {
              "file": "Posts/2026-01-01-hello.md",
              "line": 4,
              "column": 5,
              "rule": "broken-link",
              "severity": "error",
              "message": "link to 'post:gone', which is not a post of this site",
              "excerpt": "See [gone](post:gone)."
            }
          ],
          "timings_ms": {
            "total": 0
          },
          "output_digest": null
        }

        """)
    }

    @Test func quietPrintsNothingOnSuccessEvenWithWarnings() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-hello.md --
        ---
        title: "Hello"
        ---
        ![](/assets/style.css)

        The benefits of a single session last for weeks.
        """)
        let loud = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(loud.status == 0)
        #expect(loud.stderr.contains("warning: image has no alt text"))
        let quiet = try ClinicPressBinary.run(["build", "--site", site.url.path, "--quiet"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr.isEmpty)
    }

    @Test func aReportThatCannotBeWrittenExitsTwoAfterTheBuild() throws {
        let site = try copyOfFixture("basic")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path, "--report", site.url.appendingPathComponent("no/such/folder/r.json").path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot write the report: "), "\(result.stderr)")
    }

    /// The report is replaced in one step: a reader never sees half of it. Its temporary file goes beside it.
    @Test func theReportReplacesThePreviousOneAtomically() throws {
        let site = try copyOfFixture("basic")
        let reportURL = site.url.appendingPathComponent("report.json")
        site.write("report.json", "old")
        let before = try FileManager.default.attributesOfItem(atPath: reportURL.path)[.systemFileNumber] as? Int
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path, "--report", reportURL.path, "--quiet"]).status == 0)
        let after = try FileManager.default.attributesOfItem(atPath: reportURL.path)[.systemFileNumber] as? Int
        #expect(before != after, "a new file renamed into place, not the old one rewritten")
        #expect(try read(reportURL).hasPrefix("{\n  \"generator\": \"clinicpress "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.url.path).filter { $0.contains(".tmp-") }.isEmpty)
    }
}

@Suite struct OutputDigestTests {
    /// FIPS 180-4's examples.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func standardVectors(message: String, digest: String) {
        #expect(SHA256.hex(Array(message.utf8)) == digest)
    }

    @Test func aMillionAs() {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Random lengths around the block and padding boundaries, added in random pieces, against coreutils' sha256sum.
    @Test func randomInputMatchesSha256sum() throws {
        var generator = SeededGenerator(seed: 17)
        let folder = TemporaryDirectory()
        var expected: [String] = []
        var names: [String] = []
        for index in 0..<40 {
            let length = [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000, 4096][index % 14] + (index / 14) * Int.random(in: 0...300, using: &generator)
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var hash = SHA256()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + Int.random(in: 1...200, using: &generator))
                hash.add(Array(bytes[start..<end]))
                start = end
            }
            expected.append(hash.finish())
            #expect(SHA256.hex(bytes) == expected.last)
            let name = "f\(index)"
            try Data(bytes).write(to: folder.url.appendingPathComponent(name))
            names.append(name)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = names
        process.currentDirectoryURL = folder.url
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let lines = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n")
        process.waitUntilExit()
        #expect(lines.map { String($0.prefix(64)) } == expected)
    }

    @Test func theDigestIgnoresTheOrderFilesComeIn() {
        let files = [OutputFile(path: "b/index.html", text: "b"), OutputFile(path: "a.css", text: "a"), OutputFile(path: "a/index.html", text: "")]
        #expect(OutputDigest.of(files) == OutputDigest.of(files.reversed()))
        #expect(OutputDigest.of(files) != OutputDigest.of([files[0], files[1]]))
        // The manifest: sha256sum's lines, sorted by path bytes ("a.css" before "a/index.html": '.' < '/').
        let manifest = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
            .map { "\(SHA256.hex($0.contents))  \($0.path)\n" }.joined()
        #expect(OutputDigest.of(files) == "sha256:" + SHA256.hex(Array(manifest.utf8)))
    }
}
