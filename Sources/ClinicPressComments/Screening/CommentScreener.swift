/// Reads a comment the way a careful moderator would and lists what needs a second look.
public struct CommentScreener: Sendable {
    /// Comments longer than this many characters get `too-long`.
    public let maxLength: Int

    /// Creates a screener.
    public init(maxLength: Int = 2000) {
        self.maxLength = maxLength
    }

    /// The flags for a comment, in `CommentFlag` declaration order, each at most once.
    public func flags(author: String, body: String) -> [CommentFlag] {
        []  // placeholder: the real screener replaces this file
    }
}
