/// A visitor's comment, read from its moderation file `Posts/<post-file-stem>.comments/<id>.md`.
/// Only `approved` comments are ever published; `email`, `flags` and the moderation fields never are.
public struct Comment: Sendable, Hashable {
    /// Where a comment stands in moderation.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case pending, approved, rejected, spam
    }

    /// The file name without `.md`: the comment's id on the command line.
    public var id: String
    /// The file stem of the post it belongs to.
    public var postStem: String
    /// The file, relative to the site.
    public var source: String
    public var author: String
    public var date: Timestamp
    public var status: Status
    public var email: String?
    /// The id of the comment this one answers.
    public var replyTo: String?
    public var moderatedBy: String?
    public var moderatedAt: Timestamp?
    public var reason: String?
    /// Screening results, for moderators.
    public var flags: [String]
    /// The comment text, in Markdown.
    public var body: String
    public var bodyFirstLine: Int

    /// Creates a comment.
    public init(id: String, postStem: String, source: String, author: String, date: Timestamp, status: Status, email: String? = nil,
                replyTo: String? = nil, moderatedBy: String? = nil, moderatedAt: Timestamp? = nil, reason: String? = nil,
                flags: [String] = [], body: String, bodyFirstLine: Int = 1) {
        self.id = id
        self.postStem = postStem
        self.source = source
        self.author = author
        self.date = date
        self.status = status
        self.email = email
        self.replyTo = replyTo
        self.moderatedBy = moderatedBy
        self.moderatedAt = moderatedAt
        self.reason = reason
        self.flags = flags
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }
}

/// An approved comment ready for a page: its body rendered, its replies below it.
public struct PublishedComment: Sendable, Hashable {
    public var id: String
    public var author: String
    public var date: Timestamp
    /// The body as safe HTML: raw HTML escaped, links marked `nofollow ugc`, images dropped.
    public var html: String
    public var replies: [PublishedComment]
    /// Set only in previews, for comments still waiting for a moderator: their screening flags.
    public var pendingFlags: [String]?

    /// Creates a published comment.
    public init(id: String, author: String, date: Timestamp, html: String, replies: [PublishedComment] = [], pendingFlags: [String]? = nil) {
        self.id = id
        self.author = author
        self.date = date
        self.html = html
        self.replies = replies
        self.pendingFlags = pendingFlags
    }

    /// This comment and all replies below it that are published (pending ones, shown in previews, do not count).
    public var count: Int { (pendingFlags == nil ? 1 : 0) + replies.reduce(0) { $0 + $1.count } }
}

extension Comment {
    /// How many levels of replies a thread publishes below its first comment; `check` reports any reply deeper.
    public static let maxReplyDepth = 50
}
