import Foundation
import Testing

/// The command line as deploy scripts use it: exit codes, output, and what happens to `Public/`.
@Suite struct CommandLineTests {
    /// A small valid site in a temporary folder.
    func makeSite() -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-01-01-hello.md --
        ---
        title: "Hello"
        ---
        First post.
        """)
        return site
    }

    @Test func buildPrintsOneSummaryLineAndExitsZero() throws {
        let site = makeSite()
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Built 1 post, 5 pages in ") == true)
        #expect(lines.first?.hasSuffix(" s → Public/") == true)
        #expect(lines.last == "Claims: 0 found, 0 cited")
        #expect(FileManager.default.fileExists(atPath: site.url.appendingPathComponent("Public/posts/hello/index.html").path))
    }

    @Test func malformedPostExitsTwoAndLeavesThePreviousOutputIntact() throws {
        let site = makeSite()
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path]).status == 0)
        let before = filesBelow(site.url.appendingPathComponent("Public"))

        site.write("Posts/2026-02-01-broken.md", "---\ntitle: \"Broken\ndate: 2026-02-01\n---\nBody.\n")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Posts/2026-02-01-broken.md:2:8: error: invalid YAML"))
        #expect(result.stderr.contains("the previous output was left untouched"))
        #expect(result.stdout.isEmpty)
        #expect(filesBelow(site.url.appendingPathComponent("Public")) == before)
        // No staging folder is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.url.path).filter { $0.contains("staging") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSecondBuildReplacesTheOutputCompletely() throws {
        let site = makeSite()
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path]).status == 0)
        site.write("Public/stale.html", "old")
        try FileManager.default.removeItem(at: site.url.appendingPathComponent("Posts/2026-01-01-hello.md"))
        site.write("Posts/2026-01-02-renamed.md", "---\ntitle: \"Renamed\"\n---\nBody.\n")
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path]).status == 0)
        let files = filesBelow(site.url.appendingPathComponent("Public"))
        #expect(files["stale.html"] == nil)
        #expect(files["posts/hello/index.html"] == nil)
        #expect(files["posts/renamed/index.html"] != nil)
    }

    /// A rebuild writes the files that changed and hard-links the others from the previous output: same inode, same
    /// modification time, so rsync-style deploys send only what changed.
    @Test func unchangedFilesAreLinkedFromThePreviousOutput() throws {
        let site = makeSite()
        site.write("Posts/2025-12-01-older.md", "---\ntitle: \"Older\"\n---\nAn older post.\n")
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path]).status == 0)
        func inode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: site.url.appendingPathComponent("Public/" + path).path)[.systemFileNumber] as? Int
        }
        let olderBefore = try inode("posts/older/index.html"), helloBefore = try inode("posts/hello/index.html")
        let styleBefore = try inode("assets/style.css")
        site.write("Posts/2026-01-01-hello.md", "---\ntitle: \"Hello\"\n---\nFirst post.\n\nA second paragraph.\n")
        #expect(try ClinicPressBinary.run(["build", "--site", site.url.path]).status == 0)
        #expect(try inode("posts/older/index.html") == olderBefore)
        #expect(try inode("assets/style.css") == styleBefore)
        #expect(try inode("posts/hello/index.html") != helloBefore)
        let hello = try String(contentsOf: site.url.appendingPathComponent("Public/posts/hello/index.html"), encoding: .utf8)
        #expect(hello.contains("A second paragraph."))
    }

    @Test func refusesToReplaceAFolderThatIsNotASite() throws {
        let site = makeSite()
        let other = TemporaryDirectory()
        other.write("precious.txt", "keep me")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path, "--output", other.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to replace"))
        #expect(filesBelow(other.url) == ["precious.txt": Data("keep me".utf8)])
    }

    @Test func outputAndBaseURLFlags() throws {
        let site = makeSite()
        let output = TemporaryDirectory()
        let destination = output.url.appendingPathComponent("www")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path, "--output", destination.path, "--base-url", "https://cdn.example/x"])
        #expect(result.status == 0)
        let home = try String(contentsOf: destination.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("href=\"https://cdn.example/x/\""))
        #expect(home.contains("href=\"/x/posts/hello/\""))
    }

    @Test(arguments: [["build", "--bogus"], ["build", "--base-url", "ftp://x"], ["check", "--format", "xml"], ["frobnicate"]])
    func badArgumentsExitTwo(arguments: [String]) throws {
        let result = try ClinicPressBinary.run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test(arguments: [["--help"], ["build", "--help"], ["check", "--help"], ["init", "--help"], ["new", "post", "--help"],
                      ["comments", "list", "--help"], ["comments", "approve", "--help"], ["comments", "import", "--help"], ["comments", "screen", "--help"]])
    func helpExitsZero(arguments: [String]) throws {
        let result = try ClinicPressBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE:"))
    }

    @Test func checkExitCodes() throws {
        let site = makeSite()
        let clean = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(clean.status == 0)
        #expect(clean.stdout == "No problems found.\n")

        site.write("Posts/2026-01-03-link.md", "---\ntitle: \"Link\"\n---\nSee [gone](post:gone).\n")
        let findings = try ClinicPressBinary.run(["check", "--site", site.url.path, "--format", "json"])
        #expect(findings.status == 1)
        #expect(findings.stdout == """
        {
          "findings": [
            {
              "file": "Posts/2026-01-03-link.md",
              "line": 4,
              "column": 5,
              "rule": "broken-link",
              "severity": "error",
              "message": "link to 'post:gone', which is not a post of this site",
              "excerpt": "See [gone](post:gone)."
            }
          ]
        }

