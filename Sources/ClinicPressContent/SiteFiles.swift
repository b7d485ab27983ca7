import ClinicPressModel
import ClinicPressParallel
import Foundation

/// The post files and comment folders of a site, each as it was last read and parsed, with its problems.
/// `IncrementalBuild` keeps one from build to build and reads again only the files a change set names, so saving one
/// post of a 10,000-post site reads one file, not 10,000.
public struct SiteFiles: Sendable {
    /// `Posts/*.md` by path, and the paths sorted.
    private var posts: [String: SiteContent.LoadedPost] = [:]
    private var postPaths: [String] = []
    /// `Posts/*.comments` by folder name, and the names sorted.
    private var folders: [String: CommentStore.LoadedFolder] = [:]
    private var folderNames: [String] = []
    /// Problems found listing `Posts/` (a missing folder, a file named `a.MD`).
    public private(set) var listingDiagnostics: [Diagnostic] = []

    /// Lists and reads every post and comment folder of the site, on all cores.
    public static func read(_ siteDirectory: URL) -> SiteFiles {
        var files = SiteFiles()
        files.postPaths = SiteContent.postFiles(in: siteDirectory, diagnostics: &files.listingDiagnostics)
        // Posts and comment folders are independent: read and parse them on all cores.
        let loadedPosts = files.postPaths.parallelMap { SiteContent.loadPost($0, in: siteDirectory) }
        files.posts = Dictionary(uniqueKeysWithValues: zip(files.postPaths, loadedPosts))
        let store = CommentStore(siteDirectory: siteDirectory)
        files.folderNames = store.folders()
        files.folders = Dictionary(uniqueKeysWithValues: zip(files.folderNames, files.folderNames.parallelMap { store.loadFolder($0) }))
        return files
    }

    /// How many post files and comment folders there are.
    public var count: Int { postPaths.count + folderNames.count }

    /// The post file at `path` as last read; nil when there was none.
    public func post(at path: String) -> SiteContent.LoadedPost? { posts[path] }

    /// The comment folder `name` as last read; nil when there was none.
    public func commentFolder(_ name: String) -> CommentStore.LoadedFolder? { folders[name] }

    /// The posts, in file order.
    var allPosts: [(path: String, loaded: SiteContent.LoadedPost)] { postPaths.map { ($0, posts[$0]!) } }

    /// The comment folders, in name order.
    var allCommentFolders: [(name: String, loaded: CommentStore.LoadedFolder)] { folderNames.map { ($0, folders[$0]!) } }

    /// Files read again, not yet applied: each with what it holds now, nil where it no longer exists.
    public struct Update: Sendable {
        public var posts: [(path: String, loaded: SiteContent.LoadedPost?)] = []
        public var commentFolders: [(name: String, loaded: CommentStore.LoadedFolder?)] = []
        /// How many files were read (deleted ones are not).
        public var filesRead: Int { posts.count { $0.loaded != nil } + commentFolders.count { $0.loaded != nil } }
    }

    /// Reads the post files and comment folders `changes` names, as they are now (nothing else, and this value is
    /// left as it is: `apply` the update once the build that needs it succeeds).
    public func reading(_ changes: SiteChanges, in siteDirectory: URL) -> Update {
        // As listing `Posts/` would: a name that is there, whatever it is (a link that leads nowhere is read, and fails).
        @Sendable func exists(_ relativePath: String) -> Bool {
            var status = stat()
            return lstat(siteDirectory.appendingPathComponent(relativePath).path, &status) == 0
        }
        let postPaths = changes.posts.sorted()
        let folderNames = changes.commentFolders.sorted()
        let store = CommentStore(siteDirectory: siteDirectory)
        var update = Update()
        update.posts = Array(zip(postPaths, postPaths.parallelMap { exists($0) ? SiteContent.loadPost($0, in: siteDirectory) : nil }))
        update.commentFolders = Array(zip(folderNames, folderNames.parallelMap { exists("Posts/" + $0) ? store.loadFolder($0) : nil }))
        return update
    }

    /// Takes in files read again.
    public mutating func apply(_ update: Update) {
        for (path, loaded) in update.posts {
            Self.set(&posts, &postPaths, path, loaded)
        }
        for (name, loaded) in update.commentFolders {
            Self.set(&folders, &folderNames, name, loaded)
        }
    }

    /// Stores `value` (or removes the entry), keeping `names` sorted.
    private static func set<Value>(_ entries: inout [String: Value], _ names: inout [String], _ name: String, _ value: Value?) {
        let existed = entries[name] != nil
        entries[name] = value
        if existed, value == nil, let index = names.firstIndex(of: name) {
            names.remove(at: index)
        } else if !existed, value != nil {
            names.insert(name, at: names.firstIndex { $0 > name } ?? names.endIndex)
        }
    }
}
