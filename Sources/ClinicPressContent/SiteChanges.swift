/// Every change to a site's files since the last build, merged into one set: the input of `IncrementalBuild`, which
/// reads it field by field to decide what to redo. A first build, or a build that knows nothing of what changed, is
/// `.everything`.
public struct SiteChanges: Sendable, Equatable, CustomStringConvertible {
    /// Post files added, edited or deleted (`Posts/2026-01-01-a.md`).
    public var posts: Set<String> = []
    /// Comment folders whose files were added, edited or deleted (`2026-01-01-a.comments`).
    public var commentFolders: Set<String> = []
    /// A template or an asset changed.
    public var templates = false
    /// `site.yaml` or `references.yaml` changed.
    public var settings = false
    /// Anything may have changed: every file is read again.
    public var everything = false

    /// No change.
    public init() {}

    /// The changes, merged.
    public init(_ changes: some Sequence<SiteChange>) {
        for change in changes { insert(change) }
    }

    /// Anything may have changed: what the first build of a site is told.
    public static let everything: SiteChanges = {
        var changes = SiteChanges()
        changes.everything = true
        return changes
    }()

    /// Adds one change.
    public mutating func insert(_ change: SiteChange) {
        switch change {
        case .post(let path): posts.insert(path)
        case .comments(let folder): commentFolders.insert(folder)
        case .template: templates = true
        case .settings: settings = true
        case .everything: everything = true
        }
    }

    /// Adds every change of `other`.
    public mutating func formUnion(_ other: SiteChanges) {
        posts.formUnion(other.posts)
        commentFolders.formUnion(other.commentFolders)
        templates = templates || other.templates
        settings = settings || other.settings
        everything = everything || other.everything
    }

    /// True when nothing changed.
    public var isEmpty: Bool { self == SiteChanges() }

    /// What changed, briefly, for logs: `Posts/a.md`, `3 posts, templates`, `everything`.
    public var description: String {
        if everything { return "everything" }
        var parts: [String] = []
        let files = posts.sorted() + commentFolders.sorted().map { "Posts/" + $0 }
        if files.count <= 2 { parts += files } else {
            if !posts.isEmpty { parts.append("\(posts.count) post\(posts.count == 1 ? "" : "s")") }
            if !commentFolders.isEmpty { parts.append("\(commentFolders.count) comment folder\(commentFolders.count == 1 ? "" : "s")") }
        }
        if templates { parts.append("templates") }
        if settings { parts.append("settings") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}
