import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import Foundation

/// `clinicpress intake`: takes the comment form's submissions and writes each as a pending, screened comment file,
/// through the same writer as `comments import`. Independent of the HTTP server (`IntakeRouter` adapts it), so every
/// decision is a plain function of the request.
///
/// The checks run cheapest first, and a refused submission writes nothing: the `Origin` (403), the client address's
/// rate (429), the content type (415), the size (413, before the body is read), the encoding and the fields (400), the
/// post (404, looked up among the published posts by slug), the comment replied to (400). Then the file is written and
/// flushed, and only then is the visitor answered: a 303 back to the post, or JSON. The same comment sent again within
/// `IntakeLimits.repeatWindowSeconds` (a double click) gets the same answer and writes nothing.
public final class CommentIntake: Sendable {
    /// How intake runs; the defaults are the command line's.
    public struct Options: Sendable {
        /// Accept requests with neither `Origin` nor `Referer` (scripts, some form services).
        public var allowMissingOrigin = false
        /// Take the client's address from the last `X-Forwarded-For` entry (the one the proxy added).
        public var behindProxy = false
        /// Submissions one address may make in a minute.
        public var submissionsPerMinute = IntakeLimits.defaultSubmissionsPerMinute
        /// `git add` + `git commit` each accepted comment.
        public var commit = false

        /// The command line's defaults.
        public init() {}
    }

    /// Why intake cannot start.
    public struct StartFailure: Error, CustomStringConvertible {
        public let description: String
    }

    let siteDirectory: URL
    let config: SiteConfig
    let limits: IntakeLimits
    let origin: OriginPolicy
    let behindProxy: Bool
    let posts: PublishedPosts
    let rateLimiter: RateLimiter
    let writer: NewCommentWriter
    let store: CommentStore
    let committer: GitCommitter?
    let log: @Sendable (String) -> Void
    /// The server's clock, in milliseconds since 1970 (tests move it).
    let clock: @Sendable () -> Int64
    /// The monotonic clock the rate limit counts its minute on (tests stop it: a test machine paused for a minute
    /// would otherwise let a fourth submission through).
    let rateLimitClock: @Sendable () -> ContinuousClock.Instant

