/// The `Host` names the preview answers to.
///
/// The preview serves drafts, scheduled posts and pending comments, so it listens on loopback. That alone does not
/// keep a web page out: through DNS rebinding, a page on `evil.example` can point its own name at 127.0.0.1 and read
/// the preview from the visitor's browser. Such requests still carry `Host: evil.example`, so the preview answers
/// only to the loopback names (and the address it was told to bind) and refuses everything else.
public struct HostAllowList: Sendable {
    /// The allowed `host` and `host:port` values, lower-cased; nil allows any (bound to every interface).
    let names: Set<String>?

    /// The names a server bound to `host`:`port` answers to. A wildcard address (`0.0.0.0`, `::`) allows any name:
    /// the user chose to expose the preview, and its names on the network are not known here.
    public init(boundHost: String, port: Int) {
        let host = boundHost.lowercased()
        if Self.isWildcard(host) {
            names = nil
            return
        }
        let bracketed = host.contains(":") ? "[\(host)]" : host
        var names: Set<String> = []
        for name in ["localhost", "127.0.0.1", "[::1]", bracketed] {
            names.insert(name)
            names.insert("\(name):\(port)")
        }
        self.names = names
    }

    /// Allows any `Host` (the router tests, which send none).
    public static let any = HostAllowList(names: nil)

    private init(names: Set<String>?) {
        self.names = names
    }

    /// Whether a request with this `Host` (or HTTP/2 `:authority`) may be answered. A request with none (HTTP/1.0
    /// tools) is allowed: browsers always send one, and rebinding needs a browser.
    public func allows(_ authority: String?) -> Bool {
        guard let names, let authority else { return true }
        return names.contains(authority.lowercased())
    }

    /// Whether `host` is an address other computers can reach: anything but loopback names and addresses.
    public static func isExposed(_ host: String) -> Bool {
        let host = host.lowercased()
        return !(host == "localhost" || host == "::1" || host.hasPrefix("127."))
    }

    static func isWildcard(_ host: String) -> Bool {
        host == "0.0.0.0" || host == "::" || host == "[::]" || host.isEmpty
    }
}
