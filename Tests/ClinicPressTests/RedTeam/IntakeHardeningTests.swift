import ClinicPressContent
@testable import ClinicPressIntake
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// Hostile submissions to `clinicpress intake`: each gets its 4xx answer and writes nothing.
@Suite struct IntakeHardeningTests {
    typealias Harness = IntakeHarness

    /// Sends `body` with `headers` and checks the status and that no file of the site changed.
    func expectRefused(_ status: HTTPResponse.Status, body: [UInt8], headers: HTTPFields = Harness.formHeaders(),
                       options: CommentIntake.Options = CommentIntake.Options(), clock: (@Sendable () -> Int64)? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let harness = Harness()
        let before = harness.snapshot()
        try await harness.test(options: options, clock: clock) { client in
            let response = try await Harness.post(client, bytes: body, headers: headers)
            #expect(response.status == status, sourceLocation: sourceLocation)
            #expect(response.headers[.location] == nil, sourceLocation: sourceLocation)
        }
        #expect(harness.snapshot() == before, "a refused submission changed the site", sourceLocation: sourceLocation)
    }

    func form(_ changes: [(String, String)]) -> [UInt8] { Array(Harness.form(Harness.fields(changes)).utf8) }

    @Test func anOversizedBodyIs413() async throws {
        // comments.max_length is 300: the limit is 16 KiB.
        let padding = String(repeating: "a", count: 17 * 1024)
        try await expectRefused(.contentTooLarge, body: form([("comment", padding)]))
    }

    @Test func anOversizedBodyWithoutContentLengthIs413() async throws {
        let harness = Harness()
        let config = try SiteContent.loadConfig(from: harness.site.url)
        let intake = try CommentIntake(siteDirectory: harness.site.url, config: config)
        let answer = await intake.receive(IntakeRequest(contentType: "application/x-www-form-urlencoded", origin: Harness.origin)) { limit in
            // A chunked body: the reader is told the limit and fails past it, as Hummingbird's collect(upTo:) does.
            guard 40_000 <= limit else { struct TooLong: Error {}; throw TooLong() }
            return Array(repeating: UInt8(ascii: "a"), count: 40_000)
        }
        #expect(answer.status == 413)
    }

    @Test func aCommentLongerThanMaxLengthIs400() async throws {
        try await expectRefused(.badRequest, body: form([("comment", String(repeating: "é", count: 301))]))
    }

    @Test func aNameLongerThan100CharactersIs400() async throws {
        try await expectRefused(.badRequest, body: form([("name", String(repeating: "N", count: 101))]))
    }

    @Test(arguments: ["%FF", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "abc%E2%82"])
    func invalidUTF8Is400(encoded: String) async throws {
        let body = Harness.form(Harness.fields()).replacingOccurrences(of: "name=May", with: "name=May\(encoded)")
        try await expectRefused(.badRequest, body: Array(body.utf8))
    }

