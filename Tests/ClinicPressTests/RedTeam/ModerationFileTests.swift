import ClinicPressComments
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 12, "Moderation" and "Leaks": what a moderation rewrite keeps and what it drops.
@Suite struct ModerationFileTests {
    func run(_ site: TemporaryDirectory, _ arguments: [String]) throws -> CommandResult {
        try ClinicPressBinary.run(["comments"] + arguments + ["--site", site.url.path])
    }

    // MARK: The reason rule: `reason` explains the current rejection; approve and spam remove it.

    @Test func approvingARejectedCommentRemovesItsReason() throws {
        let site = ModerationSite.make()
        #expect(try run(site, ["reject", "2026-09-24-max-b", "--reason", "Asks about prices", "--by", "Lee"]).status == 0)
        let approved = try run(site, ["approve", "2026-09-24-max-b", "--by", "Dana"])
        #expect(approved.status == 0, "\(approved.stderr)")
        // The decision it replaces is named, so an overridden decision leaves a trace.
        #expect(approved.stdout == "approved 2026-09-24-max-b (\(ModerationSite.max)); it was rejected (by Lee)\n")
        #expect(ModerationSite.withoutTime(try ModerationSite.read(site, ModerationSite.max)) == """
        ---
        author: Max B.
        date: 2026-09-24T10:00:00Z
        status: approved
        moderated_by: "Dana"
        moderated_at: <now>
        ---
        What does it cost?

        """)
    }

    @Test func aSecondRejectionReplacesTheReason() throws {
        let site = ModerationSite.make()
        #expect(try run(site, ["reject", "2026-09-24-max-b", "--reason", "first", "--by", "Lee"]).status == 0)
        #expect(try run(site, ["reject", "2026-09-24-max-b", "--reason", "second", "--by", "Kim"]).status == 0)
        #expect(ModerationSite.withoutTime(try ModerationSite.read(site, ModerationSite.max)) == """
        ---
        author: Max B.
        date: 2026-09-24T10:00:00Z
        status: rejected
        moderated_by: "Kim"
        moderated_at: <now>
        reason: "second"
        ---
        What does it cost?

        """)
    }

    @Test func markingARejectedCommentAsSpamRemovesItsReason() throws {
        let site = ModerationSite.make()
        #expect(try run(site, ["reject", "2026-09-24-max-b", "--reason", "Asks about prices", "--by", "Lee"]).status == 0)
        #expect(try run(site, ["spam", "2026-09-24-max-b", "--by", "Lee"]).status == 0)
        let text = try ModerationSite.read(site, ModerationSite.max)
        #expect(text.contains("status: spam\n"))
        #expect(!text.contains("reason:"))
    }

    // MARK: Permissions and ownership

    /// A comment file holds a visitor's email address; a moderator who made it 0600 keeps it 0600. Screening
    /// rewrites the file too.
    @Test(arguments: [0o600, 0o640, 0o664])
    func rewritesKeepTheFilesMode(mode: Int) throws {
        let site = ModerationSite.make()
        let path = site.url.appendingPathComponent(ModerationSite.max).path
        try #require(chmod(path, mode_t(mode)) == 0)
        #expect(try run(site, ["approve", "2026-09-24-max-b"]).status == 0)
        #expect(fileMode(path) == mode)
        #expect(try run(site, ["screen", "2026-09-24-max-b"]).status == 0)
        #expect(fileMode(path) == mode)
    }

    /// Run as root (as `make test` is), moderation keeps the file's owner and group instead of making it root's.
    @Test(.enabled(if: getuid() == 0, "changing a file's owner needs root"))
    func rewritesKeepTheFilesOwnerAndGroup() throws {
        let site = ModerationSite.make()
        let path = site.url.appendingPathComponent(ModerationSite.max).path
        try #require(chown(path, 65534, 65534) == 0)
        #expect(try run(site, ["approve", "2026-09-24-max-b"]).status == 0)
        var info = stat()
        try #require(stat(path, &info) == 0)
        #expect(info.st_uid == 65534 && info.st_gid == 65534)
        #expect(try ModerationSite.read(site, ModerationSite.max).contains("status: approved\n"))
    }

    // MARK: CRLF files

    /// A comment file saved with Windows line ends builds, and can now be moderated: it is edited in place and keeps
    /// CRLF on every line, the written ones included; the build then publishes it.
    @Test func crlfFilesAreEditedInPlaceKeepingCRLF() throws {
        let site = ModerationSite.make()
        site.write(ModerationSite.max, """
        ---\r
        author: May M.\r
        date: 2026-09-23T14:05:00Z\r
        status: pending   # pending | approved | rejected | spam\r
        email: may@example.com\r
        ---\r
        My mother felt better after her second infusion.\r

        """)
        #expect(try run(site, ["reject", "2026-09-24-max-b", "--reason", "Needs a source", "--by", "Lee"]).status == 0)
        let approved = try run(site, ["approve", "2026-09-24-max-b", "--by", "Dana"])
        #expect(approved.status == 0, "\(approved.stderr)")
        // The decision it replaces is named, so an overridden decision leaves a trace.
        #expect(approved.stdout == "approved 2026-09-24-max-b (\(ModerationSite.max)); it was rejected (by Lee)\n")
        #expect(ModerationSite.withoutTime(try ModerationSite.read(site, ModerationSite.max)) == """
        ---\r
        author: May M.\r
        date: 2026-09-23T14:05:00Z\r
        status: approved  # pending | approved | rejected | spam\r
        email: may@example.com\r
        moderated_by: "Dana"\r
        moderated_at: <now>\r
        ---\r
        My mother felt better after her second infusion.\r

        """)
        let built = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try String(contentsOf: site.url.appendingPathComponent("Public/posts/ketamine-basics/index.html"), encoding: .utf8)
        #expect(page.contains("My mother felt better after her second infusion."))
    }

    // MARK: Long names

    /// A 5,000-character author from a form export used to fail with "cannot write the temporary file" (the id made
    /// a file name longer than 255 bytes). The id takes the first name only (a title such as "Dr." skipped, at most
    /// 20 characters); the author is kept whole in the file, and the comment can be moderated.
    @Test func aVeryLongAuthorIsShortenedForTheIdOnly() throws {
        let site = ModerationSite.make()
        let author = String(repeating: "Dr. Alexandra ", count: 357) + "Long"
        #expect(author.count == 5_002)
        let export = try JSONSerialization.data(withJSONObject: [["post": "ketamine-basics", "author": author, "date": "2026-10-01T08:00:00Z", "body": "Thank you."]])
        site.write("export.json", String(decoding: export, as: UTF8.self))
        let imported = try run(site, ["import", site.url.appendingPathComponent("export.json").path])
        let id = "2026-10-01-alexandra-oct"
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Imported 1 comment for moderation; 0 bad rows.\n")
        let path = "Posts/2026-09-01-ketamine-basics.comments/\(id).md"
        #expect(try ModerationSite.read(site, path).contains("author: \"\(author)\"\n"))
        let approved = try run(site, ["approve", id])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(try ModerationSite.read(site, path).contains("status: approved\n"))
    }

    /// A file name at the 255-byte limit can still be rewritten: the temporary file's name is cut to fit.
    @Test func aFileNameAtTheLengthLimitCanBeModerated() throws {
        let site = ModerationSite.make()
        let id = "2026-09-25-" + String(repeating: "x", count: 255 - 11 - 3)
        site.write("Posts/2026-09-01-ketamine-basics.comments/\(id).md", "---\nauthor: X\ndate: 2026-09-25T10:00:00Z\nstatus: pending\n---\nHi\n")
        let approved = try run(site, ["approve", id])
        #expect(approved.status == 0, "\(approved.stderr)")
    }
}

private func fileMode(_ path: String) -> Int {
    var info = stat()
    guard stat(path, &info) == 0 else { return -1 }
    return Int(info.st_mode & 0o7777)
}
