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

    func page(_ key: String, fingerprint: Int) -> OutputFile? {
        lock.withLock {
            guard let entry = pages[key], entry.fingerprint == fingerprint else { return nil }
            return entry.file
        }
    }

    func store(_ file: OutputFile, key: String, fingerprint: Int) {
        lock.withLock { pages[key] = (fingerprint, file) }
    }

    func finish(keeping keys: Set<String>, reused: Int, rendered: Int) {
        lock.withLock {
            pages = pages.filter { keys.contains($0.key) }
            lastReused = reused
            lastRendered = rendered
        }
    }
}
