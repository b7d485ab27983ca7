import ClinicPressModel
import ClinicPressText

/// Resolves links between posts, written as the other post's file (`2026-07-14-spravato.md`, also with a
/// folder such as `Posts/…` or `../Posts/…`), as `post:slug`, as `tag:name`, as `series:slug`, as `page:slug` (a page
/// of `Pages/`) or as `author:key` (a person of `people.yaml`), to the page they point at.
struct InternalLinks: Sendable {
    private let publishedByFile: [String: Post]
    private let publishedBySlug: [String: Post]
    private let unpublishedByFile: [String: Post]
    private let unpublishedBySlug: [String: Post]
    private let basePath: String
    private let seriesBySlug: [String: Series]
    /// The slugs of the pages of `Pages/` and the keys of `people.yaml`.
    private let pageSlugs: [String]
    private let personKeys: [String]

    /// `all` are every post of the site; `published` those this build writes.
    init(all: [Post], published: [Post], series: [Series] = [], basePath: String, pages: [String] = [], people: [String] = []) {
        pageSlugs = pages
        personKeys = people
        let publishedSources = Set(published.map(\.source))
        let unpublished = all.filter { !publishedSources.contains($0.source) }
        publishedByFile = Dictionary(published.map { ($0.fileStem + ".md", $0) }, uniquingKeysWith: { first, _ in first })
        publishedBySlug = Dictionary(published.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        unpublishedByFile = Dictionary(unpublished.map { ($0.fileStem + ".md", $0) }, uniquingKeysWith: { first, _ in first })
        unpublishedBySlug = Dictionary(unpublished.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        self.basePath = basePath
        self.seriesBySlug = Dictionary(series.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What a link destination means.
    enum Resolution: Equatable {
        /// Not an internal link (web address, anchor, image file…): leave it alone.
        case external
        /// The page's site-relative URL.
        case resolved(String)
        /// An internal link that cannot be followed, with why and a hint.
        case broken(message: String, hint: String)
    }

    func resolve(_ destination: String) -> Resolution {
        // Most links are web addresses, which the last check below leaves alone: let them go before the address is
        // read by Character for its fragment.
        if destination.utf8.starts(with: "https://".utf8) || destination.utf8.starts(with: "http://".utf8) { return .external }
        let (target, fragment) = splitFragment(destination)
        if target.hasPrefix("post:") {
            let slug = String(target.dropFirst("post:".count))
            return resolvePost(published: publishedBySlug[slug], unpublished: unpublishedBySlug[slug], written: destination, fragment: fragment,
                               missingHint: "check the slug; post slugs are the file name without the date and `.md`")
        }
        if target.hasPrefix("tag:") {
            let tag = String(target.dropFirst("tag:".count))
            guard !Slug.make(tag).isEmpty else {
                return .broken(message: "link to an empty tag '\(destination)'", hint: "write `tag:` followed by the tag, as in `tag:ketamine`")
            }
            return .resolved(basePath + SitePaths.tag(tag) + fragment)
        }
        if target.hasPrefix("series:") {
            let slug = String(target.dropFirst("series:".count))
            guard let series = seriesBySlug[slug], !series.publishedParts.isEmpty else {
                let known = seriesBySlug.values.filter { !$0.publishedParts.isEmpty }.map(\.slug).sorted()
                return .broken(message: "link to series '\(slug)', which has no published part",
                               hint: known.isEmpty ? "this site has no series yet" : "the series are: \(known.joined(separator: ", "))")
            }
            return .resolved(basePath + series.path + fragment)
        }
        for (scheme, known, what, path) in [("page:", pageSlugs, "page of Pages/", SitePaths.page), ("author:", personKeys, "person of people.yaml", SitePaths.author)]
            where target.hasPrefix(scheme) {
            let name = String(target.dropFirst(scheme.count))
            guard known.contains(name) else {
                let likely = Spelling.closest(to: name, among: known)
                return .broken(message: "link to '\(destination)', which is no \(what)",
                               hint: likely.map { "did you mean `\(scheme)\($0)`?" } ?? (known.isEmpty ? "this site has none" : "there are: \(known.joined(separator: ", "))"))
            }
            return .resolved(basePath + path(name) + fragment)
        }
        guard target.hasSuffix(".md"), !target.contains("://"), !target.hasPrefix("mailto:") else { return .external }
        let fileName = String(target.split(separator: "/").last ?? "")
        return resolvePost(published: publishedByFile[fileName], unpublished: unpublishedByFile[fileName], written: destination, fragment: fragment,
                           missingHint: "link to a file in Posts/ by its name, such as `2026-07-14-what-to-expect-from-spravato.md`")
    }

    private func resolvePost(published: Post?, unpublished: Post?, written: String, fragment: String, missingHint: String) -> Resolution {
        if let published {
            return .resolved(basePath + published.path + fragment)
        }
        if let unpublished {
            let why = unpublished.isDraft ? "a draft" : "scheduled for \(unpublished.date.dayString)"
            return .broken(message: "link to \(unpublished.source), which is \(why) and not published by this build",
                           hint: "publish that post first, or remove the link (`build --drafts` includes drafts in a preview)")
        }
        return .broken(message: "link to '\(written)', which is not a post of this site", hint: missingHint)
    }

    private func splitFragment(_ destination: String) -> (String, String) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, "") }
        return (String(destination[..<hash]), String(destination[hash...]))
    }
}
