import ClinicPressModel
import ClinicPressText

extension SiteContent {
    /// An error on each page whose address the build already writes (`Pages/tags.md` → `/tags/`), or another page has.
    static func checkPageSlugs(_ pages: [Page]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var first: [String: Page] = [:]
        for page in pages {
            let location = SourceLocation(file: page.source, line: page.keyLines["slug"] ?? 1)
            if SitePaths.reserved.contains(page.slug) {
                diagnostics.append(.error("page '\(page.slug)' would be at /\(page.slug)/, where the build writes its own pages", at: location,
                                          rule: "page-slug", hint: "give the page another `slug:` (or rename the file); taken: \(SitePaths.reserved.sorted().joined(separator: ", "))"))
            } else if let other = first[page.slug] {
                diagnostics.append(.error("duplicate page slug '\(page.slug)': \(other.source) has it too, and both would write /\(page.slug)/",
                                          at: location, rule: "page-slug", hint: "rename one of the files, or give one a different `slug:`"))
            } else {
                first[page.slug] = page
            }
        }
        return diagnostics
    }

    /// An error at each post's `author` or `reviewed_by` that names no one of `people.yaml` (when the site has one).
    static func checkPeople(in posts: [Post], people: People) -> [Diagnostic] {
        guard people.isDefined else { return [] }
        var diagnostics: [Diagnostic] = []
        for post in posts {
            for (field, value) in [("author", post.author), ("reviewed_by", post.reviewedBy)] {
                guard let value, let problem = people.check(value, field: field, at: post.location(ofKey: field)) else { continue }
                diagnostics.append(problem)
            }
        }
        return diagnostics
    }

    /// An error at each `menu` entry of site.yaml whose path leads nowhere: a path of the site must be the home page, a
    /// page the build writes (`/tags/`, `/archive/`, `/posts/…`), a page of `Pages/` or a file of `static/`.
    static func checkMenu(_ menu: [MenuItem], pages: [Page], staticFiles: [StaticFile]) -> [Diagnostic] {
        let pagePaths = pages.filter { !SitePaths.reserved.contains($0.slug) }.map { "/" + $0.path }
        var diagnostics: [Diagnostic] = []
        for item in menu where item.url.hasPrefix("/") {
            let path = String(item.url.prefix { $0 != "#" && $0 != "?" })
            let first = path.split(separator: "/").first.map(String.init) ?? ""
            if path == "/" || SitePaths.reserved.contains(first) || pagePaths.contains(path) || pagePaths.contains(path + "/")
                || staticFiles.contains(where: { "/" + $0.path == path }) { continue }
            let likely = Spelling.closest(to: path, among: pagePaths)
            diagnostics.append(.error("menu entry '\(item.title)' leads to \(path), which is no page of the site", at: item.location, rule: "site-config",
                                      hint: likely.map { "did you mean `\($0)`?" }
                                        ?? (pagePaths.isEmpty ? "write the page as Pages/\(Slug.make(first)).md" : "the pages are: \(pagePaths.joined(separator: ", "))")))
        }
        return diagnostics
    }

    /// The navigation menu: site.yaml's entries in order, then the pages with a `menu` weight that site.yaml does not
    /// list, lowest weight first (then by title).
    public var menu: [MenuItem] {
        let listed = Set(config.menu.map(\.url))
        let weighted = pages.filter { $0.menuWeight != nil && !listed.contains("/" + $0.path) }
            .sorted { ($0.menuWeight!, $0.title) < ($1.menuWeight!, $1.title) }
            .map { MenuItem(title: $0.title, url: "/" + $0.path, location: SourceLocation(file: $0.source, line: $0.keyLines["menu"] ?? 1)) }
        return config.menu + weighted
    }
}
