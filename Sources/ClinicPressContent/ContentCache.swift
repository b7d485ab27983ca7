import ClinicPressModel
import ClinicPressParallel
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
    private var folders: [String: CommentStore.LoadedFolder] = [:]
    private var folderNames: [String] = []
    /// Changes reported since the last load.
    private var changed: Set<SiteChange> = []
    /// How many post files and comment folders were read since the last `invalidate`.
    public private(set) var lastReads = 0

    public init() {}

    /// Records what changed on disk since the last load, before a build.
    public func invalidate(_ changes: [SiteChange]) {
        lock.withLock {
            changed.formUnion(changes)
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
        var commentFolders: [(name: String, loaded: CommentStore.LoadedFolder)]
        var diagnostics: [Diagnostic]
    }

    /// What one update found, each file with its parse before and after (nil where it did not exist).
    public struct Changes: Sendable {
        public var posts: [(path: String, before: Post?, after: Post?, sameDiagnostics: Bool, afterHasErrors: Bool)] = []
        public var commentFolders: [(name: String, before: [Comment]?, after: [Comment]?, sameDiagnostics: Bool, afterHasErrors: Bool)] = []
        /// A change to settings, references or templates (`SiteChange.siteWide`): no page can be assumed unchanged.
        public var siteWide = false
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
        let store = CommentStore(siteDirectory: siteDirectory)
        folderNames = store.folders()
        folders = Dictionary(uniqueKeysWithValues: zip(folderNames, folderNames.parallelMap { store.loadFolder($0) }))
        lastReads += postPaths.count + folderNames.count
    }

    /// Reads the changed posts and comment folders again. Nil when a change needs a full reload (`everything`).
    private func applyChanges(_ changed: Set<SiteChange>, in siteDirectory: URL) -> Changes? {
        var changes = Changes()
        var changedPosts: Set<String> = [], changedFolders: Set<String> = []
        for change in changed {
            switch change {
            case .everything: return nil
            case .post(let path): changedPosts.insert(path)
            case .comments(let folder): changedFolders.insert(folder)
            case .siteWide: changes.siteWide = true  // read on every build anyway; the caller wants to know
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
            let after = exists ? CommentStore(siteDirectory: siteDirectory).loadFolder(name) : nil
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
