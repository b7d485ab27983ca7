import ClinicPressContent
import ClinicPressModel

/// `comments.auto_spam` in site.yaml: the screening flags that make a pending comment `spam` without a moderator.
///
/// The one place the decision is made and spelled: `CommentImport` asks it about each new comment, `Moderation.record`
/// (`clinicpress comments screen`) about a comment screened again, and both write what `decision(at:)` gives.
/// Unknown flags in the settings are reported by `CommentScreener.validate`.
public struct AutoSpamPolicy: Sendable, Equatable {
    /// The flags, as written in `comments.auto_spam`; empty, nothing is marked spam automatically.
    public let flags: Set<String>

    /// The policy of a site's settings.
    public init(_ settings: CommentSettings) {
        self.init(flags: Set(settings.autoSpam.map(\.flag)))
    }

    /// A policy marking comments with any of `flags` as spam.
    public init(flags: Set<String> = []) {
        self.flags = flags
    }

    /// The moderator an automatic decision is recorded under (`moderated_by`).
    public static let moderator = "auto-spam"

    /// True when a comment with `status` whose screening found `screeningFlags` is to be marked spam: it is still
    /// pending (a moderator's decision is never overridden) and one of its flags is an auto-spam flag.
    public func marksSpam(_ status: Comment.Status?, screeningFlags: [String]) -> Bool {
        status == .pending && screeningFlags.contains(where: flags.contains)
    }

    /// The front matter a decision writes, in file order: `status: spam`, `moderated_by: "auto-spam"` and
    /// `moderated_at`.
    public func decision(at moment: Timestamp) -> [(key: String, value: String)] {
        [("status", Comment.Status.spam.rawValue), ("moderated_by", FrontMatterEditor.quoted(Self.moderator)), ("moderated_at", moment.iso8601)]
    }
}
