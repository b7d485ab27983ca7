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

    /// The cached result for `source` if it was stored under `key`.
    func result(for source: String, key: Int) -> MarkdownStage.Result? {
        lock.withLock {
            guard let entry = entries[source], entry.key == key else { return nil }
            return entry.result
        }
    }

    func store(_ result: MarkdownStage.Result, for source: String, key: Int) {
        lock.withLock { entries[source] = (key, result) }
    }

    /// Drops entries of posts that no longer exist and records the last build's counts.
    func finish(keeping sources: Set<String>, hits: Int, misses: Int) {
        lock.withLock {
            entries = entries.filter { sources.contains($0.key) }
            lastHits = hits
            lastMisses = misses
        }
    }
}
