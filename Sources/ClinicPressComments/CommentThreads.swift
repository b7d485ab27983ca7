import ClinicPressModel

/// An approved comment with the approved replies below it.
public struct CommentTree: Sendable {
    public var comment: Comment
    public var replies: [CommentTree]
}

/// Arranges a post's comments for publishing.
public enum CommentThreads {
    /// The approved comments as threads, oldest first at every level. A reply whose parent is not approved is not
    /// shown (its context would be missing), and neither is anything below it.
    /// With `includingPending` (previews only), pending comments are threaded too, for moderators to see in place.
    public static func approved(_ comments: [Comment], includingPending: Bool = false) -> [CommentTree] {
        let approved = comments.filter { $0.status == .approved || (includingPending && $0.status == .pending) }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let approvedIDs = Set(approved.map(\.id))
        var children: [String: [Comment]] = [:]
        var roots: [Comment] = []
        for comment in approved {
            if let parent = comment.replyTo {
                if approvedIDs.contains(parent), parent != comment.id { children[parent, default: []].append(comment) }
            } else {
                roots.append(comment)
            }
        }
        func tree(_ comment: Comment, depth: Int) -> CommentTree {
            // Depth bounds the recursion even if files were edited into a cycle below a root; `check` reports deeper
            // replies and cycles (CommentStore+ReplyChains.swift in ClinicPressContent).
            let replies = depth < Comment.maxReplyDepth ? (children[comment.id] ?? []).map { tree($0, depth: depth + 1) } : []
            return CommentTree(comment: comment, replies: replies)
        }
        return roots.map { tree($0, depth: 0) }
    }
}
