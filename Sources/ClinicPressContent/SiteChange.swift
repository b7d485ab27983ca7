/// One change to a site's files since the last build, as the preview's file watcher reports it, classified once by
/// what it means to a build (see `SiteChanges`, and `IncrementalBuild`, which decides from them what to redo).
public enum SiteChange: Hashable, Sendable, CustomStringConvertible {
    /// A post's file, added, edited or deleted: `Posts/2026-01-01-a.md`.
    case post(path: String)
    /// A post's comment folder or a file in it, by folder name: `2026-01-01-a.comments`.
    case comments(folder: String)
    /// A template or an asset under `Templates/` (or the folder itself): pages look different, posts are the same.
    case template(path: String)
    /// `site.yaml`, `references.yaml`, `people.yaml`, a page of `Pages/`, a file of `static/` (or any other file of the site
    /// folder): what every post's stages read (a post's pictures are checked against `static/`), or site-wide inputs.
    case settings(path: String)
    /// Anything may have changed: the watcher lost events (the kernel's queue overflowed), `Posts/` itself was
    /// replaced, or a file in it changes how the folder is listed (`a.MD`, reported as misnamed). Every file is read
    /// again.
    case everything

    /// The change a site-relative path makes; nil for files no build reads (hidden files and other folders in
    /// `Posts/`, such as `Posts/images/`).
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        switch parts.first {
        case "Posts":
            guard parts.count >= 2 else {
                self = .everything
                return
            }
            let name = String(parts[1])
            if name.hasPrefix(".") { return nil }
            if name.hasSuffix(".comments") {
                self = .comments(folder: name)
            } else if parts.count == 2, name.hasSuffix(".md") {
                self = .post(path: "Posts/" + name)
            } else if parts.count == 2, FolderListing.hasMarkdownExtension(name) {
                // Listing `Posts/` reports such a file as an error; only a full read lists the folder again.
                self = .everything
            } else {
                return nil
            }
        case "Templates":
            self = .template(path: path)
        default:
            self = .settings(path: path)
        }
    }

    /// The path, as logs show it (`everything` for a lost event queue).
    public var description: String {
        switch self {
        case .post(let path), .template(let path), .settings(let path): path
        case .comments(let folder): "Posts/" + folder
        case .everything: "everything"
        }
    }
}
