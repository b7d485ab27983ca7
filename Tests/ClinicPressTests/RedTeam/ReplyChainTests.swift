import ClinicPressModel
import ClinicPressSite
import Foundation
import Testing

/// Issue 12, "Moderation": reply cycles, self-replies and chains deeper than 50 were dropped silently. `check` and
/// `build` now report each at its `reply_to` line, and stop with exit 2 like any other broken comment file.
@Suite struct ReplyChainTests {
    static let folder = "Posts/2026-09-01-ketamine-basics.comments"

    /// A comment file; `replyTo` nil for a thread's first comment.
    func comment(_ site: TemporaryDirectory, _ id: String, replyTo: String?, minute: Int = 0) {
        site.write("\(Self.folder)/\(id).md", """
        ---
        author: Visitor
        date: 2026-09-23T10:\(minute < 10 ? "0" : "")\(minute):00Z
        status: approved
        \(replyTo.map { "reply_to: \($0)\n" } ?? "")---
        Comment \(id).

        """)
    }

    func site() -> TemporaryDirectory { ketamineBasicsSite() }

    @Test func selfRepliesAndCyclesAreReportedAtTheirReplyToLines() throws {
        let site = site()
        comment(site, "a", replyTo: "b")
        comment(site, "b", replyTo: "a")
        comment(site, "loner", replyTo: "loner")
        comment(site, "root", replyTo: nil)
        comment(site, "below-cycle", replyTo: "a")
        let result = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(result.status == 2)
        #expect(result.stdout == """
        \(Self.folder)/a.md:5:11: error: `reply_to` links form a cycle, 'a' → 'b' → 'a', so none of these comments can be published [comment]
            hint: make one of them answer a comment outside the cycle, or remove its `reply_to`
            | reply_to: b
        \(Self.folder)/b.md:5:11: error: `reply_to` links form a cycle, 'a' → 'b' → 'a', so none of these comments can be published [comment]
            hint: make one of them answer a comment outside the cycle, or remove its `reply_to`
            | reply_to: a
        \(Self.folder)/loner.md:5:11: error: the comment replies to itself [comment]
            hint: remove `reply_to`, or set it to the comment this one answers
            | reply_to: loner

        """)
        let build = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(build.status == 2)
        #expect(build.stderr.contains("\(Self.folder)/loner.md:5:11: error: the comment replies to itself [comment]"))
    }

    /// A long cycle is named by its first comments, so that each of its members' messages stays one short line.
    @Test func aLongCycleIsNamedShortly() throws {
        let site = site()
        let ids = (0..<8).map { "c\($0)" }
        for (index, id) in ids.enumerated() { comment(site, id, replyTo: ids[(index + 1) % ids.count]) }
        let result = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(result.status == 2)
        #expect(result.stdout.hasPrefix("""
        \(Self.folder)/c0.md:5:11: error: `reply_to` links form a cycle, 'c0' → 'c1' → 'c2' → … 5 more → 'c0', so none of these comments can be published [comment]

        """))
        #expect(result.stdout.components(separatedBy: "error: `reply_to` links form a cycle").count == 9)
    }

    /// A thread publishes 50 levels of replies; the 51st reply is reported, once for the chain below it.
    @Test func repliesDeeperThanFiftyLevelsAreReported() throws {
        let site = site()
        let ids = (0...53).map { String(format: "c%02d", $0) }
        for (level, id) in ids.enumerated() {
            comment(site, id, replyTo: level == 0 ? nil : ids[level - 1], minute: level)
        }
        let result = try ClinicPressBinary.run(["check", "--site", site.url.path])
        #expect(result.status == 2)
        #expect(result.stdout == """
        \(Self.folder)/c51.md:5:11: error: this reply is 51 levels below the first comment of its thread; replies deeper than 50 levels are not published [comment]
            hint: answer a comment higher in the thread: set `reply_to` to one at most 49 levels deep
            | reply_to: c50

        """)
    }

    @Test func fiftyLevelsOfRepliesAreFine() throws {
        let site = site()
        let ids = (0...50).map { String(format: "c%02d", $0) }
        for (level, id) in ids.enumerated() {
            comment(site, id, replyTo: level == 0 ? nil : ids[level - 1], minute: level)
        }
        let result = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: site.url.appendingPathComponent("Public/posts/ketamine-basics/index.html"), encoding: .utf8)
        #expect(page.contains("Comment c50."))
    }
}
