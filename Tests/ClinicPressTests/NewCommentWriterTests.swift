@testable import ClinicPressComments
@testable import ClinicPressContent
import ClinicPressModel
import Foundation
import Testing

/// `NewCommentWriter`, the one way new comment files are made (`comments import`, `clinicpress intake`), and the
/// never-replacing `CommentStore.create` under it.
@Suite struct NewCommentWriterTests {
    static let folder = "Posts/2026-09-01-ketamine-basics.comments"
    static let date = Timestamp(parsing: "2026-10-01T08:00:00Z")!

    func comment(_ author: String = "May M.", body: String = "Thanks for this.", replyTo: String? = nil) -> NewCommentWriter.NewComment {
        .init(postStem: "2026-09-01-ketamine-basics", author: author, email: "may@example.com", date: Self.date, body: body, replyTo: replyTo)
    }

    @Test func writesAPendingScreenedFileWithReplyTo() throws {
        let site = ketamineBasicsSite()
        let writer = NewCommentWriter(siteDirectory: site.url, settings: CommentSettings())
        let written = try writer.write(comment(body: "My sister's anxiety finally lifted after her third session.", replyTo: "2026-09-20-lee"))
        #expect(written.file.path == "\(Self.folder)/2026-10-01-may-oct.md")
        #expect(written.status == .pending)
        #expect(written.flags.contains("testimonial"))
        let text = try String(contentsOf: site.url.appendingPathComponent(written.file.path), encoding: .utf8)
        #expect(text == """
        ---
        author: "May M."
        date: 2026-10-01T08:00:00Z
        status: pending
        email: "may@example.com"
        reply_to: "2026-09-20-lee"
        flags: [\(written.flags.joined(separator: ", "))]
        ---
        My sister's anxiety finally lifted after her third session.

        """)
        let parsed = try #require(CommentStore(siteDirectory: site.url).comment(in: written.file))
        #expect(parsed.replyTo == "2026-09-20-lee")
        #expect(parsed.flags == written.flags)
    }

    @Test func theAutoSpamPolicyDecidesAtOnce() throws {
        let site = ketamineBasicsSite()
        let writer = NewCommentWriter(siteDirectory: site.url, screener: CommentScreener(), autoSpam: AutoSpamPolicy(flags: ["spam"]))
        let written = try writer.write(comment("CheapMeds4U", body: "Buy cheap ketamine online without prescription!!! Visit https://pills.example.net now"))
        #expect(written.status == .spam)
        let text = try String(contentsOf: site.url.appendingPathComponent(written.file.path), encoding: .utf8)
        #expect(text.contains("status: spam\n"))
        #expect(text.contains("moderated_by: \"auto-spam\"\nmoderated_at: 2026-10-01T08:00:00Z\n"))
    }

    /// A comment sent again is found in its folder even when the two fall either side of midnight at a month's end,
    /// where the file names differ in day and month (`2026-09-30-may-sep`, `2026-10-01-may-oct`).
    @Test func aRepeatIsFoundAcrossMidnightAndTheMonthsEnd() throws {
        let site = ketamineBasicsSite()
        let writer = NewCommentWriter(siteDirectory: site.url, settings: CommentSettings())
        var first = comment()
        first.date = Timestamp(parsing: "2026-09-30T23:58:00Z")!
        var again = first
        again.date = Timestamp(parsing: "2026-10-01T00:03:00Z")!
        let written = try writer.writeOnce(first, window: 600)
        #expect(written.file.id == "2026-09-30-may-sep")
        #expect(try writer.writeOnce(again, window: 600) == .repeated(written.file))
        var later = again
        later.date = Timestamp(parsing: "2026-10-01T00:09:00Z")!
        #expect(try writer.writeOnce(later, window: 600).file.id == "2026-10-01-may-oct")
    }

    /// Many comments by one first name on one day: the repeat of the newest is found among the newest files, without
    /// reading them all (at most `maxRepeatCandidates`).
    @Test func aRepeatIsFoundAmongManyCommentsByOneFirstName() throws {
        let site = ketamineBasicsSite()
        let writer = NewCommentWriter(siteDirectory: site.url, settings: CommentSettings())
        for index in 0..<40 {
            #expect(try writer.writeOnce(comment("May \(index)", body: "Question number \(index)."), window: 600).file.id
                    == (index == 0 ? "2026-10-01-may-oct" : "2026-10-01-may-oct-\(index + 1)"))
        }
        #expect(try writer.writeOnce(comment("May 39", body: "Question number 39."), window: 600)
                == .repeated(CommentFile(id: "2026-10-01-may-oct-40", postStem: "2026-09-01-ketamine-basics")))
        #expect(NewCommentWriter.maxRepeatCandidates == 16)
    }

    /// Forty writers creating the same name at the same moment: forty files, none replaced, none partial, and no
    /// temporary file left behind.
    @Test func concurrentWritersOfOneNameNeverReplaceEachOther() throws {
        let site = ketamineBasicsSite()
        let writer = NewCommentWriter(siteDirectory: site.url, settings: CommentSettings())
        let count = 40
        DispatchQueue.concurrentPerform(iterations: count) { index in
            _ = try! writer.write(comment(body: "Comment number \(index)."))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent(Self.folder).path).sorted()
        #expect(names.count == count)
        #expect(names.allSatisfy { !$0.hasPrefix(".") })
        let store = CommentStore(siteDirectory: site.url)
        let bodies = Set(names.compactMap { store.comment(in: CommentFile(id: String($0.dropLast(3)), postStem: "2026-09-01-ketamine-basics"))?.body })
        #expect(bodies == Set((0..<count).map { "Comment number \($0).\n" }))
    }

    @Test func createNeverReplacesAFile() throws {
        let directory = TemporaryDirectory()
        let url = directory.url.appendingPathComponent("a.md")
        #expect(try AtomicFile.create("first\n", at: url))
        #expect(try AtomicFile.create("second\n", at: url) == false)
        #expect(try String(contentsOf: url, encoding: .utf8) == "first\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["a.md"])
    }

    /// A writer killed between writing and linking leaves a hidden temporary file: the next intake removes it, unless
    /// its process still runs.
    @Test func staleTemporaryFilesOfStoppedWritersAreRemoved() throws {
        let site = ketamineBasicsSite()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let stopped = process.processIdentifier
        site.write("\(Self.folder)/.2026-10-01-may-m.md.tmp-\(stopped)-7", "---\nauthor: \"May")
        site.write("\(Self.folder)/.2026-10-01-lee.md.tmp-\(stopped)", "---\n")
        site.write("\(Self.folder)/.2026-10-01-bo.md.tmp-\(getpid())-3", "---\n")
        site.write("\(Self.folder)/2026-10-01-ana.md", "---\nauthor: Ana\ndate: 2026-10-01T08:00:00Z\nstatus: pending\n---\nHi\n")
        let removed = CommentStore(siteDirectory: site.url).removeStaleTemporaryFiles()
        #expect(removed == ["\(Self.folder)/.2026-10-01-lee.md.tmp-\(stopped)", "\(Self.folder)/.2026-10-01-may-m.md.tmp-\(stopped)-7"])
        let left = try FileManager.default.contentsOfDirectory(atPath: site.url.appendingPathComponent(Self.folder).path).sorted()
        #expect(left == [".2026-10-01-bo.md.tmp-\(getpid())-3", "2026-10-01-ana.md"])
    }
}
