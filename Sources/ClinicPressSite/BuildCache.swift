import ClinicPressContent
import ClinicPressModel
import ClinicPressRender
import Foundation

/// What one build can reuse from the previous one: each post's Markdown stage result, as long as neither the post
/// nor anything its page depends on changed. The preview server keeps one between rebuilds, so saving a post
/// re-parses that post alone.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (key: Int, result: MarkdownStage.Result)] = [:]
    /// Parsed posts and comments, reused until the file watcher reports their files changed.
    public let content = ContentCache()
    /// Rendered pages, reused when nothing they show changed.
    public let pages = RenderCache()
    /// The fingerprint of the site-wide inputs of the last build (settings, references, every post's metadata).
    var siteFingerprint = 0
    /// How many posts the last build took from the cache, and how many it parsed.
    public private(set) var lastHits = 0
    public private(set) var lastMisses = 0

    /// The last successful build, for rebuilds that redo only the posts whose text changed (see
    /// `SiteBuilder.renderChangedPosts`). Nil after a failed build.
    var lastBuild: SiteBuilder.LastBuild? {
        get { lock.withLock { storedLastBuild } }
        set { lock.withLock { storedLastBuild = newValue } }
    }
    private var storedLastBuild: SiteBuilder.LastBuild?

    /// Takes the last build out, so the fast path owns it alone and changes it in place (a copy of its arrays of
    /// 10,000 posts costs more than the rebuild itself).
    func takeLastBuild() -> SiteBuilder.LastBuild? {
        lock.withLock {
            defer { storedLastBuild = nil }
            return storedLastBuild
        }
    }

    /// The files the last build replaced when it took the fast path (post pages and the feed); nil after a full build,
    /// which may have changed any file.
    public internal(set) var lastChangedFiles: [String]? {
        get { lock.withLock { storedChangedFiles } }
        set { lock.withLock { storedChangedFiles = newValue } }
    }
    private var storedChangedFiles: [String]?

    public init() {}

    /// Stores results computed one by one, and records the counts.
    func store(_ built: [(source: String, key: Int, result: MarkdownStage.Result)], total: Int) {
        lock.withLock {
            for entry in built { entries[entry.source] = (entry.key, entry.result) }
            lastHits = total - built.count
            lastMisses = built.count
        }
    }

    /// The cached result for each (source, key), or nil where the post changed or is new. One lock for all posts.
    func results(_ keyed: [(source: String, key: Int)]) -> [MarkdownStage.Result?] {
        lock.withLock {
            keyed.map { item in
                guard let entry = entries[item.source], entry.key == item.key else { return nil }
                return entry.result
            }
        }
    }

    /// Stores new results, drops entries of posts that no longer exist, and records the counts.
    func finish(storing built: [(source: String, key: Int, result: MarkdownStage.Result)], sources: [String]) {
        lock.withLock {
            for entry in built { entries[entry.source] = (entry.key, entry.result) }
            if entries.count > sources.count {
                let current = Set(sources)
                entries = entries.filter { current.contains($0.key) }
            }
            lastHits = sources.count - built.count
            lastMisses = built.count
        }
    }
}
