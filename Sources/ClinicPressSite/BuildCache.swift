import ClinicPressContent
import ClinicPressModel
import ClinicPressRender
import Foundation

/// What one build can reuse from the previous one: each post's per-post stages' result, as long as neither the post
/// nor anything its page depends on changed. The preview server keeps one between rebuilds, so saving a post
/// re-parses that post alone.
///
/// `@unchecked Sendable`: `lastBuild` and the changed files are under `lock`, and `results`, `content` and `pages` are
/// thread-safe themselves; `siteFingerprint` is not locked, because one build at a time uses a cache (the preview's
/// `RebuildCoordinator` is an actor that never runs two), and it is written and read only inside that build.
/// `UnsafeCodeTests` compares builds through one cache after random edits with builds from scratch.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Each published post's per-post stages' result, by the post's file, under `SiteBuilder.postKey`.
    let results = FingerprintCache<PostPipeline.Result>()
    /// Parsed posts and comments, reused until the file watcher reports their files changed.
    public let content = ContentCache()
    /// Rendered pages, reused when nothing they show changed.
    public let pages = RenderCache()
    /// The fingerprint of the site-wide inputs of the last build (settings, references, every post's metadata).
    var siteFingerprint = 0
    /// How many posts the last build took from the cache, and how many it parsed.
    public var lastHits: Int { results.lastReused }
    public var lastMisses: Int { results.lastComputed }

    /// The last successful build, for rebuilds that redo only the posts whose text changed (see
    /// `SiteBuilder.renderChangedPosts`). Nil after a failed build.
    private var lastBuild: SiteBuilder.LastBuild?

    /// Keeps a successful build for the next rebuild's fast path.
    func keepLastBuild(_ build: SiteBuilder.LastBuild) {
        lock.withLock { lastBuild = build }
    }

    /// Takes the last build out, so the fast path owns it alone and changes it in place (a copy of its arrays of
    /// 10,000 posts costs more than the rebuild itself).
    func takeLastBuild() -> SiteBuilder.LastBuild? {
        lock.withLock {
            defer { lastBuild = nil }
            return lastBuild
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
}
