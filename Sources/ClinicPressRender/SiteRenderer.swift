import ClinicPressModel
import ClinicPressParallel

/// Turns built posts into every file of the site: pages through the theme's templates, then the feed,
/// the sitemap, `robots.txt` and the theme's assets.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    public let theme: Theme
    /// The moment of the build; posts dated after it are marked "Scheduled" (they are only built in previews).
    public let now: Timestamp?
    /// The standalone pages of `Pages/`, built.
    public let pages: [BuiltPage]
    /// The writers and reviewers of `people.yaml`; each has a page.
    public let people: People
    /// The navigation menu's links.
    public let menu: [MenuItem]
    /// The copyright line's year is the year of `now` (previews: a scheduled post of next year must not make it
    /// "© next year"), not of the newest post (builds, which repeat exactly).
    public var yearFromNow = false

    /// Creates a renderer.
    public init(config: SiteConfig, theme: Theme, now: Timestamp? = nil, pages: [BuiltPage] = [], people: People = People([], isDefined: false),
                menu: [MenuItem] = []) {
        self.config = config
        self.theme = theme
        self.now = now
        self.pages = pages
        self.people = people
        self.menu = menu
    }

    /// Every file of the site, sorted by path. `posts` must be the published posts, newest first; `series` those with
    /// a published part. With `write`, each file is handed to it as soon as it is made and not kept (a one-shot build
    /// writes the site without holding it in memory): the result then has the files' paths, not the files.
    public func render(_ posts: [BuiltPost], series: [Series] = [], writing write: (@Sendable (OutputFile) -> Void)? = nil) -> RenderedSite {
        let context = PageContext(config: config, copyrightYear: yearFromNow ? now?.year ?? 1970 : posts.map(\.post.date.year).max() ?? 1970,
                                  hasSeries: !series.isEmpty, now: now, people: people, menu: menu, strings: UIStrings(config, theme: theme))
        let tags = TagIndex(posts, names: config.tagNames)
        var jobs: [PageJob] = []
        jobs += posts.indices.map { PageJob.post(index: $0) }
        jobs += homePageJobs(count: posts.count)
        jobs += tags.entries.indices.flatMap { tagPageJobs(tags.entries[$0], index: $0) }
        jobs += series.indices.map { PageJob.series(index: $0) }
        jobs += pages.indices.map { PageJob.page(index: $0) }
        jobs += people.all.indices.map { PageJob.author(index: $0) }
        jobs += archivePageJobs(count: posts.count)
        jobs += [.tags, .notFound]
        if !series.isEmpty { jobs.append(.seriesList) }

        let templates = theme.baking(context.constants)
        // Each post as lists show it, made once: a post is on a home page, the archive, its topics' and its author's
        // pages and beside its neighbours.
        let cards = posts.parallelMap { PostCard(context.post($0, withContent: false)) }
        let renderer = self
        // Each file is kept, or handed to `write` and only its path kept.
        let pass = { @Sendable (file: OutputFile) -> (kept: OutputFile?, path: String) in
            guard let write else { return (file, file.path) }
            write(file)
            return (nil, file.path)
        }
        var made = jobs.parallelMap { job in
            pass(renderer.render(job, posts: posts, tags: tags, series: series, context: context, templates: templates, cards: cards))
        }
        var others = [feed(posts), rssFeed(posts)] + tags.entries.map { tagFeed($0, posts: posts) }
        others += [sitemap(posts, tags: tags, series: series),
                   OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(config.absoluteURL("sitemap.xml"))\n")]
        made += (others + theme.assets).parallelMap(pass)
        return RenderedSite(files: made.compactMap(\.kept).sorted { $0.path < $1.path },
                            written: write == nil ? [] : made.map(\.path).sorted(), tags: tags, context: context, templates: templates)
    }

    /// Renders again, in `site`, the files that show the posts at `rebuilt` of `posts`, which went through the per-post
    /// stages again since `site` was rendered (each with what it was before). Every other input of the pages —
    /// settings, templates, which posts are published, their order and what one post's page shows of the others
    /// (title, date, series) — must be as `site` was rendered with; posts that changed any of that need `render`.
    ///
    /// - A post's own page is always rendered again, and the feeds (the site's and its topics') that show it among their
    ///   newest entries.
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
        // A topic's feed carries the bodies of its newest posts: a change to one of those changes the feed.
        var feedTagSlugs: Set<String> = []
        for (index, before) in rebuilt {
            let after = posts[index]
            jobs.insert(.post(index: index))
            if index < Self.feedEntries { feedChanged = true }
            for tag in before.post.tags + after.post.tags { feedTagSlugs.insert(Slug.make(tag)) }
            guard !listsShowTheSame(before, after) else { continue }
            listsChanged = true
            for neighbour in [index - 1, index + 1] where posts.indices.contains(neighbour) { jobs.insert(.post(index: neighbour)) }
            jobs.insert(.home(page: index / config.postsPerPage + 1, of: pageCount(posts.count)))
            jobs.insert(.archive(page: index / config.postsPerPage + 1, of: pageCount(posts.count)))
            for tag in before.post.tags + after.post.tags { tagSlugs.insert(Slug.make(tag)) }
            // The author pages that list the post, before and after.
            for key in [before.post.author, after.post.author, before.post.reviewedBy, after.post.reviewedBy, config.author].compactMap({ $0 }) {
                if let index = people.all.firstIndex(where: { $0.key == key }) { jobs.insert(.author(index: index)) }
            }
            if before.post.tags != after.post.tags { tagsChanged = true }
        }
        // The topics whose feeds show a rebuilt post, before the update (a post leaving a topic lets an older one in)
        // and after it.
        let rebuiltIndices = Set(rebuilt.map(\.index))
        func feedShowsRebuiltPost(_ entry: TagIndex.Entry) -> Bool {
            feedTagSlugs.contains(entry.slug) && entry.postIndices.prefix(Self.feedEntries).contains(where: rebuiltIndices.contains)
        }
        var changedFeeds = Set(site.tags.entries.filter(feedShowsRebuiltPost).map(\.slug))
        var removed: [String] = []
        if tagsChanged {
            let tags = TagIndex(posts, names: config.tagNames)
            // Every page and feed of the topics as they were, that the topics as they are no longer have.
            let after = Set(tags.entries.flatMap { tagFiles($0) })
            removed = site.tags.entries.flatMap { tagFiles($0) }.filter { !after.contains($0) }
            site.tags = tags
            jobs.insert(.tags)
        }
        for (index, entry) in site.tags.entries.enumerated() where tagSlugs.contains(entry.slug) {
            jobs.formUnion(tagPageJobs(entry, index: index))
        }

        changedFeeds.formUnion(site.tags.entries.filter(feedShowsRebuiltPost).map(\.slug))
        let renderer = self, tags = site.tags, context = site.context
        let templates = site.templates
        var files = Array(jobs).parallelMap { renderer.render($0, posts: posts, tags: tags, series: series, context: context, templates: templates) }
        if feedChanged { files += [feed(posts), rssFeed(posts)] }
        files += site.tags.entries.filter { changedFeeds.contains($0.slug) }.map { tagFeed($0, posts: posts) }
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
        OutputFile(path: "sitemap.xml", text: Sitemap.xml(posts, tags: tags.entries.map(\.slug), series: series, config: config,
                                                          homePages: pageCount(posts.count),
                                                          others: listPages(posts, tags: tags) + pages.map(\.page.path) + people.all.map(\.path)))
    }

    /// The second and later pages of the topics and the archive, for the sitemap.
    private func listPages(_ posts: [BuiltPost], tags: TagIndex) -> [String] {
        var paths: [String] = []
        for (index, entry) in tags.entries.enumerated() {
            for case .tag(_, let number, _) in tagPageJobs(entry, index: index) where number > 1 { paths.append(SitePaths.tag(entry.slug) + SitePaths.home(page: number)) }
        }
        for case .archive(let number, _) in archivePageJobs(count: posts.count) where number > 1 { paths.append(SitePaths.archive + SitePaths.home(page: number)) }
        return paths
    }

    /// The Atom feed of the newest posts.
    public func feed(_ posts: [BuiltPost]) -> OutputFile {
        OutputFile(path: "feed.xml", text: AtomFeed.xml(posts, config: config, people: people))
    }

    /// The RSS 2.0 feed of the same posts.
    func rssFeed(_ posts: [BuiltPost]) -> OutputFile {
        OutputFile(path: "rss.xml", text: RSSFeed.xml(posts, config: config, people: people))
    }

    /// A topic's Atom feed, `tags/<slug>/feed.xml`.
    func tagFeed(_ entry: TagIndex.Entry, posts: [BuiltPost]) -> OutputFile {
        let path = SitePaths.tag(entry.slug)
        return OutputFile(path: path + "feed.xml", text: AtomFeed.xml(entry.postIndices.map { posts[$0] }, config: config, people: people,
                                                                      feedPath: path + "feed.xml", pagePath: path, tag: entry.name))
    }

    /// The files of a topic: its pages and its feed.
    private func tagFiles(_ entry: TagIndex.Entry) -> [String] {
        (1...pageCount(entry.postIndices.count)).map { SitePaths.tag(entry.slug) + SitePaths.home(page: $0) + "index.html" } + [SitePaths.tag(entry.slug) + "feed.xml"]
    }

    /// How many of the newest posts the feed shows.
    public static var feedEntries: Int { AtomFeed.entryLimit }

    /// One page to render; pages are independent, so they render in parallel.
    enum PageJob: Hashable, Sendable {
        case post(index: Int)
        case home(page: Int, of: Int)
        case tag(index: Int, page: Int, of: Int)
        case archive(page: Int, of: Int)
        case series(index: Int)
        case page(index: Int)
        case author(index: Int)
        case tags, notFound, seriesList
    }

    /// A topic's pages, `posts_per_page` posts each: `tags/<slug>/`, `tags/<slug>/page/2/`, …
    private func tagPageJobs(_ entry: TagIndex.Entry, index: Int) -> [PageJob] {
        let pages = pageCount(entry.postIndices.count)
        return (1...pages).map { PageJob.tag(index: index, page: $0, of: pages) }
    }

    /// The archive's pages, `posts_per_page` posts each: `archive/`, `archive/page/2/`, …
    private func archivePageJobs(count: Int) -> [PageJob] {
        let pages = pageCount(count)
        return (1...pages).map { PageJob.archive(page: $0, of: pages) }
    }

    private func homePageJobs(count: Int) -> [PageJob] {
        let pages = pageCount(count)
        return (1...pages).map { PageJob.home(page: $0, of: pages) }
    }

    /// How many pages a list of `count` posts takes, `posts_per_page` each: at least one, for an empty list.
    private func pageCount(_ count: Int) -> Int {
        max(1, (count + config.postsPerPage - 1) / config.postsPerPage)
    }

    /// One page; `templates` is the theme with the build's constants written in (`Theme.baking`), `cards` each post as
    /// lists show it (an update, which renders a few pages, makes only the cards they show).
    private func render(_ job: PageJob, posts: [BuiltPost], tags: TagIndex, series: [Series], context: PageContext, templates: Theme,
                        cards: [PostCard]? = nil) -> OutputFile {
        let strings = context.strings
        let card = { (index: Int) in cards?[index].values ?? context.post(posts[index], withContent: false) }
        var values: [String: Any] = [:]
        let template: String
        let path: String
        switch job {
        case .post(let index):
            let built = posts[index]
            path = built.post.path
            template = "post"
            var post = context.post(built, card: card(index))
            if index > 0 { post["newer"] = card(index - 1) }
            if index + 1 < posts.count { post["older"] = card(index + 1) }
            post["has_neighbours"] = posts.count > 1
            if let membership = built.series { post["series"] = context.series(membership.series, current: membership.part) }
            post["cta"] = context.callToAction(built.post)
            if built.post.tableOfContents, !built.headings.isEmpty { post["toc"] = context.tableOfContents(built.headings) }
            values["post"] = post
            var page = context.page(type: "post", title: built.post.title, path: path, description: built.post.description ?? built.summary)
            page["json_ld"] = StructuredData.post(built, config: config, people: people).serialized(htmlSafe: true)
            if let image = built.post.image {
                page["image"] = context.imageURL(image, absolute: true)
                page["image_alt"] = built.post.imageAlt
            }
            values["page"] = page

        case .home(let number, let total):
            path = SitePaths.home(page: number)
            template = "home"
            values["posts"] = posts.indices.dropFirst((number - 1) * config.postsPerPage).prefix(config.postsPerPage).map(card)
            values["pagination"] = pagination(number, of: total, context: context)
            let title = number == 1 ? config.title : "\(config.title), " + strings("page_of", ["current": String(number), "total": String(total)])
            var page = context.page(type: "home", title: title, path: path, description: config.description, heading: number == 1 ? config.title : strings("articles_page", ["current": String(number), "total": String(total)]))
            if number == 1 { page["json_ld"] = StructuredData.blog(config: config).serialized(htmlSafe: true) }
            values["page"] = page

        case .tag(let index, let number, let total):
            let entry = tags.entries[index]
            let tagPath = SitePaths.tag(entry.slug)
            path = tagPath + SitePaths.home(page: number)
            template = "tag"
            values["tag"] = ["name": entry.name, "count_text": strings("topic_count", ["count": String(entry.postIndices.count),
                                                                                         "articles": strings(entry.postIndices.count == 1 ? "article" : "articles_count")]), "url": context.link(tagPath), "feed_url": context.link(tagPath + "feed.xml"),
                             "count": entry.postIndices.count, "count_label": strings(entry.postIndices.count == 1 ? "article" : "articles_count")]
            let slice = entry.postIndices.dropFirst((number - 1) * config.postsPerPage).prefix(config.postsPerPage)
            values["posts"] = slice.map(card)
            values["pagination"] = pagination(number, of: total, context: context) { tagPath + SitePaths.home(page: $0) }
            let suffix = number == 1 ? "" : ", " + strings("page_of", ["current": String(number), "total": String(total)])
            values["page"] = context.page(type: "tag", title: strings("articles_about", ["topic": entry.name]) + suffix, path: path,
                                          description: strings("tag_description", ["clinic": config.clinic, "topic": entry.name]), heading: entry.name)

        case .tags:
            path = SitePaths.tags
            template = "tags"
            values["tags"] = tags.entries.map { entry -> [String: Any] in
                ["name": entry.name, "url": context.link(SitePaths.tag(entry.slug)), "count": entry.postIndices.count, "count_label": strings(entry.postIndices.count == 1 ? "article" : "articles_count")]
            }
            values["page"] = context.page(type: "tags", title: strings("topics"), path: path, description: strings("topics_description", ["clinic": config.clinic]))

        case .archive(let number, let total):
            path = SitePaths.archive + SitePaths.home(page: number)
            template = "archive"
            var years: [(year: Int, posts: [[String: Any]])] = []
            for index in posts.indices.dropFirst((number - 1) * config.postsPerPage).prefix(config.postsPerPage) {
                let year = posts[index].post.date.year
                if years.last?.year != year { years.append((year, [])) }
                years[years.count - 1].posts.append(card(index))
            }
            values["years"] = years.map { ["year": $0.year, "posts": $0.posts] as [String: Any] }
            values["pagination"] = pagination(number, of: total, context: context) { SitePaths.archive + SitePaths.home(page: $0) }
            values["page"] = context.page(type: "archive", title: number == 1 ? strings("archive") : strings("archive_page", ["current": String(number)]), path: path,
                                          description: strings("archive_description", ["clinic": config.clinic]))

        case .series(let index):
            let entry = series[index]
            path = entry.path
            template = "series"
            values["series"] = context.series(entry, current: nil)
            values["page"] = context.page(type: "series", title: entry.title, path: path,
                                          description: strings("series_description", ["series": entry.title, "clinic": config.clinic]))

        case .seriesList:
            path = SitePaths.seriesList
            template = "series-list"
            values["series_list"] = series.map { context.series($0, current: nil) }
            values["page"] = context.page(type: "series-list", title: strings("series"), path: path, description: strings("series_list_description", ["clinic": config.clinic]))

        case .page(let index):
            let built = pages[index]
            path = built.page.path
            template = "page"
            var value: [String: Any] = ["title": built.page.title, "content": built.html, "url": context.link(path)]
            if built.page.tableOfContents, !built.headings.isEmpty { value["toc"] = context.tableOfContents(built.headings) }
            values["standalone"] = value
            var page = context.page(type: "page", title: built.page.title, path: path, description: built.page.description)
            if let language = built.page.language { page["language"] = language }
            values["page"] = page

        case .author(let index):
            let person = people.all[index]
            path = person.path
            template = "author"
            let written = posts.indices.filter { (posts[$0].post.author ?? config.author) == person.key }
            let reviewed = posts.indices.filter { posts[$0].post.reviewedBy == person.key }
            var value = context.person(person.key) ?? [:]
            value["posts"] = written.map(card)
            value["has_posts"] = !written.isEmpty
            value["reviewed_posts"] = reviewed.map(card)
            value["has_reviewed_posts"] = !reviewed.isEmpty
            value["articles_by"] = strings("articles_by", ["name": person.name])
            value["articles_reviewed_by"] = strings("articles_reviewed_by", ["name": person.name])
            values["person"] = value
            var page = context.page(type: "author", title: person.displayName, path: path,
                                    description: person.bio ?? [person.role, config.clinic].compactMap { $0 }.joined(separator: ", "))
            page["json_ld"] = StructuredData.profile(person, config: config).serialized(htmlSafe: true)
            values["page"] = page

        case .notFound:
            path = "404.html"
            template = "404"
            values["page"] = context.page(type: "404", title: strings("not_found_title"), path: path, description: nil)
        }
        values["site"] = context.site(current: path)
        values["strings"] = context.strings.values
        values["content"] = templates.render(template, values)
        let html = templates.render("layout", values)
        let file = path.hasSuffix(".html") ? path : path + "index.html"
        return OutputFile(path: file, text: html)
    }

    /// Links between the pages of a list; `path` gives the site path of page n (the home page's by default).
    private func pagination(_ number: Int, of total: Int, context: PageContext,
                            path: (Int) -> String = { SitePaths.home(page: $0) }) -> [String: Any] {
        var value: [String: Any] = ["current": number, "total": total, "has_pages": total > 1, "is_first": number == 1,
                                    "label": context.strings("page_of", ["current": String(number), "total": String(total)])]
        if number > 1 { value["prev_url"] = context.link(path(number - 1)) }
        if number < total { value["next_url"] = context.link(path(number + 1)) }
        return value
    }
}

