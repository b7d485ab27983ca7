import ClinicPressModel
import ClinicPressText
import Foundation

/// The names a post goes by where people and form services name one — `comments list --post`, `post/id` comment
/// addresses, the `post` column of an import — resolved in one place, so that every command accepts the same names.
///
/// A post is named by its slug (the one in its address, `posts/<slug>/`: the front matter's `slug`, else the one its
/// file name gives), by its address path (`posts/<slug>`), by its file name with or without `.md` and with or without
/// `Posts/`, or by the slug part of its file name. The slug wins over a file name: with `third-note.md` saying
/// `slug: clinic-note` and a file `clinic-note.md` saying another slug, `clinic-note` is the post at
/// `/posts/clinic-note/`, whose comments a moderator asking for it means.
public struct PostNames: Sendable {
    /// One post's names.
    public struct Entry: Sendable, Equatable {
        /// The file name without `.md`: the comments folder is `Posts/<stem>.comments`.
        public let stem: String
        /// The slug of its address.
        public let slug: String

        /// A post with file stem `stem` and address slug `slug`.
        public init(stem: String, slug: String) {
            self.stem = stem
            self.slug = slug
        }

        /// The slug the file name alone gives (the stem without its date prefix, made a slug).
        var fileSlug: String { Self.fileSlug(ofStem: stem) }

        static func fileSlug(ofStem stem: String) -> String { Slug.make(Post.splitDatePrefix(stem).1) }
    }

    /// The site's posts, sorted by file stem.
    public let entries: [Entry]
    private let slugByStem: [String: String]

    /// The names of `entries`.
    public init(_ entries: [Entry]) {
        self.entries = entries.sorted { $0.stem < $1.stem }
        self.slugByStem = Dictionary(entries.map { ($0.stem, $0.slug) }, uniquingKeysWith: { first, _ in first })
    }

    /// The posts of the site in `siteDirectory`, their slugs read from the front matter's `slug` line without parsing
    /// the rest, so that the moderation commands work while a post has errors (a post whose `slug` is not a valid one
    /// goes by the slug its file name gives, as the build would report).
    public static func load(from siteDirectory: URL) -> PostNames {
        var ignored: [Diagnostic] = []
        let entries = SiteContent.postFiles(in: siteDirectory, diagnostics: &ignored).map { path in
            let stem = String(path.dropFirst("Posts/".count).dropLast(3))
            let text = try? SourceText.read(path: "\(siteDirectory.path)/\(path)", relativePath: path, sizeLimit: SourceText.postSizeLimit).get()
            let written = text.flatMap { try? FrontMatterEditor.value(of: "slug", in: $0) }
            return Entry(stem: stem, slug: written.flatMap { Slug.isValid($0) ? $0 : nil } ?? Entry.fileSlug(ofStem: stem))
        }
        return PostNames(entries)
    }

    /// The file stems of the posts named `name` (see the type), empty when no post has that name. Several only when
    /// the name is the file-name slug of several posts, none of which has it as its slug or file name.
    public func stems(named name: String) -> [String] {
        let wanted = Self.normalized(name)
        guard !wanted.isEmpty else { return [] }
        let lowered = wanted.lowercased()
        for matches in [entries.filter { $0.slug == lowered }, entries.filter { $0.stem == wanted }, entries.filter { $0.fileSlug == lowered }]
        where !matches.isEmpty {
            return matches.map(\.stem)
        }
        return []
    }

    /// The slug of the post with file stem `stem`; for a stem that is no post's (a comments folder left behind),
    /// the slug its name gives.
    public func slug(ofStem stem: String) -> String {
        slugByStem[stem] ?? Entry.fileSlug(ofStem: stem)
    }

    /// Slugs close to `name`, for a "did you mean" hint: within a couple of edits, or containing it; nearest first,
    /// at most five.
    public func closeSlugs(to name: String) -> [String] {
        Spelling.close(to: Self.normalized(name).lowercased(), among: entries.map(\.slug), limit: 5)
    }

    /// `name` without what surrounds a post's own name: an address's scheme, host, query and fragment, and the path
    /// before `posts/` (a site under a path, `https://example.com/blog/posts/a/`), slashes at either end, `Posts/` or
    /// `posts/` in front, `.md` at the end.
    static func normalized(_ name: String) -> String {
        var name = name.trimmingCharacters(in: .whitespaces)
        // A page address: keep its path, from its `posts/` on when it has one.
        if name.contains("://") || name.hasPrefix("/") {
            name = pathOfAddress(name)
            if let posts = name.range(of: "/posts/", options: .backwards) { name = String(name[posts.lowerBound...]) }
        }
        name = name.trimmingCharacters(in: CharacterSet(charactersIn: "/"))
        for prefix in ["Posts/", "posts/"] where name.hasPrefix(prefix) {
            name.removeFirst(prefix.count)
        }
        if name.hasSuffix(".md") { name.removeLast(3) }
        return name
    }

    /// The path of a page address, without its query and fragment: `https://clinic.example/posts/a/?x=1#form` →
    /// `/posts/a/`; a path is kept as it is, minus query and fragment. Empty for a site's own address.
    public static func pathOfAddress(_ address: String) -> String {
        var path = Substring(address.trimmingCharacters(in: .whitespaces))
        if let scheme = path.range(of: "://") { path = path[scheme.upperBound...].drop { $0 != "/" } }
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        return path.trimmingCharacters(in: CharacterSet(charactersIn: "/")).isEmpty ? "" : String(path)
    }
}
