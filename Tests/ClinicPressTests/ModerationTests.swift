import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import Foundation
import Testing

@Suite struct FrontMatterEditorTests {
    let file = """
    ---
    author: May M.
    date: 2026-09-23T14:05:00Z
    status: pending            # pending | approved | rejected | spam
    email: may@example.com
    flags:
      - testimonial
    ---
    The comment text.
    status: this line is the body, not front matter.

    """

    @Test func replacesKeysInPlaceAndKeepsEverythingElse() throws {
        let edited = try FrontMatterEditor.set([("status", "approved"), ("moderated_by", "\"Dana W.\""), ("flags", "[contact-info]")], in: file)
        #expect(edited == """
        ---
        author: May M.
        date: 2026-09-23T14:05:00Z
        status: approved           # pending | approved | rejected | spam
        email: may@example.com
        flags: [contact-info]
        moderated_by: "Dana W."
        ---
        The comment text.
        status: this line is the body, not front matter.

        """)
    }

    @Test func removesKeysGivenNil() throws {
        let edited = try FrontMatterEditor.set([("email", nil)], in: file)
        #expect(!edited.contains("email:"))
        #expect(edited.contains("status: pending"))
    }

    @Test func quotesAnyText() {
        #expect(FrontMatterEditor.quoted("She said \"hi\" \\ bye\n\u{7}") == "\"She said \\\"hi\\\" \\\\ bye\\n\\x07\"")
    }

    @Test func refusesFilesWithoutFrontMatter() {
        #expect(throws: FrontMatterEditor.Failure.self) { try FrontMatterEditor.set([("status", "approved")], in: "no front matter\n") }
    }
}

/// The moderation commands, run as a moderator would run them.
@Suite struct ModerationCommandTests {
    func makeSite() -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write(minimalSiteYAML + """

        -- Posts/2026-09-01-ketamine-basics.md --
        ---
        title: "Ketamine Basics"
        ---
        Body.
        -- Posts/2026-09-01-ketamine-basics.comments/2026-09-23-may-m.md --
        ---
        author: May M.
        date: 2026-09-23T14:05:00Z
        status: pending            # pending | approved | rejected | spam
        email: may@example.com
        flags: [testimonial]
        ---
        My mother felt better after her second infusion.
        -- Posts/2026-09-01-ketamine-basics.comments/2026-09-24-max-b.md --
        ---
        author: Max B.
        date: 2026-09-24T10:00:00Z
        status: pending
        ---
        What does it cost?
        -- Posts/2026-09-01-ketamine-basics.comments/2026-09-24-mia-c.md --
        ---
        author: Mia C.
        date: 2026-09-24T11:00:00Z
        status: pending
        ---
        Is it covered by insurance?
        """)
        return site
    }

    func read(_ site: TemporaryDirectory, _ id: String) throws -> String {
        try String(contentsOf: site.url.appendingPathComponent("Posts/2026-09-01-ketamine-basics.comments/\(id).md"), encoding: .utf8)
    }

    @Test func listShowsThePendingQueueWithFlags() throws {
        let site = makeSite()
        let result = try ClinicPressBinary.run(["comments", "list", "--site", site.url.path])
        #expect(result.status == 0)
        #expect(result.stdout == """
        may-m  pending  2026-09-23  May M.  on ketamine-basics  [testimonial]
            My mother felt better after her second infusion.
        max-b  pending  2026-09-24  Max B.  on ketamine-basics
            What does it cost?
        mia-c  pending  2026-09-24  Mia C.  on ketamine-basics
            Is it covered by insurance?
        3 comments

        """)
    }

    @Test func approveChangesOnlyTheModerationLinesAndPublishes() throws {
        let site = makeSite()
        let before = try read(site, "2026-09-23-may-m")
        let result = try ClinicPressBinary.run(["comments", "approve", "2026-09-23", "--by", "Dana W.", "--site", site.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "approved 2026-09-23-may-m (Posts/2026-09-01-ketamine-basics.comments/2026-09-23-may-m.md)\n")
        let after = try read(site, "2026-09-23-may-m")
        let removed = Set(before.split(separator: "\n")).subtracting(after.split(separator: "\n"))
        let added = after.split(separator: "\n").filter { !before.split(separator: "\n").contains($0) }
        #expect(removed == ["status: pending            # pending | approved | rejected | spam"])
        #expect(added.count == 3)
        #expect(added[0] == "status: approved           # pending | approved | rejected | spam")
        #expect(added[1] == "moderated_by: \"Dana W.\"")
        #expect(added[2].hasPrefix("moderated_at: 20") && added[2].hasSuffix("Z"))

        let built = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(built.status == 0)
        let page = try String(contentsOf: site.url.appendingPathComponent("Public/posts/ketamine-basics/index.html"), encoding: .utf8)
        #expect(page.contains("My mother felt better after her second infusion."))
        #expect(!page.contains("What does it cost?"))
        #expect(!page.contains("may@example.com"))
    }

    @Test func rejectNeedsAReasonAndRecordsIt() throws {
        let site = makeSite()
        let missing = try ClinicPressBinary.run(["comments", "reject", "2026-09-24-max", "--site", site.url.path])
        #expect(missing.status == 2)
        let result = try ClinicPressBinary.run(["comments", "reject", "2026-09-24-max", "--reason", "Asks about \"prices\"", "--by", "Lee", "--site", site.url.path])
        #expect(result.status == 0)
        let text = try read(site, "2026-09-24-max-b")
        #expect(text.contains("status: rejected\n"))
        #expect(text.contains("reason: \"Asks about \\\"prices\\\"\"\n"))
        #expect(text.hasSuffix("---\nWhat does it cost?\n"))
    }

    @Test func ambiguousAndUnknownIdsChangeNothing() throws {
        let site = makeSite()
        let ambiguous = try ClinicPressBinary.run(["comments", "spam", "2026-09-24", "--site", site.url.path])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr == "error: '2026-09-24' matches 2 comments: ketamine-basics/2026-09-24-max-b, ketamine-basics/2026-09-24-mia-c; give more of the id, or name the post as post/id\n")
        // One good id and one unknown: nothing is changed.
        let unknown = try ClinicPressBinary.run(["comments", "approve", "2026-09-23-may-m", "nope", "--site", site.url.path])
        #expect(unknown.status == 2)
        #expect(try read(site, "2026-09-23-may-m").contains("status: pending"))
    }

    /// Moderators at once: one process approves while three others record screening flags, many times over.
    /// Both changes must survive every round (no lost update) and the file must stay well-formed.
    @Test func concurrentModeratorsLoseNoUpdate() async throws {
        let site = makeSite()
        for round in 0..<30 {
            try Data("""
            ---
            author: Mia C.
            date: 2026-09-24T11:00:00Z
            status: pending
            ---
            Call me at 555-0142, round \(round).

            """.utf8).write(to: site.url.appendingPathComponent("Posts/2026-09-01-ketamine-basics.comments/2026-09-24-mia-c.md"))
            let path = site.url.path
            // The phone number gives screening a flag to write; approving it needs --keep-contact-info.
            async let approve = Task.detached {
                try ClinicPressBinary.run(["comments", "approve", "2026-09-24-mia", "--keep-contact-info", "--by", "A", "--site", path])
            }.value
            async let screens = withThrowingTaskGroup(of: CommandResult.self) { group in
                for _ in 0..<3 {
                    group.addTask { try ClinicPressBinary.run(["comments", "screen", "2026-09-24-mia", "--site", path]) }
                }
                return try await group.reduce(into: [CommandResult]()) { $0.append($1) }
            }
            let (approved, screened) = try await (approve, screens)
            #expect(approved.status == 0 && screened.allSatisfy { $0.status == 0 })
            let text = try read(site, "2026-09-24-mia-c")
            #expect(text.contains("status: approved\n"), "round \(round): the approval was lost:\n\(text)")
            #expect(text.contains("flags: ["), "round \(round): the flags were lost:\n\(text)")
            #expect(text.hasSuffix("---\nCall me at 555-0142, round \(round).\n"))
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("Posts/2026-09-01-ketamine-basics.comments").path)
        #expect(leftovers.allSatisfy { !$0.contains(".tmp-") })
    }
}

@Suite struct CommentImportTests {
    func makeSite() -> TemporaryDirectory { ketamineBasicsSite() }

    @Test func importsCSVOnceReportsBadRowsAndKeepsGoodOnes() throws {
        let site = makeSite()
        site.write("export.csv", """
        post,author,email,date,body
        ketamine-basics,May M.,may@example.com,2026-09-23T14:05:00Z,"Thanks! My sister's anxiety finally lifted after her third session."
        ketamine-basics,Bo,,not a date,Hello
        no-such-post,Cy,,2026-09-24T10:00:00Z,Hi
        https://test.example/posts/ketamine-basics/,"Dee, R.",,2026-09-25T10:00:00Z,"Two lines,
        with a comma and ""quotes""."
        """)
        let first = try ClinicPressBinary.run(["comments", "import", site.url.appendingPathComponent("export.csv").path, "--site", site.url.path])
        #expect(first.status == 1)
        #expect(first.stderr.contains("export.csv: row 3: cannot read the date 'not a date' (use YYYY-MM-DDTHH:MM:SSZ)"))
        #expect(first.stderr.contains("export.csv: row 4: no post 'no-such-post' in this site"))
        #expect(first.stdout == "Imported 2 comments for moderation; 2 bad rows.\n")

        let may = try String(contentsOf: site.url.appendingPathComponent("Posts/2026-09-01-ketamine-basics.comments/2026-09-23-may-sep.md"), encoding: .utf8)
        #expect(may.hasPrefix("---\nauthor: \"May M.\"\ndate: 2026-09-23T14:05:00Z\nstatus: pending\nemail: \"may@example.com\"\nflags: ["))
        let dee = try String(contentsOf: site.url.appendingPathComponent("Posts/2026-09-01-ketamine-basics.comments/2026-09-25-dee-sep.md"), encoding: .utf8)
        #expect(dee.hasSuffix("---\nTwo lines,\nwith a comma and \"quotes\".\n"))

        let again = try ClinicPressBinary.run(["comments", "import", site.url.appendingPathComponent("export.csv").path, "--site", site.url.path])
        #expect(again.stdout == "Imported 0 comments for moderation; skipped 2 already imported (rows 2, 5); 2 bad rows.\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent("Posts/2026-09-01-ketamine-basics.comments").path)
        #expect(files.sorted() == ["2026-09-23-may-sep.md", "2026-09-25-dee-sep.md"])
    }

    @Test func importsJSONArrays() throws {
        let site = makeSite()
        site.write("export.json", """
        [{"post": "2026-09-01-ketamine-basics", "name": "Eli", "date": "2026-10-01T08:00:00Z", "message": "Great read."},
         {"post": "ketamine-basics", "author": "Eli", "date": "2026-10-01T08:00:00Z"},
         "not an object"]
        """)
        let result = try ClinicPressBinary.run(["comments", "import", site.url.appendingPathComponent("export.json").path, "--site", site.url.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("row 2: no body"))
        #expect(result.stderr.contains("row 3: not an object with post, author, email, date and body"))
        #expect(result.stdout == "Imported 1 comment for moderation; 2 bad rows.\n")
        #expect(FileManager.default.fileExists(atPath: site.url.appendingPathComponent("Posts/2026-09-01-ketamine-basics.comments/2026-10-01-eli-oct.md").path))
    }

    @Test func unreadableExportsExitTwo() throws {
        let site = makeSite()
        site.write("broken.json", "[{\"post\": ")
        let result = try ClinicPressBinary.run(["comments", "import", site.url.appendingPathComponent("broken.json").path, "--site", site.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func autoSpamFlagsMarkNewCommentsAsSpamOnlyWhenConfigured() throws {
        let site = makeSite()
        site.write("export.json", """
        [{"post": "ketamine-basics", "author": "CheapMeds4U", "date": "2026-10-02T08:00:00Z",
          "body": "Buy cheap ketamine online without prescription!!! Visit https://pills.example.net now https://pills.example.net/buy"}]
        """)
        let plain = try ClinicPressBinary.run(["comments", "import", site.url.appendingPathComponent("export.json").path, "--site", site.url.path])
        #expect(plain.status == 0)
        let path = "Posts/2026-09-01-ketamine-basics.comments/2026-10-02-cheapmeds4u-oct.md"
        let pending = try String(contentsOf: site.url.appendingPathComponent(path), encoding: .utf8)
        #expect(pending.contains("status: pending\n"), "flags alone never change the status")
        #expect(pending.contains("flags: [links, spam]"))

        try FileManager.default.removeItem(at: site.url.appendingPathComponent(path))
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\ncomments:\n  auto_spam: [spam]\n")
        let automatic = try ClinicPressBinary.run(["comments", "import", site.url.appendingPathComponent("export.json").path, "--site", site.url.path])
        #expect(automatic.status == 0)
        let spam = try String(contentsOf: site.url.appendingPathComponent(path), encoding: .utf8)
        #expect(spam.contains("status: spam\n"))
        #expect(spam.contains("moderated_by: \"auto-spam\"\n"))
    }

    /// `comments screen` decides with the same policy as import: a pending comment with an auto-spam flag becomes spam,
    /// recorded under "auto-spam"; screened again, a comment that is no longer pending keeps its status.
    @Test func screeningMarksPendingCommentsAsSpamByTheSamePolicy() throws {
        let site = makeSite()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\ncomments:\n  auto_spam: [spam]\n")
        let path = "Posts/2026-09-01-ketamine-basics.comments/2026-10-02-cheapmeds4u.md"
        site.write(path, """
        ---
        author: CheapMeds4U
        date: 2026-10-02T08:00:00Z
        status: pending
        ---
        Buy cheap ketamine online without prescription!!! Visit https://pills.example.net now https://pills.example.net/buy

        """)
        let first = try ClinicPressBinary.run(["comments", "screen", "--site", site.url.path])
        #expect(first.status == 0)
        #expect(first.stdout == "Screened 1 comment: 1 flagged (links: 1, spam: 1), 1 marked spam.\n")
        let text = try String(contentsOf: site.url.appendingPathComponent(path), encoding: .utf8)
        #expect(text.contains("status: spam\n"))
        #expect(text.contains("moderated_by: \"auto-spam\"\n"))
        #expect(text.contains("flags: [links, spam]\n"))

        let again = try ClinicPressBinary.run(["comments", "screen", "2026-10-02-cheapmeds4u", "--site", site.url.path])
        #expect(again.status == 0)
        #expect(again.stdout == "2026-10-02-cheapmeds4u: links, spam\n")
    }

    @Test func unknownAutoSpamFlagsAreConfigurationErrors() throws {
        let site = makeSite()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\ncomments:\n  auto_spam: [spammy]\n")
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("site.yaml:4:15: error: unknown screening flag `spammy` in comments.auto_spam [site-config]"))
    }
}
