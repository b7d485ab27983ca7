import ClinicPressComments
import ClinicPressContent
import ClinicPressPreview
import Foundation
import Hummingbird
import Testing

/// The preview's moderation queue at `/_moderation`: what it lists, and that its decisions are written by the same
/// code as the command line, only with the session's token and from the preview's own origin.
@Suite struct ModerationQueueTests {
    static let origin = "http://127.0.0.1:8000"
    let folder = "Posts/2026-09-01-ketamine-basics.comments"

    func makeSite() -> TemporaryDirectory {
        let site = ketamineBasicsSite()
        site.write("\(folder)/2026-09-02-a.md", "---\nauthor: \"Sam\"\ndate: 2026-09-02\nstatus: pending\n---\nGreat post.\n")
        site.write("\(folder)/2026-09-03-b.md",
                   "---\nauthor: \"Lee\"\ndate: 2026-09-03\nstatus: pending\nflags: [contact-info]\n---\nCall me at 555-123-4567 or lee@example.com.\n")
        site.write("\(folder)/2026-09-04-c.md", "---\nauthor: \"Ana\"\ndate: 2026-09-04\nstatus: pending\nreply_to: 2026-09-02-a\n---\nAgreed.\n")
        return site
    }

    func test(_ site: TemporaryDirectory, moderation: Bool = true, _ body: @escaping @Sendable (any TestClientProtocol, ModerationQueue) async throws -> Void) async throws {
        let queue = ModerationQueue(siteDirectory: site.url, moderator: "Dr. Lee", token: "t0ken")
        let app = Application(router: PreviewRouter.make(site: PreviewSite(), moderation: moderation ? queue : nil, ownOrigin: Self.origin))
        try await app.test(.router) { client in try await body(client, queue) }
    }

    func decide(_ client: any TestClientProtocol, _ fields: String, origin: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        headers[.origin] = origin ?? Self.origin
        return try await client.execute(uri: "/_moderation/decide", method: .post, headers: headers, body: ByteBuffer(string: fields))
    }

