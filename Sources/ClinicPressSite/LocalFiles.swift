import ClinicPressModel
import ClinicPressText
import Foundation

/// The files of the site that posts point at — pictures and documents of `static/`, and the files the build writes
/// itself (the theme's assets, the feed) — so that an image or a link to a file that is not there is an error at the
/// post's line instead of a broken picture on the live site.
///
/// An address starting with `/` is read from the site's root (`/assets/room.jpg` is `static/assets/room.jpg`; under a
/// sub-folder `base_url` such as `https://example.com/blog/`, `/blog/assets/room.jpg` is the same file). Any other
/// address without a scheme is read from the page it is on, as a browser reads it (`room.jpg` on `/posts/a/` is
/// `static/posts/a/room.jpg`). Found files are written root-relative with the site's base path, so they work under a
/// sub-folder and in the feed.
struct LocalFiles: Sendable {
    /// Each static file's size in pixels when it is a picture ClinicPress can measure, by its site path.
    private let staticFiles: [String: PixelSize?]
    /// Files the build writes itself: the theme's assets, the feed, the sitemap…
    private let generated: Set<String>
    /// Every path above, sorted, for "did you mean" hints.
    private let known: [String]
    private let basePath: String
    private let baseSegments: [Substring]

    init(staticFiles: [StaticFile], themeAssets: [String], basePath: String) {
        self.staticFiles = Dictionary(staticFiles.map { ($0.path, $0.pixelSize) }, uniquingKeysWith: { first, _ in first })
        generated = Set(themeAssets + ["feed.xml", "sitemap.xml", "robots.txt", "404.html"])
        known = Set(staticFiles.map(\.path)).union(generated).sorted()
        self.basePath = basePath
        baseSegments = basePath.split(separator: "/")
    }

    /// What an address in a post means.
    enum Resolution: Equatable {
        /// Not a file of this site (a web address, an anchor, a page): left alone.
        case notLocal
        /// A file of the site: the address to write, and its size when it is a picture that could be measured.
        case found(url: String, size: PixelSize?)
        /// A file of the site that does not exist: the site path looked for, a close existing one, and whether the
        /// address was read relative to the page.
        case missing(path: String, suggestion: String?, relative: Bool)
    }

    /// Resolves `destination`, written on the page at site path `page` (`posts/a/`). Links (`isImage` false) are
    /// checked only when they point at a file with an extension other than a page's (`.pdf`, `.jpg`, not `.html`
    /// or a folder): links to pages are not files this can know.
    func resolve(_ destination: String, page: String, isImage: Bool) -> Resolution {
        guard let address = Address(destination) else { return .notLocal }
        var segments = address.absolute ? [] : page.split(separator: "/")
        for segment in address.path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        if address.absolute, !baseSegments.isEmpty, segments.starts(with: baseSegments) {
            segments.removeFirst(baseSegments.count)
        }
        let sitePath = segments.joined(separator: "/")
        let lastName = segments.last ?? ""
        let fileExtension = lastName.lastIndex(of: ".").map { lastName[lastName.index(after: $0)...].lowercased() } ?? ""
        if !isImage, address.endsWithSlash || fileExtension.isEmpty || ["html", "htm"].contains(fileExtension) { return .notLocal }
        let lookup = sitePath.removingPercentEncoding ?? sitePath
        if let size = staticFiles[lookup] {
            return .found(url: basePath + sitePath + (address.endsWithSlash ? "/" : "") + address.suffix, size: size)
        }
        if generated.contains(lookup) {
            return .found(url: basePath + sitePath + address.suffix, size: nil)
        }
        return .missing(path: lookup, suggestion: closest(to: lookup), relative: !address.absolute)
    }

    /// A root-relative address (`/posts/a/`, `/`, `/contact#hours`) under the site's base path, when `base_url` has one
    /// (`https://example.org/blog/` → `/blog/posts/a/`); nil when it is left as written: the base path is `/`, the
    /// address is not root-relative (a web address, `//cdn…`, `page/`, `#anchor`), or it already starts with the base
    /// path (`/blog/posts/a/`). A link meant for the clinic's main site outside the blog is written in full
    /// (`https://clinic.example/contact`).
    func rebased(_ destination: String) -> String? {
        guard !baseSegments.isEmpty, let address = Address(destination), address.absolute else { return nil }
        let segments = address.path.split(separator: "/")
        if segments.starts(with: baseSegments) { return nil }
        let text = destination.trimmingCharacters(in: .whitespaces)
        return basePath + text.dropFirst()
    }

