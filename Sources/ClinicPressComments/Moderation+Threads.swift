import ClinicPressContent
import ClinicPressModel

extension Moderation {
    /// Why an approved reply is still not published: the comment of its thread that hides it.
    public enum HiddenReply: Sendable, Equatable {
        /// `hiddenBy` (the parent, or a comment above it) has `status`, not approved: the thread below it is not shown.
        case belowUnapproved(parent: CommentFile, hiddenBy: CommentFile, status: String)
        /// `reply_to` names `parent`, which is not a comment of the post.
        case missingParent(String)
        /// The `reply_to` links above the comment go round in a circle, so it never reaches a thread.
        case cycle
    }

    /// Whether the reply in `file` stays off the site even when approved, as the build's threading decides
    /// (`CommentThreads`): its parent, and each comment above it, must be approved. Nil when the comment is no reply,
    /// or its whole thread above it is approved. Reads the files as they are now.
    public func hiddenReply(_ file: CommentFile) throws -> HiddenReply? {
        var current = file
        var seen: Set<String> = [file.id]
        var parent: CommentFile?
        while let above = try value(of: "reply_to", in: current) {
            let next = CommentFile(id: above, postStem: file.postStem)
            guard store.exists(next) else { return .missingParent(above) }
            guard seen.insert(next.id).inserted else { return .cycle }
            if parent == nil { parent = next }
            let status = try self.status(of: next) ?? "without a status"
            if status != Comment.Status.approved.rawValue {
                return .belowUnapproved(parent: parent!, hiddenBy: next, status: status)
            }
            current = next
        }
        return nil
    }
}