    func file(_ root: URL, _ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("\(folder)/\(name).md"), encoding: .utf8)
    }

    @Test func theQueueListsPendingCommentsWithFlagsAndReplyContext() async throws {
        let site = makeSite()
        defer { withExtendedLifetime(site) {} }
        try await test(site) { client, _ in
            try await client.execute(uri: "/_moderation", method: .get) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("<h1>Moderation: 3 pending comments</h1>"))
                #expect(page.contains("<a href=\"/posts/ketamine-basics/\">Ketamine Basics</a></h2>"))
                #expect(page.contains("<span class=\"flag\">contact-info</span>"))
                #expect(page.contains("In reply to Sam: Great post."))
                #expect(page.contains("this reply stays hidden until the parent is approved"))
                // Newest first: Ana's reply before Lee's, Lee's before Sam's.
                let order = ["Comment by Ana", "Comment by Lee", "Comment by Sam"].map { page.range(of: $0)!.lowerBound }
                #expect(order == order.sorted())
                #expect(page.contains("name=\"token\" value=\"t0ken\""))
            }
        }
    }

    @Test func aDecisionIsWrittenLikeTheCommandLinesAndSaysWhenItsParentIsHidden() async throws {
        let site = makeSite()
        let root = site.url
        defer { withExtendedLifetime(site) {} }
        try await test(site) { client, _ in
            let response = try await decide(client, "token=t0ken&address=2026-09-01-ketamine-basics%2F2026-09-04-c&decision=approve")
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            #expect(location.removingPercentEncoding?.contains("2026-09-02-a, which is not approved: it stays hidden until that one is") == true)
            let text = try file(root, "2026-09-04-c")
            #expect(text.contains("status: approved\n"))
            #expect(text.contains("moderated_by: \"Dr. Lee\"\n"))
        }
    }

    @Test func contactDetailsAreConfirmedFirstAndCanBeRemoved() async throws {
        let site = makeSite()
        let root = site.url
        defer { withExtendedLifetime(site) {} }
        try await test(site) { client, _ in
            let address = "token=t0ken&address=2026-09-03-b&decision=approve"
            let question = try await decide(client, address)
            #expect(question.status == .ok)
            #expect(String(buffer: question.body).contains("Approve with contact details removed"))
            #expect(try file(root, "2026-09-03-b").contains("status: pending\n"))
            let done = try await decide(client, address + "&confirm=redact")
            #expect(done.status == .seeOther)
            let text = try file(root, "2026-09-03-b")
            #expect(text.contains("status: approved\n"))
            #expect(text.hasSuffix("---\nCall me at [phone removed] or [email removed].\n"))
        }
    }

    /// "Approve as written" is the moderator's answer to the question, as `--keep-contact-info` is on the command line.
    @Test func contactDetailsCanBeApprovedAsWritten() async throws {
        let site = makeSite()
        let root = site.url
        defer { withExtendedLifetime(site) {} }
        try await test(site) { client, _ in
            let done = try await decide(client, "token=t0ken&address=2026-09-03-b&decision=approve&confirm=as-written")
            #expect(done.status == .seeOther)
            let text = try file(root, "2026-09-03-b")
            #expect(text.contains("status: approved\n"))
            #expect(text.hasSuffix("---\nCall me at 555-123-4567 or lee@example.com.\n"))
        }
    }

    /// Contact details are found the way the command line finds them, in the text, even without a `contact-info` flag.
    @Test func contactDetailsWithoutAFlagAreAskedAboutToo() async throws {
        let site = makeSite()
        site.write("\(folder)/2026-09-05-d.md", "---\nauthor: \"Kim\"\ndate: 2026-09-05\nstatus: pending\n---\nWrite to kim@example.com.\n")
        let root = site.url
        defer { withExtendedLifetime(site) {} }
        try await test(site) { client, _ in
            let question = try await decide(client, "token=t0ken&address=2026-09-05-d&decision=approve")
            #expect(question.status == .ok)
            #expect(String(buffer: question.body).contains("Approve with contact details removed"))
            #expect(try file(root, "2026-09-05-d").contains("status: pending\n"))
        }
    }

    @Test func decisionsWithoutTheTokenFromElsewhereOrWithoutAReasonAreRefused() async throws {
        let site = makeSite()
        let root = site.url
        defer { withExtendedLifetime(site) {} }
        let before = try file(root, "2026-09-02-a")
        try await test(site) { client, _ in
            do {
                let response = try await decide(client, "token=guess&address=2026-09-02-a&decision=spam")
                #expect(response.status == .forbidden)
            }
            do {
                let response = try await decide(client, "token=t0ken&address=2026-09-02-a&decision=spam", origin: "https://evil.example")
                #expect(response.status == .forbidden)
            }
            do {
                let response = try await decide(client, "token=t0ken&address=2026-09-02-a&decision=reject&reason=")
                #expect(response.status == .badRequest)
            }
            #expect(try file(root, "2026-09-02-a") == before)
            do {
                let response = try await decide(client, "token=t0ken&address=2026-09-02-a&decision=reject&reason=Off+topic")
                #expect(response.status == .seeOther)
            }
            #expect(try file(root, "2026-09-02-a").contains("reason: \"Off topic\"\n"))
            do {
                let response = try await decide(client, "token=t0ken&address=2026-09-02-a&decision=spam&reason=%ZZ")
                #expect(response.status == .badRequest)
            }
            // Decided already: a second decision changes nothing.
            do {
                let response = try await decide(client, "token=t0ken&address=2026-09-02-a&decision=approve")
                #expect(response.status == .conflict)
            }
        }
    }

    @Test func theQueueIsOffWhenThePreviewIsNotOnLoopback() async throws {
        try await test(makeSite(), moderation: false) { client, _ in
            try await client.execute(uri: "/_moderation", method: .get) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    /// A street address, and a phone number in the author's name: "Approve with contact details removed" removes
    /// both, where the scanner found them, and the approval then goes through.
    @Test func aStreetAddressAndContactDetailsInTheNameAreRemovedAndTheCommentApproved() async throws {
        let site = makeSite()
        site.write("\(folder)/2026-09-06-e.md", """
        ---
        author: "Rosa 555-867-5309"
        date: 2026-09-06
        status: pending
        flags: [contact-info]
        ---
        Drop the leaflets at 1180 W Harbor Blvd, Suite 4, and thank you.

        """)
        let root = site.url
        defer { withExtendedLifetime(site) {} }
        try await test(site) { client, _ in
            let done = try await decide(client, "token=t0ken&address=2026-09-06-e&decision=approve&confirm=redact")
            #expect(done.status == .seeOther)
            let text = try file(root, "2026-09-06-e")
            #expect(text.contains("author: \"Rosa [phone removed]\"\n"))
            #expect(text.contains("status: approved\n"))
            #expect(text.hasSuffix("---\nDrop the leaflets at [address removed], Suite 4, and thank you.\n"))
        }
    }
}
