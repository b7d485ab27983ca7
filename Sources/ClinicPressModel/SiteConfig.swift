/// The settings of a site, read from `site.yaml`. Clinic staff edit this file, so every key has a plain name.
public struct SiteConfig: Sendable {
    /// The blog's name, shown in the header and the feed (`title`, required).
    public var title: String
    /// The public address the site is deployed at, with a trailing slash (`base_url`, required).
    public var baseURL: String {
        didSet { basePath = Self.path(of: baseURL) }
    }
    /// The path part of the base URL (`https://example.org/blog/` → `/blog/`), so links work under a sub-folder. Kept
    /// beside `baseURL` rather than worked out again: templates ask for it for every link of every page.
    public private(set) var basePath: String
    /// BCP 47 language tag for `<html lang>` (`language`, default `en`).
    public var language: String
    /// The clinic's name, for the footer, calls to action and JSON-LD `publisher` (`clinic`, default: the title).
    public var clinic: String
    /// One sentence about the blog, for the home page meta description and the feed subtitle.
    public var description: String?
    /// The medical disclaimer printed in every page footer.
    public var disclaimer: String?
    /// Default author for posts that name none.
    public var author: String?
    /// Posts per home page before paginating to `page/2/` (`posts_per_page`, default 10).
    public var postsPerPage: Int
    /// Whether raw HTML in posts passes through (`markdown.raw_html`, default false: a pasted `<img onerror>` or
    /// `javascript:` link would go live; sites whose staff write HTML turn it on).
    /// Dangerous tags (`<script>`, `<iframe>`, …) are escaped either way.
    public var allowRawHTML: Bool
    /// The claim checker's settings (`claims:`).
    public var claims: ClaimSettings
    /// Comment moderation settings (`comments:`).
    public var comments: CommentSettings
    /// How often posts need a new medical review (`review_every: 12 months`); nil: reviews are not tracked.
    public var reviewEvery: ReviewInterval?
    /// The picture shared with links to any page (`image`: a path of the site or an address), for `og:image` and
    /// `twitter:image`; a post's own `image` replaces it on the post's page. `image_alt` describes it.
    public var image: String?
    public var imageAlt: String?
    /// The call-to-action button under every post (`cta_url`, `cta_text`); a post may set its own.
    public var ctaURL: String?
    public var ctaText: String?
    /// The editor the preview's review panel opens a finding's file in (`editor: vscode|zed|idea|none`, default none:
    /// only a copy button for `file:line:column`).
    public var editor: Editor = .none
    /// The navigation menu's links as site.yaml lists them (`menu:`), in order; pages with a `menu` weight follow.
    public var menu: [MenuItem] = []
    /// Display names of tags by slug (`tags: {sad: "Seasonal affective disorder"}`); else the first spelling in a post.
    public var tagNames: [String: String] = [:]
    /// The site's own interface strings over the theme's (`strings: {read_more: "Continue"}`), with where each is written.
    public var strings: [(key: String, value: String, location: SourceLocation)] = []
    /// Keys the site defines for its own templates, in the order written.
    public var extra: [(key: String, value: MetaValue)]
    /// Where `base_url` and `image` are written in `site.yaml`, for findings about them.
    public var baseURLLocation = SourceLocation(file: "site.yaml")
    public var imageLocation = SourceLocation(file: "site.yaml")

    /// Creates a configuration; only `title` and `baseURL` are required.
    public init(
        title: String,
        baseURL: String,
        language: String = "en",
        clinic: String? = nil,
        description: String? = nil,
        disclaimer: String? = nil,
        author: String? = nil,
        postsPerPage: Int = 10,
        allowRawHTML: Bool = true,
        claims: ClaimSettings = ClaimSettings(),
        comments: CommentSettings = CommentSettings(),
        extra: [(key: String, value: MetaValue)] = []
    ) {
        self.title = title
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        basePath = Self.path(of: self.baseURL)
        self.language = language
        self.clinic = clinic ?? title
        self.description = description
        self.disclaimer = disclaimer
        self.author = author
        self.postsPerPage = postsPerPage
        self.allowRawHTML = allowRawHTML
        self.claims = claims
        self.comments = comments
        self.extra = extra
    }

    /// The absolute URL of a site path (`posts/a/` → `https://example.org/posts/a/`).
    public func absoluteURL(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? String(path.dropFirst()) : path)
    }

    /// The host of the base URL when it is one of the domains reserved for examples (RFC 2606: `example.com`,
    /// `example.org`, `example.net`, or a name under one, such as `blog.example.com`): a site published with it has
    /// canonical URLs, a sitemap and a feed that point nowhere. Nil for a real address.
    public var exampleHost: String? {
        guard let schemeEnd = baseURL.firstRange(of: "://") else { return nil }
        var host = baseURL[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if let colon = host.lastIndex(of: ":") { host = String(host[..<colon]) }
        while host.hasSuffix(".") { host.removeLast() }
        let reserved = ["example.com", "example.org", "example.net"]
        return reserved.contains { host == $0 || host.hasSuffix("." + $0) } ? host : nil
    }

    static func path(of baseURL: String) -> String {
        let parts = baseURL.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        // "https:", "", "host", "rest/"
        guard parts.count == 4, parts[0].hasSuffix(":"), parts[1].isEmpty else { return "/" }
        return "/" + parts[3]
    }
}

/// The `comments:` section of `site.yaml`.
public struct CommentSettings: Sendable {
    /// Screening flags that make a newly imported or screened pending comment `spam` at once (`auto_spam`).
    /// Kept as written, with where it is written, so the screening stage can report unknown flags.
    public var autoSpam: [(flag: String, location: SourceLocation)]
    /// Comments longer than this many characters are flagged `too-long` (`max_length`, default 2000); `clinicpress
    /// intake` refuses longer ones.
    public var maxLength: Int
    /// Where the comment form on post pages sends its submissions: the absolute address of a `clinicpress intake`
    /// service (`endpoint`). Nil, the default: post pages have no form, and pages are exactly as without this key.
    public var endpoint: String?

    /// The longest name, in characters, the comment form takes and `clinicpress intake` accepts.
    public static let maxAuthorLength = 100
    /// The longest email address, in characters (RFC 5321's limit on a path).
    public static let maxEmailLength = 254

    /// Creates settings; by default no flag marks spam by itself and there is no comment form.
    public init(autoSpam: [(flag: String, location: SourceLocation)] = [], maxLength: Int = 2000, endpoint: String? = nil) {
        self.autoSpam = autoSpam
        self.maxLength = maxLength
        self.endpoint = endpoint
    }
}

/// The editors whose links (`vscode://file/…`) the preview's review panel can make.
public enum Editor: String, Sendable, CaseIterable {
    case vscode, zed, idea, none
}
