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

    public init() {}

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
