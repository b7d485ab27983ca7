import ClinicPressModel
import Foundation

/// The parsed source files of a site, kept between the preview server's rebuilds. The server's file watcher tells
/// the cache which paths changed; the next load reads those files again and reuses every other parsed post and
/// comment folder, so saving one post of a 10,000-post site reads one file, not 10,000.
///
/// A fresh cache, or one told that anything may have changed (`invalidateAll`), reads everything.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock`, except the `lastReads` getter, which
/// is meant to be read after the build that set it, by whoever ran the build (the preview runs one build at a time).
/// `UnsafeCodeTests` compares a cache driven by random edits, with invalidations from many threads, with fresh loads.
public final class ContentCache: @unchecked Sendable {
    private let lock = NSLock()
    /// `Posts/*.md`, sorted by name, with their parse results; nil until the first load.
    private var posts: [String: SiteContent.LoadedPost]?
    private var postPaths: [String] = []
    private var listingDiagnostics: [Diagnostic] = []
    /// `Posts/*.comments` folders, sorted, with what they hold.
    private var folders: [String: Comment.LoadedFolder] = [:]
    private var folderNames: [String] = []
    /// Site-relative paths reported changed since the last load.
    private var changed: Set<String> = []
    /// How many post files and comment folders were read since the last `invalidate`.
    public private(set) var lastReads = 0

    public init() {}

    /// Records paths (relative to the site) that changed on disk since the last load, before a build.
    public func invalidate(_ paths: [String]) {
        lock.withLock {
            changed.formUnion(paths)
            lastReads = 0
        }
    }

    /// Forgets everything: the next load reads every file (after a watcher overflow, say).
    public func invalidateAll() {
        lock.withLock {
            posts = nil
            lastReads = 0
        }
    }

    /// What `SiteContent.load` assembles a site from, in file order.
    struct Sources {
        var posts: [(path: String, loaded: SiteContent.LoadedPost)]
        var commentFolders: [(name: String, loaded: Comment.LoadedFolder)]
        var diagnostics: [Diagnostic]
    }

    /// What one update found, each file with its parse before and after (nil where it did not exist).
    public struct Changes: Sendable {
        public var posts: [(path: String, before: Post?, after: Post?, sameDiagnostics: Bool, afterHasErrors: Bool)] = []
        public var commentFolders: [(name: String, before: [Comment]?, after: [Comment]?, sameDiagnostics: Bool, afterHasErrors: Bool)] = []
        /// A reported path outside `Posts/` (settings, references, templates) or one the cache cannot place.
        public var outsidePosts = false
    }

    /// Reads the files reported changed since the last update. Nil when the cache had to read everything (its first
    /// load, or after `invalidateAll` or a watcher overflow): then nothing is known about what changed.
    public func update(_ siteDirectory: URL) -> Changes? {
        lock.withLock { applyPending(siteDirectory) }
    }

    /// Brings the cache up to date with the files and returns them.
    func refresh(_ siteDirectory: URL) -> Sources {
        lock.withLock {
            _ = applyPending(siteDirectory)
            return Sources(posts: postPaths.map { ($0, posts![$0]!) }, commentFolders: folderNames.map { ($0, folders[$0]!) },
                           diagnostics: listingDiagnostics)
        }
    }

    private func applyPending(_ siteDirectory: URL) -> Changes? {
        let changed = self.changed
        self.changed = []
        if posts != nil, let changes = applyChanges(changed, in: siteDirectory) { return changes }
        loadEverything(siteDirectory)
        return nil
    }

    private func loadEverything(_ siteDirectory: URL) {
        var diagnostics: [Diagnostic] = []
        postPaths = SiteContent.postFiles(in: siteDirectory, diagnostics: &diagnostics)
        listingDiagnostics = diagnostics
        // Posts and comment folders are independent: read and parse them on all cores.
        let loadedPosts = postPaths.parallelMap { SiteContent.loadPost($0, in: siteDirectory) }
        posts = Dictionary(uniqueKeysWithValues: zip(postPaths, loadedPosts))
        folderNames = Comment.commentFolders(in: siteDirectory)
        folders = Dictionary(uniqueKeysWithValues: zip(folderNames, folderNames.parallelMap { Comment.loadFolder($0, in: siteDirectory) }))
        lastReads += postPaths.count + folderNames.count
    }

    /// Reads the changed posts and comment folders again. Nil when a change needs a full reload (the `Posts`
    /// folder itself was moved or replaced, or the watcher lost events).
    private func applyChanges(_ changed: Set<String>, in siteDirectory: URL) -> Changes? {
        var changes = Changes()
        // Which posts and comment folders the paths touch (a comment's events name its file and its folder).
        var changedPosts: Set<String> = [], changedFolders: Set<String> = []
        for path in changed {
            if path == FileWatcherPaths.everything { return nil }
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            guard parts.first == "Posts" else {
                // Settings and templates are read on every build anyway; the caller may want to know.
                changes.outsidePosts = true
                continue
            }
            guard parts.count >= 2 else { return nil }
            let name = String(parts[1])
            if name.hasPrefix(".") { continue }
            if parts.count == 2, name.hasSuffix(".md") {
                changedPosts.insert("Posts/" + name)
            } else if name.hasSuffix(".comments") {
                changedFolders.insert(name)
            } else {
                changes.outsidePosts = true
            }
        }
        let fileManager = FileManager.default
        var listingChanged = false
        for postPath in changedPosts.sorted() {
            let exists = fileManager.fileExists(atPath: siteDirectory.appendingPathComponent(postPath).path)
            let before = posts![postPath]
            let after = exists ? SiteContent.loadPost(postPath, in: siteDirectory) : nil
            listingChanged = listingChanged || exists != (before != nil)
            posts![postPath] = after
            if exists { lastReads += 1 }
            changes.posts.append((postPath, before?.post, after?.post, before?.diagnostics == after?.diagnostics,
                                  after?.diagnostics.containsErrors ?? false))
        }
        for name in changedFolders.sorted() {
            var isDirectory: ObjCBool = false
            let exists = fileManager.fileExists(atPath: siteDirectory.appendingPathComponent("Posts/" + name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
            let before = folders[name]
            let after = exists ? Comment.loadFolder(name, in: siteDirectory) : nil
            listingChanged = listingChanged || exists != (before != nil)
            folders[name] = after
            if exists { lastReads += 1 }
            changes.commentFolders.append((name, before?.comments, after?.comments, before?.diagnostics == after?.diagnostics,
                                           after?.diagnostics.containsErrors ?? false))
        }
        if listingChanged {
            postPaths = posts!.keys.sorted()
            folderNames = folders.keys.sorted()
        }
        return changes
    }
}
