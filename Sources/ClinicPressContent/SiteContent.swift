import ClinicPressModel
import ClinicPressParallel
import Foundation

/// Everything the build reads from a site folder: `site.yaml` and the posts, parsed but not yet rendered.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// Every post that parsed, drafts and scheduled ones included, sorted newest first (then by slug).
    public var posts: [Post]
    /// The site's reference list (`references.yaml`), by key.
    public var references: [String: Reference]
    /// Comments of every status, by the file stem of their post, oldest first.
    public var comments: [String: [Comment]]
    /// Warnings found while loading (errors make `load` throw).
    public var warnings: [Diagnostic]
    /// The files of `static/`, copied as they are into the output, sorted by path.
    public var staticFiles: [StaticFile]
    /// The standalone pages of `Pages/`, sorted by file name.
    public var pages: [Page]
    /// The writers and reviewers of `people.yaml`.
    public var people: People

    /// Creates content from parts (tests build small sites this way).
    public init(config: SiteConfig, posts: [Post], references: [String: Reference] = [:], comments: [String: [Comment]] = [:],
                warnings: [Diagnostic] = [], staticFiles: [StaticFile] = [], pages: [Page] = [], people: People = People([], isDefined: false)) {
        self.config = config
        self.posts = posts.sorted(by: Self.newestFirst)
        self.references = references
        self.comments = comments
        self.warnings = warnings
        self.staticFiles = staticFiles
        self.pages = pages
        self.people = people
    }

    /// Loads `site.yaml`, `references.yaml`, `Posts/*.md`, the comment folders and the files of `static/` from `siteDirectory`.
    /// - Throws: `DiagnosticsError` with every problem found, when any is an error.
    public static func load(from siteDirectory: URL) throws -> SiteContent {
        try SiteContent(files: .read(siteDirectory), siteDirectory: siteDirectory)
    }

    /// Assembles the content from posts and comment folders already read, reading `site.yaml`, `references.yaml` and `static/`.
    /// - Throws: `DiagnosticsError` with every problem found, when any is an error.
    public init(files: SiteFiles, siteDirectory: URL) throws {
        var diagnostics: [Diagnostic] = []
        let config = SiteConfig.load(from: siteDirectory, diagnostics: &diagnostics)
        diagnostics += files.listingDiagnostics
        let sources = files.allPosts
        let posts = sources.compactMap(\.loaded.post)
        diagnostics += sources.flatMap(\.loaded.diagnostics)
        diagnostics += Self.duplicateSlugs(in: posts)
        let references = ReferenceList.load(from: siteDirectory, diagnostics: &diagnostics)
        let postStems = Set(sources.map { String($0.path.dropFirst("Posts/".count).dropLast(3)) })
        let comments = CommentStore.merge(files.allCommentFolders, postStems: postStems, diagnostics: &diagnostics)
        let staticFiles = StaticFolder.load(from: siteDirectory, diagnostics: &diagnostics)
        let pages = Page.loadAll(from: siteDirectory, diagnostics: &diagnostics)
        diagnostics += Self.checkPageSlugs(pages)
        let people = People.load(from: siteDirectory, diagnostics: &diagnostics)
        diagnostics += Self.checkPeople(in: posts, people: people)
        if let config { diagnostics += Self.checkMenu(config.menu, pages: pages, staticFiles: staticFiles) }

        guard let config, !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        self.init(config: config, posts: posts, references: references, comments: comments, warnings: diagnostics.sorted(),
                  staticFiles: staticFiles, pages: pages, people: people)
    }

    /// One post, read on its own (the preview's moderation queue names the posts comments belong to); nil when it
    /// cannot be read or has errors.
    public static func post(atPath relativePath: String, in siteDirectory: URL) -> Post? {
        loadPost(relativePath, in: siteDirectory).post
    }

    static func loadPost(_ relativePath: String, in siteDirectory: URL) -> LoadedPost {
        var diagnostics: [Diagnostic] = []
        guard let text = SourceText.read(path: siteDirectory.path + "/" + relativePath, relativePath: relativePath,
                                         sizeLimit: SourceText.postSizeLimit).value(reportingTo: &diagnostics) else {
            return LoadedPost(post: nil, diagnostics: diagnostics)
        }
        return LoadedPost(post: Post.parse(text, source: relativePath, diagnostics: &diagnostics), diagnostics: diagnostics)
    }

    /// A post file as parsed: the post when it can be built, and its problems either way.
    public struct LoadedPost: Sendable {
        public var post: Post?
        public var diagnostics: [Diagnostic]
    }

    /// Only `site.yaml`, for commands that need the settings but not the posts.
    public static func loadConfig(from siteDirectory: URL) throws -> SiteConfig {
        var diagnostics: [Diagnostic] = []
        guard let config = SiteConfig.load(from: siteDirectory, diagnostics: &diagnostics), !diagnostics.containsErrors else {
            throw DiagnosticsError(diagnostics)
        }
        return config
    }

    /// Only the comments (with the post file stems they belong to), for the moderation commands, which must work
    /// even while a post has errors.
    public static func loadComments(from siteDirectory: URL) -> (comments: [String: [Comment]], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let stems = Set(postFiles(in: siteDirectory, diagnostics: &diagnostics).map { String($0.dropFirst("Posts/".count).dropLast(3)) })
        let comments = CommentStore(siteDirectory: siteDirectory).loadAll(postStems: stems, diagnostics: &diagnostics)
        return (comments, diagnostics.sorted())
    }

    /// Every post that parses, sorted newest first, and the problems of the others: for services that must keep
    /// working while one post has an error (`clinicpress intake` looks posts up by slug). Of two posts with one slug,
    /// the first in file order is kept, as a build reports.
    public static func loadPosts(from siteDirectory: URL) -> (posts: [Post], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let loaded = postFiles(in: siteDirectory, diagnostics: &diagnostics).parallelMap { loadPost($0, in: siteDirectory) }
        diagnostics += loaded.flatMap(\.diagnostics)
        var posts = loaded.compactMap(\.post)
        let duplicates = duplicateSlugs(in: posts)
        diagnostics += duplicates
        let refused = Set(duplicates.map(\.location.file))
        posts.removeAll { refused.contains($0.source) }
        return (posts.sorted(by: newestFirst), diagnostics.sorted())
    }

    /// `Posts/*.md`, sorted by name. Comment folders (`*.comments/`) and hidden files are not posts; a file ending in
    /// `.MD` (or another case) is an error rather than a post silently left out.
    static func postFiles(in siteDirectory: URL, diagnostics: inout [Diagnostic]) -> [String] {
        let names: [String]
        switch FolderListing.names(atPath: siteDirectory.appendingPathComponent("Posts").path) {
        case .success(let listed):
            names = listed.filter { !$0.hasPrefix(".") }
        case .failure(let error) where error.code == .ENOENT:
            diagnostics.append(.error("no Posts/ folder in \(siteDirectory.path)", at: SourceLocation(file: "Posts"), rule: "site-layout",
                                      hint: "create Posts/ and write posts there as YYYY-MM-DD-slug.md"))
            return []
        case .failure(let error):
            diagnostics.append(.error("cannot read the Posts/ folder: \(FolderListing.describe(error))", at: SourceLocation(file: "Posts"), rule: "io",
                                      hint: "check that Posts/ is a folder and that you may read it"))
            return []
        }
        for name in names where !name.hasSuffix(".md") && FolderListing.hasMarkdownExtension(name) {
            diagnostics.append(FolderListing.misnamedMarkdown(name, in: "Posts"))
        }
        return names.filter { $0.hasSuffix(".md") }.sorted().map { "Posts/\($0)" }
    }

    /// An error on every post whose slug another post already has (the first in file order keeps it).
    static func duplicateSlugs(in posts: [Post]) -> [Diagnostic] {
        var firstBySlug: [String: Post] = [:]
        var diagnostics: [Diagnostic] = []
        for post in posts.sorted(by: { $0.source < $1.source }) {
            if let first = firstBySlug[post.slug] {
                diagnostics.append(.error("duplicate slug '\(post.slug)': \(first.source) has it too, and both would write posts/\(post.slug)/",
                                          at: SourceLocation(file: post.source), rule: "duplicate-slug",
                                          hint: "rename one of the files, or give one a different `slug:` in its front matter"))
            } else {
                firstBySlug[post.slug] = post
            }
        }
        return diagnostics
    }

    /// Newest first; the slug breaks ties so the order never depends on the file system.
    static func newestFirst(_ a: Post, _ b: Post) -> Bool {
        if a.date != b.date { return a.date > b.date }
        return a.slug < b.slug
    }
}