    @Test func invalidUTF8InJSONIs400() async throws {
        var headers = Harness.formHeaders()
        headers[.contentType] = "application/json"
        let body = Array(#"{"post": "ketamine-basics", "name": "Jo"#.utf8) + [0xFF, 0xFE] + Array(#"", "comment": "Hi"}"#.utf8)
        try await expectRefused(.badRequest, body: body, headers: headers)
    }

    @Test(arguments: ["../../site", "../../site.yaml", "2026-09-01-ketamine-basics", "posts/ketamine-basics", "ketamine-basics/../..",
                      "/etc/passwd", "a-draft", "later", "ketamine-basics\u{0}", "KETAMINE-BASICS", ""])
    func aPostThatIsNotAPublishedPostsSlugWritesNothing(post: String) async throws {
        try await expectRefused(post.isEmpty ? .badRequest : .notFound, body: form([("post", post)]))
    }

    @Test(arguments: [("https://evil.example", nil as String?), ("null", nil), ("https://clinic.example.evil.example", nil),
                      ("http://clinic.example", nil), ("https://clinic.example:8443", nil), (nil, "https://evil.example/posts/x/"),
                      (nil, nil)])
    func aForeignOrMissingOriginIs403(origin: String?, referer: String?) async throws {
        var headers = Harness.formHeaders(origin: origin)
        if let referer { headers[.referer] = referer }
        try await expectRefused(.forbidden, body: form([]), headers: headers)
    }

    @Test func theSitesRefererOrAllowMissingOriginIsAccepted() async throws {
        let harness = Harness()
        try await harness.test { client in
            var headers = Harness.formHeaders(origin: nil)
            headers[.referer] = "https://clinic.example/posts/ketamine-basics/"
            let status1 = try await Harness.post(client, Harness.form(Harness.fields()), headers: headers).status
            #expect(status1 == .seeOther)
            let status2 = try await Harness.post(client, Harness.form(Harness.fields()), headers: Harness.formHeaders(origin: "https://CLINIC.example:443")).status
            #expect(status2 == .seeOther)
        }
        var options = CommentIntake.Options()
        options.allowMissingOrigin = true
        try await harness.test(options: options) { client in
            let status3 = try await Harness.post(client, Harness.form(Harness.fields()), headers: Harness.formHeaders(origin: nil)).status
            #expect(status3 == .seeOther)
        }
    }

    @Test func aFilledHoneypotIs400() async throws {
        try await expectRefused(.badRequest, body: form([("website", "http://spam.example")]))
    }

    @Test(arguments: [(-1_000 as Int64, nil as Int64?), (-2_000, nil), (0, 1_000), (0, -5_000), (5_000, nil)])
    func aFormSentTooSoonAfterLoadingIs400(loadedOffset: Int64, sentOffset: Int64?) async throws {
        // Intake's clock stands still, so a slow test machine cannot make the form old enough.
        let now: Int64 = 1_800_000_000_000
        var fields = [("ts", String(now + loadedOffset))]
        if let sentOffset { fields.append(("sent", String(now + loadedOffset + sentOffset))) }
        try await expectRefused(.badRequest, body: form(fields), clock: { now })
    }

    @Test func anUnreadableTimeStampIs400() async throws {
        try await expectRefused(.badRequest, body: form([("ts", "yesterday")]))
    }

    @Test func theRateLimitIs429AndWritesNothingMore() async throws {
        let harness = Harness()
        var options = CommentIntake.Options()
        options.submissionsPerMinute = 3
        let before = harness.snapshot()
        try await harness.test(options: options) { client in
            for index in 0..<3 {
                let status4 = try await Harness.post(client, Harness.form(Harness.fields([("comment", "Comment \(index)")]))).status
                #expect(status4 == .seeOther)
            }
            let refused = try await Harness.post(client, Harness.form(Harness.fields([("comment", "One too many")])))
            #expect(refused.status == .tooManyRequests)
            let retry = try #require(refused.headers[.retryAfter].flatMap { Int($0) })
            #expect((1...60).contains(retry))
        }
        #expect(harness.newFiles(since: before).count == 3)
    }

    @Test func behindAProxyEachForwardedAddressHasItsOwnLimit() async throws {
        let harness = Harness()
        var options = CommentIntake.Options()
        options.submissionsPerMinute = 1
        options.behindProxy = true
        try await harness.test(options: options) { client in
            for (address, expected) in [("203.0.113.1", HTTPResponse.Status.seeOther), ("203.0.113.2", .seeOther), ("203.0.113.1", .tooManyRequests)] {
                var headers = Harness.formHeaders()
                // The client's own claim comes first; the proxy appends the address it saw.
                headers[HTTPField.Name("X-Forwarded-For")!] = "198.51.100.9, \(address)"
                let status5 = try await Harness.post(client, Harness.form(Harness.fields()), headers: headers).status
                #expect(status5 == expected, "\(address)")
            }
        }
    }

    @Test(arguments: ["2026-09-99-nobody", "2026-09-21-pat", "../2026-09-01-ketamine-basics", "../../site", "2026-09-20-lee.md", "2026-09-20-lee/"])
    func aReplyToNoPublishedCommentOfThePostIs400(replyTo: String) async throws {
        try await expectRefused(.badRequest, body: form([("reply_to", replyTo)]))
    }

    @Test func anUnsupportedContentTypeIs415() async throws {
        var headers = Harness.formHeaders()
        headers[.contentType] = "multipart/form-data; boundary=x"
        try await expectRefused(.unsupportedMediaType, body: form([]), headers: headers)
    }

    @Test func aFieldSentTwiceIs400() async throws {
        try await expectRefused(.badRequest, body: form([]) + Array("&reply_to=2026-09-20-lee".utf8))
    }

    @Test(arguments: ["name", "comment"])
    func controlCharactersAre400(field: String) async throws {
        try await expectRefused(.badRequest, body: form([(field, "Hello\u{0}\u{1B}[2J")]))
    }

    @Test(arguments: ["not an email", "a@b", "<a@b.example>", "may@example.com\nBcc: x@example.com"])
    func aMalformedEmailIs400(email: String) async throws {
        try await expectRefused(.badRequest, body: form([("email", email)]))
    }

    @Test(arguments: [
        String(repeating: "[", count: 6_000) + String(repeating: "]", count: 6_000),
        #"["post", "ketamine-basics"]"#, #"{"post": 7, "name": "Jo", "comment": "Hi"}"#, "{", "",
    ])
    func malformedJSONIs400(body: String) async throws {
        var headers = Harness.formHeaders()
        headers[.contentType] = "application/json"
        try await expectRefused(.badRequest, body: Array(body.utf8), headers: headers)
    }

    @Test func theRateLimiterForgetsQuietAddresses() async {
        let limiter = RateLimiter(limit: 2, window: .seconds(60))
        let start = ContinuousClock.now
        for index in 0..<1_000 { _ = await limiter.admit("198.51.100.\(index)", at: start) }
        #expect(await limiter.trackedAddresses == 1_000)
        #expect(await limiter.admit("203.0.113.1", at: start + .seconds(61)) == nil)
        #expect(await limiter.trackedAddresses == 1)
    }
}
