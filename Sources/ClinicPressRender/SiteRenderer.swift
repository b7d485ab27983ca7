import ClinicPressModel
import ClinicPressParallel

/// Turns built posts into every file of the site: pages through the theme's templates, then the feed,
/// the sitemap, `robots.txt` and the theme's assets.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    public let theme: Theme
    /// The moment of the build; posts dated after it are marked "Scheduled" (they are only built in previews).
    public let now: Timestamp?
    /// The copyright line's year is the year of `now` (previews: a scheduled post of next year must not make it
    /// "© next year"), not of the newest post (builds, which repeat exactly).
    public var yearFromNow = false

    /// Creates a renderer.
    public init(config: SiteConfig, theme: Theme, now: Timestamp? = nil) {
        self.config = config
        self.theme = theme
        self.now = now
    }

    /// Every file of the site, sorted by path. `posts` must be the published posts, newest first; `series` those with
    /// a published part.
    public func render(_ posts: [BuiltPost], series: [Series] = []) -> RenderedSite {
        let context = PageContext(config: config, copyrightYear: yearFromNow ? now?.year ?? 1970 : posts.map(\.post.date.year).max() ?? 1970, hasSeries: !series.isEmpty, now: now)
        let tags = TagIndex(posts)
        var jobs: [PageJob] = []
        jobs += posts.indices.map { PageJob.post(index: $0) }
        jobs += homePageJobs(count: posts.count)
        jobs += tags.entries.indices.map { PageJob.tag(index: $0) }
        jobs += series.indices.map { PageJob.series(index: $0) }
        jobs += [.tags, .archive, .notFound]
        if !series.isEmpty { jobs.append(.seriesList) }

        let renderer = self
        var files = jobs.parallelMap { job in renderer.render(job, posts: posts, tags: tags, series: series, context: context) }
        files.append(feed(posts))
        files.append(sitemap(posts, tags: tags, series: series))
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(config.absoluteURL("sitemap.xml"))\n"))
        files += theme.assets
        return RenderedSite(files: files.sorted { $0.path < $1.path }, tags: tags, context: context)
    }

    /// Renders again, in `site`, the files that show the posts at `rebuilt` of `posts`, which went through the per-post
    /// stages again since `site` was rendered (each with what it was before). Every other input of the pages —
    /// settings, templates, which posts are published, their order and what one post's page shows of the others
    /// (title, date, series) — must be as `site` was rendered with; posts that changed any of that need `render`.
    ///
    /// - A post's own page is always rendered again, and the feed when the post is among its newest entries.
    /// - When what lists show of the post changed (front matter, summary, reading time, comment count), so are the
    ///   pages that list it: its neighbours' pages, its home page, the archive, its tag pages and the sitemap; and
    ///   when its tags changed, the topic index and the pages of the tags it gained or lost.
    ///
    /// Returns the paths of the files rendered again (or added, when a tag gained its first post) and of those removed
    /// (a tag lost its last post), sorted.
    public func update(_ site: inout RenderedSite, posts: [BuiltPost], series: [Series], rebuilt: [(index: Int, before: BuiltPost)])
        -> (rendered: [String], removed: [String]) {
        var jobs: Set<PageJob> = []
        var feedChanged = false, listsChanged = false, tagsChanged = false
        var tagSlugs: Set<String> = []
        for (index, before) in rebuilt {
            let after = posts[index]
            jobs.insert(.post(index: index))
            if index < Self.feedEntries { feedChanged = true }
            guard !listsShowTheSame(before, after) else { continue }
            listsChanged = true
            for neighbour in [index - 1, index + 1] where posts.indices.contains(neighbour) { jobs.insert(.post(index: neighbour)) }
            jobs.insert(.home(page: index / config.postsPerPage + 1, of: homePageJobs(count: posts.count).count))
            jobs.insert(.archive)
            for tag in before.post.tags + after.post.tags { tagSlugs.insert(Slug.make(tag)) }
            if before.post.tags != after.post.tags { tagsChanged = true }
        }
        var removed: [String] = []
        if tagsChanged {
            let tags = TagIndex(posts)
            let kept = Set(tags.entries.map(\.slug))
            removed = site.tags.entries.filter { !kept.contains($0.slug) }.map { SitePaths.tag($0.name) + "index.html" }
            site.tags = tags
            jobs.insert(.tags)
        }
        for (index, entry) in site.tags.entries.enumerated() where tagSlugs.contains(entry.slug) { jobs.insert(.tag(index: index)) }

        let renderer = self, tags = site.tags, context = site.context
        var files = Array(jobs).parallelMap { renderer.render($0, posts: posts, tags: tags, series: series, context: context) }
        if feedChanged { files.append(feed(posts)) }
        if listsChanged { files.append(sitemap(posts, tags: tags, series: series)) }
        site.replace(files, removing: removed)
        return (files.map(\.path).sorted(), removed.sorted())
    }

    /// Whether lists (home, tags, archive, neighbours' pages, the sitemap) show `a` and `b` alike: the same file with
    /// the same front matter, summary, reading time and comment count (and word count, when a template shows it).
    /// A post's body further down changes its own page and the feed, not every list it is on.
    func listsShowTheSame(_ a: BuiltPost, _ b: BuiltPost) -> Bool {
        a.post.source == b.post.source && a.post.frontMatterHash == b.post.frontMatterHash && a.summary == b.summary
            && a.readingMinutes == b.readingMinutes && a.commentCount == b.commentCount
            && (!theme.mentionsWordCount || a.wordCount == b.wordCount)
    }

    private func sitemap(_ posts: [BuiltPost], tags: TagIndex, series: [Series]) -> OutputFile {
        OutputFile(path: "sitemap.xml", text: Sitemap.xml(posts, tags: tags.entries.map(\.name), series: series, config: config,
                                                          homePages: homePageJobs(count: posts.count).count))
    }

    /// The Atom feed of the newest posts.
    public func feed(_ posts: [BuiltPost]) -> OutputFile {
        OutputFile(path: "feed.xml", text: AtomFeed.xml(posts, config: config))
    }

    /// How many of the newest posts the feed shows.
    public static var feedEntries: Int { AtomFeed.entryLimit }

    /// One page to render; pages are independent, so they render in parallel.
    enum PageJob: Hashable, Sendable {
        case post(index: Int)
        case home(page: Int, of: Int)
        case tag(index: Int)
        case series(index: Int)
        case tags, archive, notFound, seriesList
    }

    private func homePageJobs(count: Int) -> [PageJob] {
        let pages = max(1, (count + config.postsPerPage - 1) / config.postsPerPage)
        return (1...pages).map { PageJob.home(page: $0, of: pages) }
    }

    private func render(_ job: PageJob, posts: [BuiltPost], tags: TagIndex, series: [Series], context: PageContext) -> OutputFile {
        var values: [String: Any] = ["site": context.site()]
        let template: String
        let path: String
        switch job {
        case .post(let index):
            let built = posts[index]
            path = built.post.path
            template = "post"
            var post = context.post(built, withContent: true)
            if index > 0 { post["newer"] = context.post(posts[index - 1], withContent: false) }
            if index + 1 < posts.count { post["older"] = context.post(posts[index + 1], withContent: false) }
            post["has_neighbours"] = posts.count > 1
            if let membership = built.series { post["series"] = context.series(membership.series, current: membership.part) }
            post["cta"] = context.callToAction(built.post)
            values["post"] = post
            var page = context.page(type: "post", title: built.post.title, path: path, description: built.post.description ?? built.summary)
            page["json_ld"] = StructuredData.post(built, config: config).serialized(htmlSafe: true)
            if let image = built.post.image {
                page["image"] = context.imageURL(image, absolute: true)
                page["image_alt"] = built.post.imageAlt
            }
            values["page"] = page

        case .home(let number, let total):
            path = SitePaths.home(page: number)
            template = "home"
            let slice = posts.dropFirst((number - 1) * config.postsPerPage).prefix(config.postsPerPage)
            values["posts"] = slice.map { context.post($0, withContent: false) }
            values["pagination"] = pagination(number, of: total, context: context)
            let title = number == 1 ? config.title : "\(config.title), page \(number)"
            var page = context.page(type: "home", title: title, path: path, description: config.description, heading: number == 1 ? config.title : "Articles, page \(number) of \(total)")
            if number == 1 { page["json_ld"] = StructuredData.blog(config: config).serialized(htmlSafe: true) }
            values["page"] = page

        case .tag(let index):
            let entry = tags.entries[index]
            path = SitePaths.tag(entry.name)
            template = "tag"
            values["tag"] = ["name": entry.name, "url": context.link(path), "count": entry.postIndices.count, "count_label": entry.postIndices.count == 1 ? "article" : "articles"]
            values["posts"] = entry.postIndices.map { context.post(posts[$0], withContent: false) }
            values["page"] = context.page(type: "tag", title: "Articles about \(entry.name)", path: path, description: "Articles from \(config.clinic) about \(entry.name).", heading: entry.name)

        case .tags:
            path = SitePaths.tags
            template = "tags"
            values["tags"] = tags.entries.map { entry -> [String: Any] in
                ["name": entry.name, "url": context.link(SitePaths.tag(entry.name)), "count": entry.postIndices.count, "count_label": entry.postIndices.count == 1 ? "article" : "articles"]
            }
            values["page"] = context.page(type: "tags", title: "Topics", path: path, description: "Every topic \(config.clinic) writes about.")

        case .archive:
            path = SitePaths.archive
            template = "archive"
            var years: [(year: Int, posts: [[String: Any]])] = []
            for built in posts {
                if years.last?.year != built.post.date.year { years.append((built.post.date.year, [])) }
                years[years.count - 1].posts.append(context.post(built, withContent: false))
            }
            values["years"] = years.map { ["year": $0.year, "posts": $0.posts] as [String: Any] }
            values["page"] = context.page(type: "archive", title: "Archive", path: path, description: "Every article from \(config.clinic), by year.")

        case .series(let index):
            let entry = series[index]
            path = entry.path
            template = "series"
            values["series"] = context.series(entry, current: nil)
            values["page"] = context.page(type: "series", title: entry.title, path: path,
                                          description: "All parts of the series '\(entry.title)' from \(config.clinic).")

        case .seriesList:
            path = SitePaths.seriesList
            template = "series-list"
            values["series_list"] = series.map { context.series($0, current: nil) }
            values["page"] = context.page(type: "series-list", title: "Series", path: path, description: "Multi-part series from \(config.clinic).")

        case .notFound:
            path = "404.html"
            template = "404"
            values["page"] = context.page(type: "404", title: "Page not found", path: path, description: nil)
        }
        values["content"] = theme.render(template, values)
        let html = theme.render("layout", values)
        let file = path.hasSuffix(".html") ? path : path + "index.html"
        return OutputFile(path: file, text: html)
    }

    private func pagination(_ number: Int, of total: Int, context: PageContext) -> [String: Any] {
        var value: [String: Any] = ["current": number, "total": total, "has_pages": total > 1, "is_first": number == 1]
        if number > 1 { value["prev_url"] = context.link(SitePaths.home(page: number - 1)) }
        if number < total { value["next_url"] = context.link(SitePaths.home(page: number + 1)) }
        return value
    }
}

/// Tags with the posts that carry them. Tags whose slugs are equal ("IV therapy", "iv-therapy") are one tag,
/// named as the newest post writes it.
struct TagIndex: Sendable {
    struct Entry: Sendable {
        let name: String
        /// The tag's address: `tags/<slug>/`.
        let slug: String
        /// Indices into the newest-first post list.
        var postIndices: [Int]
    }

    /// Sorted by tag name, case-insensitively.
    let entries: [Entry]

    init(_ posts: [BuiltPost]) {
        var bySlug: [String: Entry] = [:]
        var slugs: [String: String] = [:] // a site has few tags on many posts: make each slug once
        for (index, built) in posts.enumerated() {
            for tag in built.post.tags {
                let slug = slugs[tag] ?? Slug.make(tag)
                slugs[tag] = slug
                guard !slug.isEmpty, bySlug[slug]?.postIndices.last != index else { continue }
                bySlug[slug, default: Entry(name: tag, slug: slug, postIndices: [])].postIndices.append(index)
            }
        }
        entries = bySlug.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }
}
