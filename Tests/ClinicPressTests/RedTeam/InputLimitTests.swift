@testable import ClinicPressContent
import Foundation
import Testing

/// Inputs whose cost had no bound: each is refused at its file and line with exit 2, quickly. The deadline of each
/// run is what failed before (minutes, gigabytes, or a hang for ever).
@Suite struct InputLimitTests {
    /// `check` on a site of `files`, which must end within the deadline.
    func check(_ files: [String: String]) throws -> CommandResult {
        let site = RedTeam.site(files)
        return try #require(try RedTeam.run(["check", "--site", site.url.path], deadline: 20), "check did not end")
    }

    /// The memchr count of footnote marks against a plain count, on random text.
    @Test func footnoteMarksAreCountedLikeAPlainScan() {
        var generator = SeededGenerator(seed: 11)
        let pieces = ["[", "^", "[^", "a", "\n", "]", "é", "^^", "[[^"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let plain = bytes.indices.dropFirst().filter { bytes[$0] == UInt8(ascii: "^") && bytes[$0 - 1] == UInt8(ascii: "[") }.count
            #expect(FootnoteCount.marks(in: text) == plain, "\(text.debugDescription)")
        }
    }

    @Test func aYAMLAliasBombInFrontMatterIsRefused() throws {
        // 9 × 9 × … values from a few hundred bytes ("billion laughs").
        var yaml = "lol: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 0..<8 {
            let anchor = Character(Unicode.Scalar(UInt8(ascii: "b") + UInt8(level)))
            let alias = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8(level)))
            yaml += "l\(level): &\(anchor) [" + Array(repeating: "*\(alias)", count: 9).joined(separator: ",") + "]\n"
        }
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", yaml)])
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts/2026-01-01-a.md:8:1: error: the YAML holds more than 100000 values once its aliases (`*name`) are expanded [input-limit]
            hint: write the values out instead of repeating anchors (`&name`) with aliases
            | l4: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]

        """)
    }

    @Test func aYAMLAliasBombInSiteYAMLIsRefused() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        var yaml = "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\nx0: &x0 [a,a,a,a,a,a,a,a,a,a]\n"
        for level in 1...8 { yaml += "x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ",") + "]\n" }
        site.write("site.yaml", yaml)
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], deadline: 20))
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("site.yaml:7:1: error: the YAML holds more than 100000 values once its aliases (`*name`) are expanded [input-limit]"))
    }

    @Test func aFewAliasesStillWork() throws {
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", "cta: &cta \"Book a call\"\ncta_again: *cta\n")])
        #expect(result.stdout == "No problems found.\n")
    }

    @Test func aHundredMillionPartsAreRefused() throws {
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", "series: \"Sleep\"\npart: 1\nparts: 100000000\n")])
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts/2026-01-01-a.md:5:8: error: `parts: 100000000` is more than the limit of 500 parts in a series [input-limit]
            hint: split the series, or check the number
            | parts: 100000000

        """)
    }

    @Test func aHugePartNumberIsRefused() throws {
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", "series: \"Sleep\"\npart: 99999999\n")])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("Posts/2026-01-01-a.md:4:7: error: `part: 99999999` is more than the limit of 500 parts in a series [input-limit]"))
    }

    @Test func twoThousandTagsOnOnePostAreRefused() throws {
        let tags = (0..<2_000).map { "t\($0)" }.joined(separator: ", ")
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", "tags: [\(tags)]\n")])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("""
        Posts/2026-01-01-a.md:3:7: error: the post has 2000 tags, more than the limit of 50 [input-limit]
            hint: keep the few tags a reader would browse by
        """))
    }

    @Test func fiftyTagsAreFine() throws {
        let tags = (0..<50).map { "t\($0)" }.joined(separator: ", ")
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", "tags: [\(tags)]\n")])
        #expect(result.stdout == "No problems found.\n")
    }

    @Test(arguments: [10_000, 50_000])
    func tensOfThousandsOfFootnotesAreRefused(count: Int) throws {
        let body = (0..<count).map { "Note \($0).[^\($0)]\n" }.joined() + "\n" + (0..<count).map { "[^\($0)]: Source \($0).\n" }.joined()
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", body: body)])
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts/2026-01-01-a.md:2004:1: error: the post has \(2 * count) footnote marks (`[^…]`), more than the limit of 2000 [input-limit]
            hint: cite a shared source once with `[@key]` from references.yaml, or split the post
            | Note 2000.[^2000]

        """)
    }

    @Test func aPostLargerThanFourMebibytesIsRefusedUnread() throws {
        let body = String(repeating: "A long line of text that goes on.\n", count: 150_000)
        let result = try check(["Posts/2026-01-01-big.md": RedTeam.post("Big", body: body)])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("""
        Posts/2026-01-01-big.md:1:1: error: the file is 4.9 MiB, more than the limit of 4.0 MiB [input-limit]
            hint: split it into smaller files, or check that it is the file you meant
        """))
    }

    @Test func aCommentLargerThan256KiBIsRefused() throws {
        let body = String(repeating: "spam ", count: 60_000)
        let result = try check([
            "Posts/2026-01-01-a.md": RedTeam.post("A"),
            "Posts/2026-01-01-a.comments/c1.md": "---\nauthor: \"X\"\ndate: 2026-01-02\nstatus: pending\n---\n\(body)\n",
        ])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("Posts/2026-01-01-a.comments/c1.md:1:1: error: the file is 293 KiB, more than the limit of 256 KiB [input-limit]"))
    }

    @Test func frontMatterLargerThanOneMebibyteIsRefused() throws {
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", "notes: \"" + String(repeating: "x", count: 1_100_000) + "\"\n")])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("Posts/2026-01-01-a.md:2:1: error: the YAML is 1100020 bytes, more than the limit of 1048576 [input-limit]"))
    }

    @Test func aOneLineParagraphOfTwentyThousandClaimsIsCheckedWithinTheDeadline() throws {
        // Each finding counted the columns from the start of the line: 4,000 sentences took 14 s, 20,000 minutes.
        let body = Array(repeating: "Ketamine improves outcomes by 40% in patients.", count: 20_000).joined(separator: " ") + "\n"
        let result = try check(["Posts/2026-01-01-a.md": RedTeam.post("A", body: body)])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Posts/") }
        #expect(lines.count == 20_000)
        #expect(lines.last?.hasPrefix("Posts/2026-01-01-a.md:4:939954: error: ") == true)
    }

    @Test func aFIFOInPostsIsAnErrorNotAHang() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        #expect(mkfifo(site.url.appendingPathComponent("Posts/2026-01-02-pipe.md").path, 0o644) == 0)
        let result = try #require(try RedTeam.run(["build", "--site", site.url.path], deadline: 20), "the build hung on the FIFO")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("""
        Posts/2026-01-02-pipe.md:1:1: error: the file is a FIFO (named pipe), which is not a text file [io]
            hint: only regular files are read from the site folder; move it out of the site
        error: build failed with 1 error
        """))
    }

    @Test func aFIFOAsACommentIsAnErrorNotAHang() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        try FileManager.default.createDirectory(at: site.url.appendingPathComponent("Posts/2026-01-01-a.comments"), withIntermediateDirectories: true)
        #expect(mkfifo(site.url.appendingPathComponent("Posts/2026-01-01-a.comments/c1.md").path, 0o644) == 0)
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], deadline: 20), "check hung on the FIFO")
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("Posts/2026-01-01-a.comments/c1.md:1:1: error: the file is a FIFO (named pipe), which is not a text file [io]"))
    }

    @Test func aFIFOInTemplatesIsAnErrorNotAHang() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A"), "Templates/layout.mustache": "<main>{{{content}}}</main>\n"])
        #expect(mkfifo(site.url.appendingPathComponent("Templates/footer.mustache").path, 0o644) == 0)
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], deadline: 20), "check hung on the FIFO")
        #expect(result.status == 2)
        #expect(result.stdout == """
        Templates/footer.mustache:1:1: error: Templates/footer.mustache is not a regular file (a FIFO, socket or device) [io]
            hint: only regular files are read from Templates/; move it out of the site

        """)
    }

    @Test func aYAMLAliasBombInACommentIsRefused() throws {
        var yaml = "x0: &x0 [a,a,a,a,a,a,a,a,a,a]\n"
        for level in 1...8 { yaml += "x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ",") + "]\n" }
        let result = try check([
            "Posts/2026-01-01-a.md": RedTeam.post("A"),
            "Posts/2026-01-01-a.comments/c1.md": "---\nauthor: \"X\"\ndate: 2026-01-02\nstatus: pending\n\(yaml)---\nHi.\n",
        ])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix(
            "Posts/2026-01-01-a.comments/c1.md:9:1: error: the YAML holds more than 100000 values once its aliases (`*name`) are expanded [input-limit]"))
    }

    @Test(arguments: ["/etc/passwd", "/dev/zero"])
    func aSymlinkOutOfTheSiteIsAnErrorThatQuotesNothingOfTheTarget(target: String) throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("Posts/2026-01-02-leak.md").path, withDestinationPath: target)
        let result = try #require(try RedTeam.run(["check", "--site", site.url.path], deadline: 20))
        #expect(result.status == 2)
        #expect(result.stdout == """
        Posts/2026-01-02-leak.md:1:1: error: the file is a symbolic link that leads out of the site folder [io]
            hint: copy the file into the site instead of linking to it

        """)
        #expect(!result.stdout.contains("root:"))
    }

    @Test func aCommentsFolderLinkedFromOutsideTheSiteIsAnError() throws {
        let outside = TemporaryDirectory()
        outside.write("c1.md", "---\nauthor: \"X\"\ndate: 2026-01-02\nstatus: approved\n---\nA private note.\n")
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A")])
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("Posts/2026-01-01-a.comments").path,
                                                   withDestinationPath: outside.url.path)
        let result = try #require(try RedTeam.run(["build", "--site", site.url.path]))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("""
        Posts/2026-01-01-a.comments:1:1: error: the folder is a symbolic link that leads out of the site folder [io]
            hint: copy the folder into the site instead of linking to it
        error: build failed
        """))
    }

    @Test func aSymlinkToAFileInsideTheSiteIsRead() throws {
        let site = RedTeam.site(["Posts/2026-01-01-a.md": RedTeam.post("A"), "Drafts/b.md": RedTeam.post("B")])
        try FileManager.default.createSymbolicLink(atPath: site.url.appendingPathComponent("Posts/2026-01-02-b.md").path, withDestinationPath: "../Drafts/b.md")
        let result = try #require(try RedTeam.run(["build", "--site", site.url.path]))
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: site.url.appendingPathComponent("Public/posts/b/index.html").path))
    }
}