    /// The site path a front matter `image:` names (`/assets/a.jpg` and `assets/a.jpg` both mean the site's
    /// `assets/a.jpg`), resolved like an image in the body; web addresses are not local.
    func resolveFrontMatterImage(_ value: String) -> Resolution {
        guard let address = Address(value) else { return .notLocal }
        return resolve(address.absolute ? value : "/" + value, page: "", isImage: true)
    }

    /// The error for a picture or file that the site does not have, with the closest file it has, if any.
    static func missingFile(_ what: String, written: String, path: String, suggestion: String?, relativeTo page: String?,
                             at location: SourceLocation) -> Diagnostic {
        var hint = suggestion.map { "did you mean /\($0)?" } ?? "put the file at static/\(path): the static/ folder is copied as is into the site"
        if let page { hint += " (an address without a leading / is read from the post's page, /\(page))" }
        return .error("\(what) '\(written)' is not a file of the site: there is no static/\(path)", at: location, rule: "missing-file", hint: hint)
    }

    /// The existing file closest to `path`: the same path in another case, one within a few edits (a typo, `.jpeg`
    /// for `.jpg`), or the same file name in another folder.
    func closest(to path: String) -> String? {
        let lowered = path.lowercased()
        if let sameLetters = known.first(where: { $0.lowercased() == lowered }) { return sameLetters }
        let limit = max(2, min(4, path.count / 10))
        let characters = Array(lowered)
        var best: (path: String, distance: Int)?
        for candidate in known where abs(candidate.count - path.count) <= limit {
            let distance = Spelling.editDistance(characters, Array(candidate.lowercased()))
            if distance <= limit, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        if let best { return best.path }
        let name = lowered.split(separator: "/").last.map(String.init) ?? lowered
        return known.first { ($0.lowercased().split(separator: "/").last.map(String.init) ?? "") == name }
    }

    /// An address split into what the site can look up: its path, whether it starts at the root, and the query and
    /// fragment kept as written. Nil for addresses that are not the site's: with a scheme (`https:`, `mailto:`,
    /// `post:`), network paths (`//cdn…`), bare anchors and queries, and empty ones.
    private struct Address {
        let path: String
        let absolute: Bool
        let endsWithSlash: Bool
        let suffix: String

        init?(_ destination: String) {
            // Trimmed only when an end may be white space: most addresses have none, and most are web addresses.
            let text = Self.mayNeedTrimming(destination.utf8) ? destination.trimmingCharacters(in: .whitespaces) : destination
            guard let first = text.first, first != "#", first != "?", !text.hasPrefix("//"), !Self.startsWithScheme(text.utf8) else {
                return nil
            }
            let cut = text.firstIndex { $0 == "?" || $0 == "#" } ?? text.endIndex
            path = String(text[..<cut])
            suffix = String(text[cut...])
            absolute = path.hasPrefix("/")
            endsWithSlash = path.hasSuffix("/")
            if path.isEmpty { return nil }
        }

        /// False when both ends are ASCII other than a space or tab: then there is no white space to trim.
        private static func mayNeedTrimming(_ bytes: String.UTF8View) -> Bool {
            func mayBeSpace(_ byte: UInt8) -> Bool { byte >= 0x80 || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            guard let first = bytes.first, let last = bytes.last else { return false }
            return mayBeSpace(first) || mayBeSpace(last)
        }

        /// True when `bytes` start with a scheme and its colon (`https:`, `mailto:`, `post:`): an ASCII letter, then
        /// letters, digits, `+`, `-` and `.`, then `:`.
        private static func startsWithScheme(_ bytes: String.UTF8View) -> Bool {
            guard let first = bytes.first, (first | 0x20) >= UInt8(ascii: "a"), (first | 0x20) <= UInt8(ascii: "z") else { return false }
            for byte in bytes.dropFirst() {
                switch byte {
                case UInt8(ascii: ":"): return true
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                     UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): continue
                default: return false
                }
            }
            return false
        }
    }
}