/// Tags with the posts that carry them. Tags whose slugs are equal ("IV therapy", "iv-therapy") are one tag,
/// named as site.yaml's `tags:` names it, else as the newest post writes it.
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

    init(_ posts: [BuiltPost], names: [String: String] = [:]) {
        var bySlug: [String: Entry] = [:]
        var slugs: [String: String] = [:] // a site has few tags on many posts: make each slug once
        for (index, built) in posts.enumerated() {
            for tag in built.post.tags {
                let slug = slugs[tag] ?? Slug.make(tag)
                slugs[tag] = slug
                guard !slug.isEmpty, bySlug[slug]?.postIndices.last != index else { continue }
                bySlug[slug, default: Entry(name: names[slug] ?? tag, slug: slug, postIndices: [])].postIndices.append(index)
            }
        }
        entries = bySlug.values.sorted { ($0.name.lowercased(), $0.name) < ($1.name.lowercased(), $1.name) }
    }
}

/// A post's template values as lists show it (`PageContext.post(_:withContent: false)`).
///
/// `@unchecked Sendable`: the values are dictionaries and arrays of strings, numbers and booleans (no references to
/// anything mutable), made before the pages are rendered and only read while they are. A rebuild renders its pages
/// without these cards and must match a fresh build that uses them: `IncrementalBuildTests` compares the two.
struct PostCard: @unchecked Sendable {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
}