        """)

        site.write("Posts/2026-01-04-bad.md", "no front matter\n")
        let unreadable = try ClinicPressBinary.run(["check", "--site", site.url.path, "--format", "github"])
        #expect(unreadable.status == 2)
        #expect(unreadable.stdout.contains("::error file=Posts/2026-01-04-bad.md,line=1,col=1,title=front-matter::missing front matter"))
    }

    @Test func checkFailsOnWarningsOnlyWhenStrict() throws {
        let site = makeSite()
        site.write("Posts/2026-01-03-weeks.md", "---\ntitle: \"Weeks\"\n---\nThe benefits of a single session last for weeks.\n")
        let lenient = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.hasPrefix("Posts/2026-01-03-weeks.md:4:1: warning: time-to-effect claim without a citation [uncited-time-to-effect]\n"))
        let strict = try ClinicPressBinary.run(["check", "--site", site.url.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stdout == lenient.stdout)
    }

    @Test func checkQuotesSourceLinesOfWindowsFilesWithoutCarriageReturns() throws {
        let site = makeSite()
        site.write("Posts/2026-01-03-crlf.md", "---\r\ntitle: \"CRLF\"\r\n---\r\nIntro.\r\n\r\nSee [gone](post:gone) — café.\r\n")
        let result = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(result.status == 1)
        #expect(result.stdout == """
        Posts/2026-01-03-crlf.md:6:5: error: link to 'post:gone', which is not a post of this site [broken-link]
            hint: check the slug; post slugs are the file name without the date and `.md`
            | See [gone](post:gone) — café.

