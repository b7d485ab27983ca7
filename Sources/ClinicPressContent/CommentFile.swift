import ClinicPressModel

/// Where one comment lives: `Posts/<post-file-stem>.comments/<id>.md`. The id is unique only within its post.
public struct CommentFile: Sendable, Hashable {
    /// The file name without `.md`.
    public let id: String
    /// Relative to the site: `Posts/<post-stem>.comments/<id>.md`.
    public let path: String
    /// The file stem of its post.
    public let postStem: String

    /// The file of a comment that was loaded.
    public init(_ comment: Comment) {
        self.init(id: comment.id, path: comment.source, postStem: comment.postStem)
    }

    /// The file comment `id` of the post with file stem `postStem` has, or would have.
    public init(id: String, postStem: String) {
        self.init(id: id, path: "\(Self.folder(ofPost: postStem))/\(id).md", postStem: postStem)
    }

    init(id: String, path: String, postStem: String) {
        self.id = id
        self.path = path
        self.postStem = postStem
    }

    /// The folder of a post's comments, relative to the site: `Posts/<post-file-stem>.comments`.
    public static func folder(ofPost postStem: String) -> String {
        "Posts/\(postStem).comments"
    }
}
