/// One post as its author wrote it: the front matter interpreted, the Markdown body not yet parsed.
///
/// A class, and immutable: every stage and page of a build shares one instance per post. As a struct of some twenty
/// strings and arrays, each copy (sorting, filtering, caching) cost twenty reference-count updates, which was half
/// of a preview rebuild's time on a 10,000-post site.
public final class Post: Sendable {
    /// The file, relative to the site (`Posts/2026-09-08-ketamine.md`).
    public let source: String
    /// The file name without `.md`; also names the post's comments folder.
    public let fileStem: String
    /// The last path segment of the post's URL.
    public let slug: String
    public let title: String
    /// Publication date: front matter `date`, else the file name's `YYYY-MM-DD-` prefix.
    public let date: Timestamp
    public let updated: Timestamp?
    public let author: String?
    /// Tags as written; their pages live at `tags/<slug>/`.
    public let tags: [String]
    /// The front matter `summary`; when nil the first paragraph is used.
    public let summary: String?
    /// The meta description; falls back to the summary.
    public let description: String?
    public let isDraft: Bool
    public let series: String?
    public let part: Int?
    /// The planned number of parts of the series.
    public let parts: Int?
    /// The medical reviewer (`reviewed_by`).
    public let reviewedBy: String?
    /// When the medical review happened (`reviewed_on`).
    public let reviewedOn: Timestamp?
    /// A lead image path or URL, and its alt text.
    public let image: String?
    public let imageAlt: String?
    /// The call-to-action button of this post (`cta_url`, `cta_text`), over the site's.
    public let ctaURL: String?
    public let ctaText: String?
    /// Adds a table of contents of the body's `##` and `###` headings (`toc: true`).
    public let tableOfContents: Bool
    /// Front matter keys ClinicPress does not know, handed to templates as written.
    public let extra: [(key: String, value: MetaValue)]
    /// A hash of the front matter text alone, for pages that show a post's metadata but not its body.
    public let frontMatterHash: Int
    /// The line of each front matter key as written, for diagnostics found after loading (series checks).
    public let keyLines: [String: Int]
    /// The Markdown after the front matter.
    public let body: String
    /// The 1-based line of the file on which `body` starts.
    public let bodyFirstLine: Int

    /// Creates a post; the content loader fills every field.
    public init(
        source: String, fileStem: String, slug: String, title: String, date: Timestamp,
        updated: Timestamp? = nil, author: String? = nil, tags: [String] = [], summary: String? = nil,
        description: String? = nil, isDraft: Bool = false, series: String? = nil, part: Int? = nil,
        parts: Int? = nil, reviewedBy: String? = nil, reviewedOn: Timestamp? = nil, image: String? = nil,
        imageAlt: String? = nil, ctaURL: String? = nil, ctaText: String? = nil, tableOfContents: Bool = false, extra: [(key: String, value: MetaValue)] = [], body: String, bodyFirstLine: Int = 1,
        frontMatterHash: Int = 0, keyLines: [String: Int] = [:]
    ) {
        self.source = source
        self.fileStem = fileStem
        self.slug = slug
        self.title = title
        self.date = date
        self.updated = updated
        self.author = author
        self.tags = tags
        self.summary = summary
        self.description = description
        self.isDraft = isDraft
        self.series = series
        self.part = part
        self.parts = parts
        self.reviewedBy = reviewedBy
        self.reviewedOn = reviewedOn
        self.image = image
        self.imageAlt = imageAlt
        self.ctaURL = ctaURL
        self.ctaText = ctaText
        self.tableOfContents = tableOfContents
        self.extra = extra
        self.body = body
        self.bodyFirstLine = bodyFirstLine
        self.frontMatterHash = frontMatterHash
        self.keyLines = keyLines
    }

    /// The site path of the post's page: `posts/<slug>/`.
    public var path: String { SitePaths.post(slug) }

    /// Where a front matter key is written; the start of the file when it is not.
    public func location(ofKey key: String) -> SourceLocation {
        SourceLocation(file: source, line: keyLines[key] ?? 1)
    }

    /// True when the post is dated after `now` (a scheduled post).
    public func isScheduled(now: Timestamp) -> Bool { date > now }
}

/// Where each kind of page lives, relative to the site root. One place, so links and files never disagree.
public enum SitePaths {
    /// `posts/<slug>/`
    public static func post(_ slug: String) -> String { "posts/\(slug)/" }
    /// `tags/<tag-slug>/`
    public static func tag(_ tag: String) -> String { "tags/\(Slug.make(tag))/" }
    /// `tags/`
    public static let tags = "tags/"
    /// `archive/`
    public static let archive = "archive/"
    /// `` for page 1, `page/<n>/` after.
    public static func home(page: Int) -> String { page <= 1 ? "" : "page/\(page)/" }
    /// `<slug>/`: a standalone page of `Pages/`.
    public static func page(_ slug: String) -> String { "\(slug)/" }
    /// `authors/<key>/`: a person of `people.yaml`.
    public static func author(_ key: String) -> String { "authors/\(key)/" }
    /// The first path segments the build writes itself: a page may not take one (`Pages/posts.md` would be
    /// `/posts/`, `Pages/feed.xml.md` can't be one anyway, but `tags` and `archive` could).
    public static let reserved: Set<String> = [
        "posts", "tags", "series", "archive", "page", "authors", "assets", "feed.xml", "rss.xml", "sitemap.xml", "robots.txt",
        "404.html", "index.html",
    ]
}