        """)
    }

    @Test func unreadablePostAndCommentFilesAreInputErrorsAtTheirPaths() throws {
        let site = makeSite()
        // Folders named like a post and like a comment: they are listed as files to read, and reading them fails.
        let posts = site.url.appendingPathComponent("Posts")
        try FileManager.default.createDirectory(at: posts.appendingPathComponent("2026-01-05-folder.md"), withIntermediateDirectories: true)
        site.write("Posts/2026-01-03-a.md", "---\ntitle: \"A\"\n---\nHello.\n")
        try FileManager.default.createDirectory(at: posts.appendingPathComponent("2026-01-03-a.comments/c1.md"), withIntermediateDirectories: true)
        let result = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts/2026-01-03-a.comments/c1.md:1:1: error: cannot read the file: Is a directory [io]
        Posts/2026-01-05-folder.md:1:1: error: cannot read the file: Is a directory [io]

        """)
    }

    @Test func initCreatesASiteThatBuilds() throws {
        let parent = TemporaryDirectory()
        let site = parent.url.appendingPathComponent("new-clinic")
        let created = try ClinicPressBinary.run(["init", site.path, "--title", "Riverside \"Mind\" Clinic"])
        #expect(created.status == 0)
        let built = try ClinicPressBinary.run(["build", "--site", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        let home = try String(contentsOf: site.appendingPathComponent("Public/index.html"), encoding: .utf8)
        #expect(home.contains("<title>Riverside &quot;Mind&quot; Clinic</title>"))
        // A second init never overwrites.
        let again = try ClinicPressBinary.run(["init", site.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already has a site.yaml"))
    }

    @Test func newPostWritesADraftWithFrontMatter() throws {
        let site = makeSite()
        let result = try ClinicPressBinary.run(["new", "post", "TMS: Your Questions, Answered", "--series", "TMS Basics", "--part", "2", "--site", site.url.path])
        #expect(result.status == 0)
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("Posts").path)
            .first { $0.hasSuffix("-tms-your-questions-answered.md") })
        #expect(name.count == "2026-01-01-".count + "tms-your-questions-answered.md".count)
        let text = try String(contentsOf: site.url.appendingPathComponent("Posts/\(name)"), encoding: .utf8)
        #expect(text == "---\ntitle: \"TMS: Your Questions, Answered\"\ntags: []\nseries: \"TMS Basics\"\npart: 2\ndraft: true\n---\n\nWrite the introduction here.\n")
        let again = try ClinicPressBinary.run(["new", "post", "TMS: Your Questions, Answered", "--site", site.url.path])
        #expect(again.status == 2)
    }
}

@Suite struct LargeSiteTests {
    @Test func largeSitesPrintProgressByStage() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML)
        for index in 1...500 {
            site.write("Posts/post-\(index).md", "---\ntitle: \"Post \(index)\"\ndate: 2026-01-01\ntags: [t\(index % 7)]\n---\nText \(index).\n")
        }
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(result.status == 0)
        #expect(result.stderr == """
        [1/5] Loading site.yaml, posts and comments (500 posts)
        [2/5] Parsing Markdown (500 posts)
        [3/5] Checking claims, links and series (500 posts)
        [4/5] Rendering pages (500 posts)
        [5/5] Writing output (500 posts)

        """)
        #expect(result.stdout.hasPrefix("Built 500 posts, 658 pages in "))
    }

    @Test func checkRunsTheFirstThreeStagesAndTimesThem() throws {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML)
        for index in 1...500 {
            site.write("Posts/post-\(index).md", "---\ntitle: \"Post \(index)\"\ndate: 2026-01-01\n---\nText \(index).\n")
        }
        let result = try ClinicPressBinary.run(["check", "--timings", "--site", site.url.path])
        #expect(result.status == 0)
        #expect(result.stdout == "No problems found.\n")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(3)) == [
            "[1/3] Loading site.yaml, posts and comments (500 posts)", "[2/3] Parsing Markdown (500 posts)",
            "[3/3] Checking claims, links and series (500 posts)",
        ])
        // Then one timed line per stage, the report and the total, aligned.
        let timed = lines.dropFirst(3).map { $0.replacing(/\d+\.\d\d s$/, with: "N s") }
        #expect(timed == [
            "Loading site.yaml, posts and comments    N s", "Parsing Markdown                         N s",
            "Checking claims, links and series        N s", "Writing the report                       N s",
            "Total                                    N s",
        ])
    }
}
