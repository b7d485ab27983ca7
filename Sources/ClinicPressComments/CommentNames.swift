import ClinicPressContent

/// The shortest name that `Moderation.find` resolves to each comment of a site, for the commands to print: what a
/// moderator types next. In order of preference, keeping the shortest: the short id (`may-m`), the post and short id
/// (`ketamine-basics/may-m`) when another post has a `may-m`, the id, and the post and id.
public struct CommentNames: Sendable {
    private struct Key: Hashable {
        var postStem: String
        var id: String
    }

    private let names: [Key: String]
    private let posts: PostNames

    /// The names of `files`, every comment file of the site (`Moderation.files()`), whose posts are `posts`.
    public init(files: [CommentFile], posts: PostNames) {
        // How many comments answer to each name exactly, in the site and in each post.
        var inSite: [String: Int] = [:]
        var inPost: [String: [String: Int]] = [:]
        for file in files {
            for name in Set([file.id, file.shortID]) {
                inSite[name, default: 0] += 1
                inPost[file.postStem, default: [:]][name, default: 0] += 1
            }
        }
        var names: [Key: String] = [:]
        var slugIsUnique: [String: Bool] = [:]
        for file in files {
            let slug = posts.slug(ofStem: file.postStem)
            // The post part resolves to this post alone when the slug is no other post's name.
            let postIsUnique = slugIsUnique[file.postStem] ?? (posts.stems(named: slug) == [file.postStem])
            slugIsUnique[file.postStem] = postIsUnique
            var candidates: [String] = []
            for name in [file.shortID, file.id] {
                if inSite[name] == 1 { candidates.append(name) }
                if postIsUnique, inPost[file.postStem]?[name] == 1 { candidates.append("\(slug)/\(name)") }
            }
            // `<stem>/<id>` always names it: the file system keeps ids unique within a folder.
            candidates.append("\(file.postStem)/\(file.id)")
            names[Key(postStem: file.postStem, id: file.id)] = candidates.min { $0.count < $1.count }
        }
        self.names = names
        self.posts = posts
    }

    /// The name of the comment `id` of the post with file stem `postStem`; the id itself for a comment not listed.
    public func name(ofID id: String, postStem: String) -> String {
        names[Key(postStem: postStem, id: id)] ?? id
    }

    /// The name of `file`.
    public func name(of file: CommentFile) -> String {
        name(ofID: file.id, postStem: file.postStem)
    }
}
