import ClinicPressContent
import ClinicPressModel
import Foundation

/// Writes a visitor's new comment as a moderation file, `Posts/<post-file-stem>.comments/<id>.md`: screened, with its
/// flags, `pending` (or `spam` at once when `comments.auto_spam` names one of its flags), named by `CommentFile.new`:
/// `<date>-<first-name>-<mon>` (then `-2`, `-3`… when the post's folder has that short id).
///
/// The one way new comment files are made: `clinicpress comments import` and `clinicpress intake` both write through
/// it, so the two cannot drift apart, and both get `CommentStore.createNew`'s guarantees (never replaces a file; the
/// file is complete and on disk when `write` returns).
public struct NewCommentWriter: Sendable {
    /// A comment to write.
    public struct NewComment: Sendable, Equatable {
        /// The file stem of the post it belongs to.
        public var postStem: String
        public var author: String
        /// Never published.
        public var email: String?
        public var date: Timestamp
        /// The text, in Markdown.
        public var body: String
        /// The id of the comment this one answers.
        public var replyTo: String?

        /// Creates a comment to write.
        public init(postStem: String, author: String, email: String? = nil, date: Timestamp, body: String, replyTo: String? = nil) {
            self.postStem = postStem
            self.author = author
            self.email = email
            self.date = date
            self.body = body
            self.replyTo = replyTo
        }
    }

    /// What was written.
    public struct Written: Sendable, Equatable {
        public var file: CommentFile
        /// The screening flags recorded in the file.
        public var flags: [String]
        /// `pending`, or `spam` when the auto-spam policy decided so.
        public var status: Comment.Status
    }

    let store: CommentStore
    let screener: CommentScreener
    /// Decides which new comments are `spam` right away (`comments.auto_spam` in site.yaml).
    let autoSpam: AutoSpamPolicy

    /// A writer into the site folder `siteDirectory`, screening with `screener` and deciding spam with `autoSpam`.
    public init(siteDirectory: URL, screener: CommentScreener, autoSpam: AutoSpamPolicy) {
        self.store = CommentStore(siteDirectory: siteDirectory)
        self.screener = screener
        self.autoSpam = autoSpam
    }

    /// A writer with a site's settings: `comments.max_length` for screening, `comments.auto_spam` for the policy.
    public init(siteDirectory: URL, settings: CommentSettings) {
        self.init(siteDirectory: siteDirectory, screener: CommentScreener(maxLength: settings.maxLength), autoSpam: AutoSpamPolicy(settings))
    }

    /// Screens `comment` and writes its file.
    /// - Throws: `AtomicFile.Failure` when the file cannot be written; nothing is left behind then.
    public func write(_ comment: NewComment) throws -> Written {
        let flags = screener.flags(author: comment.author, body: comment.body).map(\.rawValue)
        // A new comment is pending unless the policy decides otherwise; its decision is dated like the comment.
        let decision = autoSpam.marksSpam(.pending, screeningFlags: flags) ? autoSpam.decision(at: comment.date) : []
        let status = decision.isEmpty ? Comment.Status.pending : .spam
        let file = try store.createNew(author: comment.author, date: comment.date, postStem: comment.postStem,
                                       text: Self.text(comment, status: status, decision: decision.filter { $0.key != "status" }, flags: flags))
        return Written(file: file, flags: flags, status: status)
    }

    /// The file's text: the front matter (author, date, status, email, reply_to, the policy's decision, flags) and
    /// the body, ending in a newline.
    static func text(_ comment: NewComment, status: Comment.Status, decision: [(key: String, value: String)], flags: [String]) -> String {
        var lines = ["---", "author: \(FrontMatterEditor.quoted(comment.author))", "date: \(comment.date.iso8601)", "status: \(status.rawValue)"]
        if let email = comment.email { lines.append("email: \(FrontMatterEditor.quoted(email))") }
        if let replyTo = comment.replyTo { lines.append("reply_to: \(FrontMatterEditor.quoted(replyTo))") }
        lines += decision.map { "\($0.key): \($0.value)" }
        lines.append("flags: \(FrontMatterEditor.list(flags))")
        lines += ["---", comment.body.hasSuffix("\n") ? comment.body : comment.body + "\n"]
        return lines.joined(separator: "\n")
    }
}
