/// Why a submission was refused: the HTTP status, a short code for logs and JSON clients, and a sentence for the
/// visitor. Nothing is written for a refused submission.
struct IntakeRejection: Error, Sendable, Equatable {
    /// The HTTP status code (4xx; 500 when the comment could not be stored).
    let status: Int
    /// `honeypot`, `too-fast`, `unknown-post`…
    let code: String
    /// What the visitor reads.
    let message: String
    /// For 429: when the client may try again (`Retry-After`).
    var retryAfterSeconds: Int? = nil

    static func badRequest(_ code: String, _ message: String) -> Self { Self(status: 400, code: code, message: message) }

    static let foreignOrigin = Self(status: 403, code: "origin", message: "Comments are accepted only from the blog's own pages.")
    static let unsupportedType = Self(status: 415, code: "content-type",
                                      message: "Send the form as application/x-www-form-urlencoded, or JSON as application/json.")
    static let tooLarge = Self(status: 413, code: "too-large", message: "The submission is too large.")
    static let honeypot = badRequest("honeypot", "The form could not be sent. Please leave the field marked \"Leave this field empty\" empty.")
    static let tooFast = badRequest("too-fast", "The form was sent too quickly after the page loaded. Please wait a few seconds and send it again.")
    static let notUTF8 = badRequest("encoding", "The submission is not valid UTF-8 text.")
    static let unknownPost = Self(status: 404, code: "unknown-post", message: "There is no such post to comment on.")
    static let unknownReply = badRequest("unknown-reply", "The comment you are replying to does not exist (or is not published).")
    static let notStored = Self(status: 500, code: "not-stored", message: "Your comment could not be stored. Please try again later.")

    static func tooManyRequests(retryAfterSeconds: Int) -> Self {
        Self(status: 429, code: "rate-limit",
             message: "Too many comments from your address in the last minute. Please wait \(retryAfterSeconds) s and send it again.",
             retryAfterSeconds: retryAfterSeconds)
    }
}
