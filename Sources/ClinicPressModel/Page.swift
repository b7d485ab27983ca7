/// A standalone page (`Pages/about.md` → `/about/`): About, Our team, Contact. Not a post: no date, not in lists,
/// feeds or topic pages; in the sitemap and, with `menu`, in the navigation.
public struct Page: Sendable {
    /// The file, relative to the site (`Pages/about.md`).
    public var source: String
    /// The page's address: `/<slug>/` (from the file name, or `slug:`).
    public var slug: String
    public var title: String
    /// The meta description (`description`); else the site's.
    public var description: String?
    /// Adds a table of contents of the page's `##` and `###` headings (`toc: true`).
    public var tableOfContents: Bool
    /// The page's place in the navigation menu (`menu: 2`), lowest first; nil: not in the menu unless site.yaml lists it.
    public var menuWeight: Int?
    /// The page's language when it is not the site's (`language: es`), for `<html lang>`.
    public var language: String?
    /// The Markdown after the front matter, and the line of the file it starts on.
    public var body: String
    public var bodyFirstLine: Int
    /// The line of each front matter key as written.
    public var keyLines: [String: Int]

    /// Creates a page; the content loader fills every field.
    public init(source: String, slug: String, title: String, description: String? = nil, tableOfContents: Bool = false,
                menuWeight: Int? = nil, language: String? = nil, body: String, bodyFirstLine: Int = 1, keyLines: [String: Int] = [:]) {
        self.source = source
        self.slug = slug
        self.title = title
        self.description = description
        self.tableOfContents = tableOfContents
        self.menuWeight = menuWeight
        self.language = language
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.keyLines = keyLines
    }

    /// The site path of the page: `<slug>/`.
    public var path: String { SitePaths.page(slug) }
}

/// A page after the per-page stages: its body as HTML, and its headings for a table of contents.
public struct BuiltPage: Sendable {
    public var page: Page
    public var html: String
    /// The `##` and `###` headings, in order, with their ids.
    public var headings: [Heading]

    /// Creates a built page.
    public init(page: Page, html: String, headings: [Heading] = []) {
        self.page = page
        self.html = html
        self.headings = headings
    }
}

/// A heading of a post or page body, with the `id` its anchor links to.
public struct Heading: Sendable, Equatable {
    /// 2 for `##`, 3 for `###`.
    public var level: Int
    public var id: String
    /// The heading's text, plain.
    public var text: String

    /// Creates a heading.
    public init(level: Int, id: String, text: String) {
        self.level = level
        self.id = id
        self.text = text
    }
}
