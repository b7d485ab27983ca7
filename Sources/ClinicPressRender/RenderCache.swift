import ClinicPressModel
import Foundation

/// Rendered pages kept between builds (by the preview server), each under a fingerprint of everything the page
/// shows. A page whose fingerprint did not change is not rendered again: saving a post re-renders that post's page,
/// its neighbours' pages and the lists it appears in, not the whole site.
public final class RenderCache: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: (fingerprint: Int, file: OutputFile)] = [:]
    /// Pages the last render took from the cache, and pages it rendered.
    public private(set) var lastReused = 0
    public private(set) var lastRendered = 0

    public init() {}

    /// The cached page for each (key, fingerprint), or nil where the page changed or is new. One lock for all:
    /// a preview rebuild looks up every page of the site, and a lock per page made threads wait on each other.
    func pages(_ identities: [(key: String, fingerprint: Int)]) -> [OutputFile?] {
        lock.withLock {
            identities.map { identity in
                guard let entry = pages[identity.key], entry.fingerprint == identity.fingerprint else { return nil }
                return entry.file
            }
        }
    }

    /// Stores one page rendered outside `render`.
    func store(_ file: OutputFile, key: String, fingerprint: Int) {
        lock.withLock { pages[key] = (fingerprint, file) }
    }

    /// Records the counts of a rebuild that rendered pages one by one.
    public func record(rendered: Int, of total: Int) {
        lock.withLock {
            lastRendered = rendered
            lastReused = total - rendered
        }
    }

    /// Stores rendered pages, forgets pages no longer in `keys`, and records the counts.
    func finish(storing rendered: [(key: String, fingerprint: Int, file: OutputFile)], keys: [String]) {
        lock.withLock {
            for entry in rendered { pages[entry.key] = (entry.fingerprint, entry.file) }
            if pages.count > keys.count {
                let current = Set(keys)
                pages = pages.filter { current.contains($0.key) }
            }
            lastReused = keys.count - rendered.count
            lastRendered = rendered.count
        }
    }
}
