/// Submissions per client address in a sliding minute. Each address keeps at most `limit` times, and addresses quiet
/// for a minute are forgotten, so memory stays bounded by the addresses seen in the last minute.
actor RateLimiter {
    let limit: Int
    let window: Duration
    private var recent: [String: [ContinuousClock.Instant]] = [:]
    private var lastSweep: ContinuousClock.Instant?

    /// `limit` submissions per `window` for each address.
    init(limit: Int, window: Duration = .seconds(60)) {
        self.limit = limit
        self.window = window
    }

    /// Records a submission from `client` and returns nil; or, when the address has used up its limit, records
    /// nothing and returns how long until it may submit again.
    func admit(_ client: String, at now: ContinuousClock.Instant = .now) -> Duration? {
        sweep(now)
        var times = recent[client, default: []].filter { now - $0 < window }
        if times.count >= limit {
            recent[client] = times
            return window - (now - times[0])
        }
        times.append(now)
        recent[client] = times
        return nil
    }

    /// How many addresses are remembered (for tests of the memory bound).
    var trackedAddresses: Int { recent.count }

    /// Forgets every address whose last submission is older than the window, at most once a window.
    private func sweep(_ now: ContinuousClock.Instant) {
        if let lastSweep, now - lastSweep < window { return }
        lastSweep = now
        recent = recent.filter { _, times in times.last.map { now - $0 < window } ?? false }
    }
}
