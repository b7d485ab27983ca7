import Foundation

/// A submission whose fields passed every check that needs no file: present, within the limits, plain text. The post
/// and the comment it replies to are looked up later, among the site's own.
struct CommentSubmission: Sendable, Equatable {
    /// The post's slug as sent: only ever compared with the site's slugs, never made into a path.
    var post: String
    var author: String
    var email: String?
    /// The text, with line ends made `\n`.
    var body: String
    /// The id of the comment answered, as sent: only ever compared with the ids of the post's comments.
    var replyTo: String?

    /// Checks `fields` against `limits`. `nowMilliseconds` is the server's clock, used when the form says when its page
    /// was loaded (`ts`) but not when it was sent (`sent`).
    init(_ fields: SubmittedFields, limits: IntakeLimits, nowMilliseconds: Int64) throws(IntakeRejection) {
        // The trap for robots first: a filled honeypot says nothing else about the submission matters.
        if let honeypot = fields["website"], !honeypot.isEmpty { throw .honeypot }
        try Self.checkTiming(loaded: fields["ts"], sent: fields["sent"], now: nowMilliseconds, minimum: limits.minimumMilliseconds)

        guard let post = fields["post"]?.trimmingCharacters(in: .whitespaces), !post.isEmpty else {
            throw .badRequest("missing-post", "The form does not say which post the comment is for.")
        }
        let author = Self.singleLine(fields["name"] ?? "")
        guard !author.isEmpty else { throw .badRequest("missing-name", "Please give your name.") }
        guard author.count <= limits.authorCharacters else {
            throw .badRequest("name-too-long", "Your name is longer than \(limits.authorCharacters) characters.")
        }
        guard !Self.hasControlCharacters(author, allowingLineBreaks: false) else {
            throw .badRequest("control-characters", "Your name contains control characters.")
        }
        let email = Self.singleLine(fields["email"] ?? "")
        if !email.isEmpty {
            guard email.count <= limits.emailCharacters, Self.looksLikeEmail(email) else {
                throw .badRequest("email", "The email address does not look right (leave it empty if you prefer).")
            }
        }
        let body = (fields["comment"] ?? "").replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        guard !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .badRequest("missing-comment", "The comment is empty.")
        }
        guard body.count <= limits.commentCharacters else {
            throw .badRequest("comment-too-long", "The comment is longer than \(limits.commentCharacters) characters; please shorten it.")
        }
        guard !Self.hasControlCharacters(body, allowingLineBreaks: true) else {
            throw .badRequest("control-characters", "The comment contains control characters.")
        }
        let replyTo = fields["reply_to"]?.trimmingCharacters(in: .whitespaces)
        self.post = post
        self.author = author
        self.email = email.isEmpty ? nil : email
        self.body = body
        self.replyTo = replyTo?.isEmpty == false ? replyTo : nil
    }

    /// `ts` is when the page was loaded and `sent` when the form was sent, in milliseconds since 1970, both by the
    /// visitor's clock (so a clock set wrong does not matter); without `sent`, the server's clock stands in. Without
    /// `ts` (no JavaScript), there is nothing to check.
    static func checkTiming(loaded: String?, sent: String?, now: Int64, minimum: Int) throws(IntakeRejection) {
        guard let loaded, !loaded.isEmpty else { return }
        guard let loadedAt = Int64(loaded) else { throw .badRequest("timestamp", "The form's time stamp cannot be read.") }
        let sentAt: Int64
        if let sent, !sent.isEmpty {
            guard let value = Int64(sent) else { throw .badRequest("timestamp", "The form's time stamp cannot be read.") }
            sentAt = value
        } else {
            sentAt = now
        }
        if sentAt.subtractingReportingOverflow(loadedAt).partialValue < Int64(minimum) || sentAt < loadedAt { throw .tooFast }
    }

    /// Whitespace runs (tabs, line breaks) made one space, trimmed: names and addresses are one line.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// C0 and C1 control characters and DEL (tabs and, when allowed, line feeds excepted), and the line and paragraph
    /// separators: none belongs in a name, and a comment keeps only its line breaks.
    static func hasControlCharacters(_ text: String, allowingLineBreaks: Bool) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09: false
            case 0x0A: !allowingLineBreaks
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
            default: false
            }
        }
    }

    /// `local@domain.tld` without spaces, quotes or angle brackets: enough to catch a name typed in the wrong field.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || "\"'<>(),;:\\[]".unicodeScalars.contains($0) || $0.value == 0x7F }
    }
}
