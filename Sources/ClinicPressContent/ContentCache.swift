import ClinicPressModel
import Foundation

/// The parsed source files of a site, kept between the preview server's rebuilds. The server's file watcher tells
/// the cache which paths changed; the next load reads those files again and reuses every other parsed post and
/// comment folder, so saving one post of a 10,000-post site reads one file, not 10,000.
///
/// A fresh cache, or one told that anything may have changed (`invalidateAll`), reads everything.
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
    /// How many post files and comment folders the last load read.
    public private(set) var lastReads = 0

    public init() {}

    /// Records paths (relative to the site) that changed on disk since the last load.
    public func invalidate(_ paths: [String]) {
        lock.withLock { changed.formUnion(paths) }
    }

    /// Forgets everything: the next load reads every file (after a watcher overflow, say).
    public func invalidateAll() {
        lock.withLock { posts = nil }
    }

    /// What `SiteContent.load` assembles a site from, in file order.
    struct Sources {
        var posts: [(path: String, loaded: SiteContent.LoadedPost)]
        var commentFolders: [(name: String, loaded: Comment.LoadedFolder)]
        var diagnostics: [Diagnostic]
    }

    /// Brings the cache up to date with the files and returns them.
    func refresh(_ siteDirectory: URL) -> Sources {
        lock.withLock {
            let changed = self.changed
            self.changed = []
            lastReads = 0
            if posts == nil || !applyChanges(changed, in: siteDirectory) {
                loadEverything(siteDirectory)
            }
            return Sources(posts: postPaths.map { ($0, posts![$0]!) }, commentFolders: folderNames.map { ($0, folders[$0]!) },
                           diagnostics: listingDiagnostics)
        }
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
        lastReads = postPaths.count + folderNames.count
    }

    /// Reads the changed posts and comment folders again. False when a change needs a full reload (the `Posts`
    /// folder itself was moved or replaced).
    private func applyChanges(_ changed: Set<String>, in siteDirectory: URL) -> Bool {
        // Which posts and comment folders the paths touch (a comment's events name its file and its folder).
        var changedPosts: Set<String> = [], changedFolders: Set<String> = []
        for path in changed {
            if path == FileWatcherPaths.everything { return false }
            let parts = path.split(separator: "/", omittingEmptySubsequences: true)
            guard parts.first == "Posts" else { continue } // settings and templates are read on every build anyway
            guard parts.count >= 2 else { return false }
            let name = String(parts[1])
            if name.hasPrefix(".") { continue }
            if parts.count == 2, name.hasSuffix(".md") { changedPosts.insert("Posts/" + name) }
            if name.hasSuffix(".comments") { changedFolders.insert(name) }
        }
        let fileManager = FileManager.default
        var listingChanged = false
        for postPath in changedPosts.sorted() {
            let exists = fileManager.fileExists(atPath: siteDirectory.appendingPathComponent(postPath).path)
            listingChanged = listingChanged || exists != (posts![postPath] != nil)
            posts![postPath] = exists ? SiteContent.loadPost(postPath, in: siteDirectory) : nil
            if exists { lastReads += 1 }
        }
        for name in changedFolders.sorted() {
            var isDirectory: ObjCBool = false
            let exists = fileManager.fileExists(atPath: siteDirectory.appendingPathComponent("Posts/" + name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
            listingChanged = listingChanged || exists != (folders[name] != nil)
            folders[name] = exists ? Comment.loadFolder(name, in: siteDirectory) : nil
            if exists { lastReads += 1 }
        }
        if listingChanged {
            postPaths = posts!.keys.sorted()
            folderNames = folders.keys.sorted()
        }
        return true
    }
}
