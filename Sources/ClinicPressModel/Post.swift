/// One post as its author wrote it: the front matter interpreted, the Markdown body not yet parsed.
public struct Post: Sendable {
    /// The file, relative to the site (`Posts/2026-09-08-ketamine.md`).
    public var source: String
    /// The file name without `.md`; also names the post's comments folder.
    public var fileStem: String
    /// The last path segment of the post's URL.
    public var slug: String
    public var title: String
    /// Publication date: front matter `date`, else the file name's `YYYY-MM-DD-` prefix.
    public var date: Timestamp
    public var updated: Timestamp?
    public var author: String?
    /// Tags as written; their pages live at `tags/<slug>/`.
    public var tags: [String]
    /// The front matter `summary`; when nil the first paragraph is used.
    public var summary: String?
    /// The meta description; falls back to the summary.
    public var description: String?
    public var isDraft: Bool
    public var series: String?
    public var part: Int?
    /// The planned number of parts of the series.
    public var parts: Int?
    /// The medical reviewer (`reviewed_by`).
    public var reviewedBy: String?
    /// When the medical review happened (`reviewed_on`).
    public var reviewedOn: Timestamp?
    /// A lead image path or URL, and its alt text.
    public var image: String?
    public var imageAlt: String?
    /// Front matter keys ClinicPress does not know, handed to templates as written.
    public var extra: [(key: String, value: MetaValue)]
    /// A hash of the file's text, so a preview server can tell which posts changed between two builds.
    public var contentHash: Int = 0
    /// A hash of the front matter text alone, for pages that show a post's metadata but not its body.
    public var frontMatterHash: Int = 0
    /// The line of each front matter key as written, for diagnostics found after loading (series checks).
    public var keyLines: [String: Int] = [:]
    /// The Markdown after the front matter.
    public var body: String
    /// The 1-based line of the file on which `body` starts.
    public var bodyFirstLine: Int

    /// Creates a post; the content loader fills every field.
    public init(
        source: String, fileStem: String, slug: String, title: String, date: Timestamp,
        updated: Timestamp? = nil, author: String? = nil, tags: [String] = [], summary: String? = nil,
        description: String? = nil, isDraft: Bool = false, series: String? = nil, part: Int? = nil,
        parts: Int? = nil, reviewedBy: String? = nil, reviewedOn: Timestamp? = nil, image: String? = nil,
        imageAlt: String? = nil, extra: [(key: String, value: MetaValue)] = [], body: String, bodyFirstLine: Int = 1
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
        self.extra = extra
        self.body = body
        self.bodyFirstLine = bodyFirstLine
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
}
