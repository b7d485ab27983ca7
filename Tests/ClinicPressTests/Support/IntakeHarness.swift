import ClinicPressContent
@testable import ClinicPressIntake
import ClinicPressModel
import Foundation
import Hummingbird
import Synchronization

/// A small site for `clinicpress intake` tests, and the intake's router run without a socket
/// (Hummingbird's `app.test(.router)`).
///
/// The site: `ketamine-basics` (published, with the approved comment `2026-09-20-lee` and the pending
/// `2026-09-21-pat`), `a-draft` (a draft) and `later` (scheduled for 2099); `comments.max_length` is 300.
struct IntakeHarness {
    static let origin = "https://clinic.example"
    static let folder = "Posts/2026-09-01-ketamine-basics.comments"

    let site = TemporaryDirectory()

    init(extraSiteYAML: String = "") {
        site.write("""
        -- site.yaml --
        title: "Clinic Blog"
        base_url: "https://clinic.example/"
        comments:
          max_length: 300
          endpoint: "https://comments.clinic.example/"
        \(extraSiteYAML)
        -- Posts/2026-09-01-ketamine-basics.md --
        ---
        title: "Ketamine Basics"
        ---
        Body.
        -- Posts/2026-09-02-a-draft.md --
        ---
        title: "A Draft"
        draft: true
        ---
        Body.
        -- Posts/2099-01-01-later.md --
        ---
        title: "Later"
        ---
        Body.
        -- Posts/2026-09-01-ketamine-basics.comments/2026-09-20-lee.md --
        ---
        author: Lee
        date: 2026-09-20T10:00:00Z
        status: approved
        ---
        Helpful, thanks.
        -- Posts/2026-09-01-ketamine-basics.comments/2026-09-21-pat.md --
        ---
        author: Pat
        date: 2026-09-21T10:00:00Z
        status: pending
        ---
        Waiting.
        """)
    }

    /// Runs `body` with a client of an intake over this site.
    /// `clock` is intake's wall clock (the real one by default); the rate limit's clock stands still, so that a slow or
    /// paused test machine cannot let a minute pass between two submissions.
    func test(options: CommentIntake.Options = CommentIntake.Options(), clock: (@Sendable () -> Int64)? = nil,
              _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let config = try SiteContent.loadConfig(from: site.url)
        let now = ContinuousClock.now
        let intake = try CommentIntake(siteDirectory: site.url, config: config, options: options,
                                       clock: clock ?? { Int64(Date().timeIntervalSince1970 * 1000) }, rateLimitClock: { now })
        let app = Application(router: IntakeRouter.make(intake: intake))
        try await app.test(.router) { client in try await body(client) }
    }

    /// Every file of the site, to show that a refused submission wrote nothing.
    func snapshot() -> [String: Data] { filesBelow(site.url) }

    /// The comment files written since `before`.
    func newFiles(since before: [String: Data]) -> [String] {
        snapshot().keys.filter { before[$0] == nil }.sorted()
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: site.url.appendingPathComponent(path), encoding: .utf8)
    }

    /// `name=value&…`, percent-encoded as a browser would.
    static func form(_ fields: [(String, String)]) -> String {
        fields.map { "\(encode($0.0))=\(encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"))!
    }

    /// A good submission's fields, with `changes` replacing or adding fields.
    static func fields(_ changes: [(String, String)] = []) -> [(String, String)] {
        var fields = [("post", "ketamine-basics"), ("reply_to", ""), ("name", "May M."), ("email", "may@example.com"),
                      ("comment", "My sister's anxiety finally lifted after her third session."), ("website", "")]
        for (name, value) in changes {
            if let index = fields.firstIndex(where: { $0.0 == name }) { fields[index].1 = value } else { fields.append((name, value)) }
        }
        return fields
    }

    /// Headers of a form POST from the site's own page.
    static func formHeaders(origin: String? = IntakeHarness.origin, accept: String? = nil) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        if let origin { headers[.origin] = origin }
        if let accept { headers[.accept] = accept }
        return headers
    }

    /// Posts a form; returns the response.
    static func post(_ client: any TestClientProtocol, _ body: String, headers: HTTPFields = formHeaders()) async throws -> TestResponse {
        try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// Posts raw bytes.
    static func post(_ client: any TestClientProtocol, bytes: [UInt8], headers: HTTPFields = formHeaders()) async throws -> TestResponse {
        try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    /// 2026-10-01T08:00:00Z in milliseconds since 1970: a fixed "now" for tests that look at the file's name and date.
    static let october1: Int64 = 1_790_841_600_000

    /// Milliseconds since 1970, now.
    static var nowMilliseconds: Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

/// A clock for intake tests that moves only when told to, in milliseconds since 1970.
final class TestClock: Sendable {
    private let milliseconds: Atomic<Int64>

    init(_ start: Int64) { milliseconds = Atomic(start) }

    /// Now, by this clock; pass `clock.read` as intake's clock.
    @Sendable func read() -> Int64 { milliseconds.load(ordering: .relaxed) }

    func advance(seconds: Int64) { milliseconds.add(seconds * 1000, ordering: .relaxed) }
}
