import Foundation
import Testing

/// What `comments approve` must say before it publishes (issue 15, item 5): contact details, and replies that
/// stay hidden because their thread is not approved.
@Suite struct CommentApprovalTests {
    static let rita = "Posts/2026-09-01-ketamine-basics.comments/2026-09-25-rita-p.md"
    static let ritaText = """
    ---
    author: Rita P.
    date: 2026-09-25T08:00:00Z
    status: pending
    flags: [contact-info]
    ---
    Please call me at 555-0142 about the evening hours.

    """

    func run(_ site: TemporaryDirectory, _ arguments: [String]) throws -> CommandResult {
        try ClinicPressBinary.run(["comments"] + arguments + ["--site", site.url.path])
    }

    func read(_ site: TemporaryDirectory, _ path: String) throws -> String {
        try String(contentsOf: site.url.appendingPathComponent(path), encoding: .utf8)
    }

    // MARK: Contact details

    /// Approving published the phone number (an email became a `mailto:` link) without a word.
    @Test func approvingACommentWithContactDetailsIsRefusedAndChangesNothing() throws {
        let site = QueueSite.make()
        site.write(Self.rita, Self.ritaText)
        let result = try run(site, ["approve", "2026-09-25-rita-p", "--by", "Dana"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
        error: not approved: rita-p (\(Self.rita)) has contact details (an email address, phone number or street address) \
        that would be published; edit them out of the file, or approve with --keep-contact-info to publish them

        """)
        #expect(try read(site, Self.rita) == Self.ritaText)
    }

    @Test func keepContactInfoApprovesIt() throws {
        let site = QueueSite.make()
        site.write(Self.rita, Self.ritaText)
        let result = try run(site, ["approve", "rita-p", "--keep-contact-info", "--by", "Dana"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "approved 2026-09-25-rita-p (\(Self.rita))\n")
        #expect(result.stderr == "")
        #expect(try read(site, Self.rita).contains("status: approved\n"))
    }

    /// The comment is read as it is when approved: once the moderator has edited the number out, it is approved,
    /// even though the flag recorded by screening is still there.
    @Test func aCommentWhoseContactDetailsWereEditedOutIsApproved() throws {
        let site = QueueSite.make()
        site.write(Self.rita, Self.ritaText.replacingOccurrences(of: "call me at 555-0142", with: "call me"))
        let result = try run(site, ["approve", "rita-p", "--by", "Dana"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try read(site, Self.rita).contains("status: approved\n"))
    }

    /// The other comments named are approved; the command exits 1 for the one refused.
    @Test func theOtherCommentsAreApprovedAndTheCommandExitsOne() throws {
        let site = QueueSite.make()
        site.write(Self.rita, Self.ritaText)
        let result = try run(site, ["approve", "rita-p", "lee", "--by", "Dana"])
        #expect(result.status == 1)
        #expect(result.stdout == "approved 2026-03-16-lee (\(QueueSite.lee))\n")
        #expect(result.stderr.hasPrefix("error: not approved: rita-p ("))
        #expect(try read(site, Self.rita).contains("status: pending\n"))
    }

    // MARK: Replies in hidden threads

    /// Approving a reply to a pending comment printed "approved" and the reply never appeared on the site.
    @Test func approvingAReplyToAPendingCommentWarnsThatItStaysHidden() throws {
        let site = QueueSite.make()
        let result = try run(site, ["approve", "max-b", "--by", "Dana"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "approved 2026-09-24-max-b (\(QueueSite.max))\n")
        #expect(result.stderr == "warning: max-b replies to may-m, which is pending: max-b stays hidden until may-m is approved\n")
        #expect(try read(site, QueueSite.max).contains("status: approved\n"))
    }

    @Test(arguments: ["rejected", "spam"])
    func aReplyToARejectedOrSpamCommentWarnsToo(status: String) throws {
        let site = QueueSite.make()
        site.write(QueueSite.may, try read(site, QueueSite.may).replacingOccurrences(of: "status: pending", with: "status: \(status)"))
        let result = try run(site, ["approve", "max-b", "--by", "Dana"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: max-b replies to may-m, which is \(status): max-b stays hidden until may-m is approved\n")
    }

    /// The thread's first comment decides: a reply to an approved reply of a pending comment is hidden too.
    @Test func aReplyDeeperInAHiddenThreadNamesTheCommentThatHidesIt() throws {
        let site = QueueSite.make()
        site.write(QueueSite.max, try read(site, QueueSite.max).replacingOccurrences(of: "status: pending", with: "status: approved"))
        site.write("Posts/2026-09-01-ketamine-basics.comments/2026-09-26-ivy-l.md",
                   "---\nauthor: Ivy L.\ndate: 2026-09-26T10:00:00Z\nstatus: pending\nreply_to: 2026-09-24-max-b\n---\nSame question.\n")
        let result = try run(site, ["approve", "ivy-l", "--by", "Dana"])
        #expect(result.status == 0)
        #expect(result.stderr == "warning: ivy-l replies to max-b, which is in the thread of may-m, which is pending: ivy-l stays hidden until may-m is approved\n")
    }

    /// Approving the reply and its parent together says nothing: the thread is published.
    @Test func approvingAReplyWithItsParentDoesNotWarn() throws {
        let site = QueueSite.make()
        let result = try run(site, ["approve", "max-b", "may-m", "--by", "Dana"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let built = try ClinicPressBinary.run(["build", "--site", site.url.path])
        #expect(built.status == 0, "\(built.stderr)")
        let page = try String(contentsOf: site.url.appendingPathComponent("Public/posts/ketamine-basics/index.html"), encoding: .utf8)
        #expect(page.contains("Which clinic was that?"))
    }
}