    /// Prepares intake for the site in `siteDirectory` with its settings `config`.
    /// - Throws: `StartFailure` when `base_url` has no origin, or `--commit` cannot work.
    public init(siteDirectory: URL, config: SiteConfig, options: Options = Options(), log: @escaping @Sendable (String) -> Void = { _ in },
                clock: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) },
                rateLimitClock: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) throws {
        guard let origin = OriginPolicy(baseURL: config.baseURL, allowsMissing: options.allowMissingOrigin) else {
            throw StartFailure(description: "base_url in site.yaml (\(config.baseURL)) is not an absolute http(s) address")
        }
        guard options.submissionsPerMinute >= 1 else { throw StartFailure(description: "the rate limit must be at least 1 a minute") }
        do {
            committer = options.commit ? try GitCommitter(siteDirectory: siteDirectory) : nil
        } catch let refusal as GitCommitter.Refusal {
            throw StartFailure(description: refusal.description)
        }
        self.siteDirectory = siteDirectory
        self.config = config
        self.limits = IntakeLimits(settings: config.comments, submissionsPerMinute: options.submissionsPerMinute)
        self.origin = origin
        self.behindProxy = options.behindProxy
        self.posts = PublishedPosts(siteDirectory: siteDirectory, log: log)
        self.rateLimiter = RateLimiter(limit: options.submissionsPerMinute)
        self.writer = NewCommentWriter(siteDirectory: siteDirectory, settings: config.comments)
        self.store = CommentStore(siteDirectory: siteDirectory)
        self.log = log
        self.clock = clock
        self.rateLimitClock = rateLimitClock
    }

    /// The site's origin, which is the only one allowed to submit.
    public var siteOrigin: String { origin.origin }

    /// How many posts can take comments now.
    public func postCount() async -> Int { await posts.count() }

    /// Removes the temporary files writers killed mid-write left in the comments folders; returns their paths.
    public func removeStaleTemporaryFiles() -> [String] { store.removeStaleTemporaryFiles() }

    /// Handles one submission. `readBody` reads the request body, failing when it is longer than the limit it is given.
    public func receive(_ request: IntakeRequest, readBody: @Sendable (Int) async throws -> [UInt8]) async -> IntakeAnswer {
        do {
            let (id, post) = try await accept(request, readBody: readBody)
            return success(id: id, post: post, request: request)
        } catch {
            log("refused (\(error.status) \(error.code))")
            return refusal(error, request: request)
        }
    }

    /// The answer to a CORS preflight (`OPTIONS`) from the site's own pages, which JSON requests from a browser need.
    public func preflight(_ request: IntakeRequest) -> IntakeAnswer {
        guard let requestOrigin = request.origin, OriginPolicy.origin(of: requestOrigin) == origin.origin else {
            return IntakeAnswer(status: 403, headers: Self.commonHeaders + [("Content-Type", "text/plain; charset=utf-8")],
                                body: IntakeRejection.foreignOrigin.message + "\n")
        }
        return IntakeAnswer(status: 204, headers: Self.commonHeaders + corsHeaders(request) + [
            ("Access-Control-Allow-Methods", "POST"), ("Access-Control-Allow-Headers", "Content-Type, Accept"), ("Access-Control-Max-Age", "600"),
        ], body: "")
    }

    // MARK: - Checks

    private func accept(_ request: IntakeRequest, readBody: @Sendable (Int) async throws -> [UInt8]) async throws(IntakeRejection) -> (String, PublishedPosts.Entry) {
        guard origin.allows(origin: request.origin, referer: request.referer) else { throw .foreignOrigin }
        if let wait = await rateLimiter.admit(clientAddress(request), at: rateLimitClock()) {
            throw .tooManyRequests(retryAfterSeconds: max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0)))
        }
        let isJSON: Bool
        switch request.mediaType {
        case "application/x-www-form-urlencoded": isJSON = false
        case "application/json": isJSON = true
        default: throw .unsupportedType
        }
        if let length = request.contentLength, length > limits.bodyBytes { throw .tooLarge }
        let body: [UInt8]
        do {
            body = try await readBody(limits.bodyBytes)
        } catch {
            throw .tooLarge
        }
        guard body.count <= limits.bodyBytes else { throw .tooLarge }
        let fields = isJSON ? try SubmittedFields.json(body) : try SubmittedFields.urlEncoded(body)
        let submission = try CommentSubmission(fields, limits: limits, nowMilliseconds: clock())

        let now = Timestamp(secondsSinceEpoch: Int(clock() / 1000))
        guard let post = await posts.post(slug: submission.post, now: now) else { throw .unknownPost }
        if let replyTo = submission.replyTo {
            // The id is looked up among the files of the post's folder: what was sent is compared, never opened.
            guard store.ids(ofPost: post.stem).contains(replyTo),
                  store.comment(in: CommentFile(id: replyTo, postStem: post.stem))?.status == .approved else { throw .unknownReply }
        }
        let comment = NewCommentWriter.NewComment(postStem: post.stem, author: submission.author, email: submission.email, date: now,
                                                  body: submission.body, replyTo: submission.replyTo)
        let writer = self.writer
        let window = limits.repeatWindowSeconds
        let outcome: NewCommentWriter.Outcome
        do {
            outcome = try await Blocking.run { try writer.writeOnce(comment, window: window) }
        } catch {
            log("error: could not store a comment on \(post.path): \(error)")
            throw .notStored
        }
        guard case .written(let written) = outcome else {
            // Sent twice: the first submission's file is the comment, and the visitor gets the same answer again.
            log("repeated \(outcome.file.path): the same comment again; nothing written")
            return (outcome.file.id, post)
        }
        log("accepted \(written.file.path) (\(written.status.rawValue)\(written.flags.isEmpty ? "" : "; flags: " + written.flags.joined(separator: ", ")))")
        if let committer {
            if let failure = await committer.commit(written.file.path, message: "Comment \(written.file.id) on \(submission.post) (pending)") {
                log("warning: \(written.file.path) is stored but not committed: \(failure)")
            }
        }
        return (written.file.id, post)
    }

    /// The client's address: the peer's, or behind a proxy the last `X-Forwarded-For` entry (the one the proxy
    /// added; earlier entries are whatever the client claimed).
    func clientAddress(_ request: IntakeRequest) -> String {
        if behindProxy, let forwarded = request.forwardedFor?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !forwarded.isEmpty {
            return forwarded
        }
        return request.peerAddress ?? "unknown"
    }

    // MARK: - Answers

    static let commonHeaders: [(name: String, value: String)] = [("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]

    /// `Access-Control-Allow-Origin` for requests from the site's pages, so their scripts may read the answer.
    private func corsHeaders(_ request: IntakeRequest) -> [(name: String, value: String)] {
        guard let requestOrigin = request.origin, OriginPolicy.origin(of: requestOrigin) == origin.origin else { return [] }
        return [("Access-Control-Allow-Origin", requestOrigin), ("Vary", "Origin")]
    }

    private func success(id: String, post: PublishedPosts.Entry, request: IntakeRequest) -> IntakeAnswer {
        // Even a comment the auto-spam policy marked is "pending" to the sender: a spammer learns nothing.
        if request.wantsJSON {
            return IntakeAnswer(status: 200, headers: Self.commonHeaders + corsHeaders(request) + [("Content-Type", "application/json")],
                                body: Self.json(["status": "pending", "id": id]))
        }
        // The address is the site's own, from site.yaml and the post's slug: nothing from the request.
        let location = config.absoluteURL(post.path) + "?comment=pending#comment-form"
        return IntakeAnswer(status: 303, headers: Self.commonHeaders + corsHeaders(request) + [("Location", location), ("Content-Type", "text/plain; charset=utf-8")],
                            body: "Thank you — your comment awaits review: \(location)\n")
    }

    private func refusal(_ rejection: IntakeRejection, request: IntakeRequest) -> IntakeAnswer {
        var headers = Self.commonHeaders + corsHeaders(request)
        if let seconds = rejection.retryAfterSeconds { headers.append(("Retry-After", String(seconds))) }
        if request.wantsJSON || request.mediaType == "application/json" {
            headers.append(("Content-Type", "application/json"))
            return IntakeAnswer(status: rejection.status, headers: headers, body: Self.json(["error": rejection.code, "message": rejection.message]))
        }
        headers.append(("Content-Type", "text/plain; charset=utf-8"))
        return IntakeAnswer(status: rejection.status, headers: headers, body: rejection.message + "\n")
    }

    /// A flat JSON object of strings, keys sorted.
    static func json(_ object: [String: String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
