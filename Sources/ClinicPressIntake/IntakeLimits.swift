import ClinicPressModel

/// What `clinicpress intake` accepts at most: every value a visitor sends is bounded before it is stored.
public struct IntakeLimits: Sendable, Equatable {
    /// The largest request body, in bytes; larger ones get 413 without being read.
    public var bodyBytes: Int
    /// The longest comment, in characters (`comments.max_length`).
    public var commentCharacters: Int
    /// The longest name, in characters.
    public var authorCharacters = CommentSettings.maxAuthorLength
    /// The longest email address, in characters.
    public var emailCharacters = CommentSettings.maxEmailLength
    /// Submissions one client address may make in a minute; more get 429.
    public var submissionsPerMinute: Int
    /// The least time between loading the page and sending the form, when the form says when it was loaded (`ts`).
    public var minimumMilliseconds = 3_000
    /// How long a comment sent again (same post, name, text and reply) counts as the same comment: the second submit
    /// of a double click, or a form sent again after a slow answer, writes nothing.
    public var repeatWindowSeconds = 600

    /// The limits of a site's comment settings, with `submissionsPerMinute` per client address.
    public init(settings: CommentSettings, submissionsPerMinute: Int = Self.defaultSubmissionsPerMinute) {
        self.commentCharacters = settings.maxLength
        self.bodyBytes = Self.bodyBytes(forCommentCharacters: settings.maxLength)
        self.submissionsPerMinute = submissionsPerMinute
    }

    /// Six a minute: more than any person writes, few enough to make flooding slow.
    public static let defaultSubmissionsPerMinute = 6

    /// 16 KiB, or more when `comments.max_length` needs it: a comment at the limit must fit whatever its script, and
    /// a character can take 4 bytes of UTF-8, each 3 bytes once percent-encoded (12 a character), plus 4 KiB for the
    /// other fields.
    static func bodyBytes(forCommentCharacters characters: Int) -> Int {
        max(16 * 1024, 12 * characters + 4 * 1024)
    }
}
