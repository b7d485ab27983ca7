import ClinicPressModel
import ClinicPressParallel

/// Turns built posts into every file of the site: pages through the theme's templates, then the feed,
/// the sitemap, `robots.txt` and the theme's assets.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    public let theme: Theme
    /// The moment of the build; posts dated after it are marked "Scheduled" (they are only built in previews).
    public let now: Timestamp?

    /// Creates a renderer.
    public init(config: SiteConfig, theme: Theme, now: Timestamp? = nil) {
        self.config = config
        self.theme = theme
        self.now = now
    }

    /// All output files, sorted by path. `posts` must be the published posts, newest first; `series` those with a
    /// published part.
    /// With a `cache` and a `siteFingerprint` (settings, templates and every post's metadata), pages whose inputs did
    /// not change since the last render are taken from the cache.
    public func render(_ posts: [BuiltPost], series: [Series] = [], cache: RenderCache? = nil, siteFingerprint: Int = 0) -> [OutputFile] {
        let context = PageContext(config: config, copyrightYear: posts.map(\.post.date.year).max() ?? 1970, hasSeries: !series.isEmpty, now: now)
        let tags = TagIndex(posts)
        var jobs: [PageJob] = []
        jobs += posts.indices.map { PageJob.post(index: $0) }
        jobs += homePageJobs(count: posts.count)
        jobs += tags.entries.indices.map { PageJob.tag(index: $0) }
        jobs += series.indices.map { PageJob.series(index: $0) }
        jobs += [.tags, .archive, .notFound]
        if !series.isEmpty { jobs.append(.seriesList) }

        let renderer = self
        var files: [OutputFile]
        if let cache {
            // Look every page up at once, then render the changed ones on all cores.
            let jobs = jobs
            let identities = jobs.map { renderer.identity(of: $0, posts: posts, tags: tags, site: siteFingerprint) }
            let cached = cache.values(identities)
            let missing = cached.indices.filter { cached[$0] == nil }
            let rendered = missing.parallelMap { renderer.render(jobs[$0], posts: posts, tags: tags, series: series, context: context) }
            cache.finish(storing: zip(missing, rendered).map { (identities[$0].key, identities[$0].fingerprint, $1) }, keys: identities.map(\.key))
            var merged = cached
            for (index, file) in zip(missing, rendered) { merged[index] = file }
            files = merged.map { $0! }
        } else {
            files = jobs.parallelMap { job in renderer.render(job, posts: posts, tags: tags, series: series, context: context) }
        }
        files.append(feed(posts))
        files.append(OutputFile(path: "sitemap.xml", text: Sitemap.xml(posts, tags: tags.entries.map(\.name), series: series, config: config,
                                                                       homePages: homePageJobs(count: posts.count).count)))
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(config.absoluteURL("sitemap.xml"))\n"))
        files += theme.assets
        return files.sorted { $0.path < $1.path }
    }

    /// The page of the post at `index` of `posts`, exactly as `render` makes it, stored in `cache`: the preview redoes
    /// this page alone after an edit that changed nothing another page shows.
    public func renderPost(at index: Int, of posts: [BuiltPost], series: [Series], cache: RenderCache?, siteFingerprint: Int) -> OutputFile {
        let context = PageContext(config: config, copyrightYear: posts.map(\.post.date.year).max() ?? 1970, hasSeries: !series.isEmpty, now: now)
        let tags = TagIndex([]) // post pages show no tag index
        let file = render(.post(index: index), posts: posts, tags: tags, series: series, context: context)
        let identity = identity(of: .post(index: index), posts: posts, tags: tags, site: siteFingerprint)
        cache?.store([(identity.key, identity.fingerprint, file)])
        return file
    }

    /// The Atom feed of the newest posts.
    public func feed(_ posts: [BuiltPost]) -> OutputFile {
        OutputFile(path: "feed.xml", text: AtomFeed.xml(posts, config: config))
    }

    /// How many of the newest posts the feed shows.
    public static var feedEntries: Int { AtomFeed.entryLimit }

    /// One page to render; pages are independent, so they render in parallel.
    enum PageJob: Sendable {
        case post(index: Int)
        case home(page: Int, of: Int)
        case tag(index: Int)
        case series(index: Int)
        case tags, archive, notFound, seriesList
    }

    /// A page's cache key and the fingerprint of what it shows: the site (settings, templates, every post's
    /// metadata, which covers series, tag names and the copyright year), the post of a post page, and what lists show
    /// of the posts listed (see `BuiltPost.listingFingerprint`).
    private func identity(of job: PageJob, posts: [BuiltPost], tags: TagIndex, site: Int) -> (key: String, fingerprint: Int) {
        var hasher = Hasher()
        hasher.combine(site)
        let key: String
        switch job {
        case .post(let index):
            key = "post:" + posts[index].post.source
            hasher.combine(posts[index].fingerprint)
            for neighbour in [index - 1, index + 1] where posts.indices.contains(neighbour) {
                combineListing(posts[neighbour], into: &hasher)
            }
        case .home(let page, let total):
            key = "home:\(page)"
            hasher.combine(total)
            for built in posts.dropFirst((page - 1) * config.postsPerPage).prefix(config.postsPerPage) { combineListing(built, into: &hasher) }
        case .tag(let index):
            key = "tag:" + tags.entries[index].name
            for postIndex in tags.entries[index].postIndices { combineListing(posts[postIndex], into: &hasher) }
        case .archive:
            key = "archive"
            for built in posts { combineListing(built, into: &hasher) }
        case .tags:
            // Tag names and counts only.
            key = "tags"
            for entry in tags.entries {
                hasher.combine(entry.name)
                hasher.combine(entry.postIndices.count)
            }
        case .series(let index):
            key = "series:\(index)"
        case .notFound, .seriesList:
            // The 404 page lists no post; series pages show parts' metadata, which the site fingerprint covers.
            key = "\(job)"
        }
        return (key, hasher.finalize())
    }

    private func combineListing(_ built: BuiltPost, into hasher: inout Hasher) {
        hasher.combine(built.listingFingerprint)
        if theme.mentionsWordCount { hasher.combine(built.wordCount) }
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
                bySlug[slug, default: Entry(name: tag, postIndices: [])].postIndices.append(index)
            }
        }
        entries = bySlug.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }
}
