import Foundation

/// The one origin comment forms may come from: the site's own (`base_url`'s scheme, host and port).
///
/// Browsers send `Origin` with every form POST, so a form on another site (or a page that tricks a visitor into
/// posting) is refused. When `Origin` is absent the `Referer`'s origin is checked instead; a request with neither is
/// refused unless `allowsMissing` (for scripts and form services that send neither).
struct OriginPolicy: Sendable, Equatable {
    /// `https://blog.example.com` (lower-case, default port left out).
    let origin: String
    /// Whether a request with neither `Origin` nor `Referer` is accepted.
    let allowsMissing: Bool

    /// The policy of a site deployed at `baseURL`; nil when it has no origin (not an absolute http(s) address).
    init?(baseURL: String, allowsMissing: Bool) {
        guard let origin = Self.origin(of: baseURL) else { return nil }
        self.origin = origin
        self.allowsMissing = allowsMissing
    }

    /// Whether a request with these `Origin` and `Referer` headers may submit. `Origin: null` (sandboxed frames,
    /// privacy modes) is not the site's origin.
    func allows(origin requestOrigin: String?, referer: String?) -> Bool {
        if let requestOrigin { return Self.origin(of: requestOrigin) == origin }
        if let referer { return Self.origin(of: referer) == origin }
        return allowsMissing
    }

    /// `scheme://host[:port]` of an absolute http(s) address, lower-cased, with the scheme's default port left out;
    /// nil for anything else (other schemes, user info, an empty host).
    static func origin(of address: String) -> String? {
        let lowered = address.trimmingCharacters(in: .whitespaces).lowercased()
        guard let scheme = ["https", "http"].first(where: { lowered.hasPrefix($0 + "://") }) else { return nil }
        let authority = lowered.dropFirst(scheme.count + 3).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard !authority.isEmpty, !authority.contains("@"), !authority.contains("\\") else { return nil }
        var host = String(authority)
        let defaultPort = scheme == "https" ? ":443" : ":80"
        if host.hasSuffix(defaultPort) { host.removeLast(defaultPort.count) }
        guard !host.isEmpty, !host.hasPrefix(":") else { return nil }
        return "\(scheme)://\(host)"
    }
}
