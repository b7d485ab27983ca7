import Synchronization

/// Values a build computes that the next build may reuse (the preview server keeps them): each is stored under a name
/// — a post's file, a page's key — with a fingerprint of everything it was computed from. A lookup with the same
/// fingerprint gets the stored value; any other fingerprint means compute again.
///
/// Lookups and stores take the lock once per pass, not once per value: a rebuild looks up every post and every page.
public final class FingerprintCache<Value: Sendable>: Sendable {
    private struct State {
        var entries: [String: (fingerprint: Int, value: Value)] = [:]
        var lastReused = 0
        var lastComputed = 0
    }

    private let state = Mutex(State())

    public init() {}

    /// How many values the last build took from the cache, and how many it computed.
    public var lastReused: Int { state.withLock { $0.lastReused } }
    public var lastComputed: Int { state.withLock { $0.lastComputed } }

    /// The stored value for each (key, fingerprint), or nil where the fingerprint differs or nothing is stored.
    public func values(_ identities: [(key: String, fingerprint: Int)]) -> [Value?] {
        state.withLock { state in
            identities.map { identity in
                guard let entry = state.entries[identity.key], entry.fingerprint == identity.fingerprint else { return nil }
                return entry.value
            }
        }
    }

    /// Stores values computed outside a full pass, without touching the counts.
    public func store(_ computed: [(key: String, fingerprint: Int, value: Value)]) {
        state.withLock { state in
            for entry in computed { state.entries[entry.key] = (entry.fingerprint, entry.value) }
        }
    }

    /// Records the counts of a pass that computed `computed` of `total` values one by one.
    public func record(computed: Int, of total: Int) {
        state.withLock { state in
            state.lastComputed = computed
            state.lastReused = total - computed
        }
    }

    /// Ends a full pass over `keys`: stores the values it computed, forgets names no longer among `keys`, and records
    /// the counts.
    public func finish(storing computed: [(key: String, fingerprint: Int, value: Value)], keys: [String]) {
        state.withLock { state in
            for entry in computed { state.entries[entry.key] = (entry.fingerprint, entry.value) }
            if state.entries.count > keys.count {
                let current = Set(keys)
                state.entries = state.entries.filter { current.contains($0.key) }
            }
            state.lastComputed = computed.count
            state.lastReused = keys.count - computed.count
        }
    }
}
