/// One change to a site's files since the last build, as the preview's file watcher reports it, classified once:
/// the rebuild reads again only what the changes name, and takes its fast path (only edited posts redone) when every
/// change is a post or a comment folder.
public enum SiteChange: Hashable, Sendable, CustomStringConvertible {
    /// A post's file, added, edited or deleted: `Posts/2026-01-01-a.md`.
    case post(path: String)
    /// A post's comment folder or a file in it, by folder name: `2026-01-01-a.comments`.
    case comments(folder: String)
    /// `site.yaml`, `references.yaml`, a template or an asset: read whole by every build.
    case siteWide(path: String)
    /// Anything may have changed: the watcher lost events (the kernel's queue overflowed), or `Posts/` itself was
    /// replaced. Every file is read again.
    case everything

    /// The change a site-relative path makes; nil for files no build reads (hidden files in `Posts/`).
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard parts.first == "Posts" else {
            self = .siteWide(path: path)
            return
        }
        guard parts.count >= 2 else {
            self = .everything
            return
        }
        let name = String(parts[1])
        if name.hasPrefix(".") { return nil }
        if parts.count == 2, name.hasSuffix(".md") {
            self = .post(path: "Posts/" + name)
        } else if name.hasSuffix(".comments") {
            self = .comments(folder: name)
        } else {
            self = .siteWide(path: path)
        }
    }

    /// The path, as logs show it (`everything` for a lost event queue).
    public var description: String {
        switch self {
        case .post(let path), .siteWide(let path): path
        case .comments(let folder): "Posts/" + folder
        case .everything: "everything"
        }
    }
}
