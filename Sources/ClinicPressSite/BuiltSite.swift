import ClinicPressContent
import ClinicPressModel
import ClinicPressRender
import ClinicPressSeries
import Foundation

/// What a successful build read and made: the state `IncrementalBuild` keeps, and the next build starts from.
struct BuiltSite: Sendable {
    /// The post files and comment folders, as read.
    var files: SiteFiles
    /// Settings, posts (newest first), references, comments and the warnings found loading them.
    var content: SiteContent
    var theme: Theme
    /// Warnings about the settings (claim rules, comment screening), as stage 1 reported them.
    let settingsWarnings: [Diagnostic]
    /// The moment the build decided which posts are scheduled.
    var now: Timestamp
    /// The posts this build publishes, newest first, and where each post is in `published` and in `content.posts`.
    var published: [Post]
    let publishedIndex: [String: Int]
    let contentIndex: [String: Int]
    let series: SeriesIndex
    /// The series with a published part.
    let liveSeries: [Series]
    let pipeline: PostPipeline
    /// Each published post's per-post stages' result, and its built post, in `published` order.
    var results: [PostPipeline.Result]
    var built: [BuiltPost]
    var renderer: SiteRenderer
    var rendered: RenderedSite
    /// The standalone pages of `Pages/`, built, and their warnings.
    let pages: [BuiltPage]
    let pageWarnings: [Diagnostic]
    /// The posts due a medical review (`review_every`), as of `now`.
    var reviews: ReviewSchedule?
    var report: BuildReport

    /// Builds every post and renders every page: stage by stage, load → parse → analyse → render (`BuildStage`),
    /// from the last build's files with `update` applied, or (without) from every file read again. With `write`, each
    /// file is handed to it as it is rendered, and not kept (`SiteRenderer.render`).
    /// - Throws: `DiagnosticsError` with every problem of the site when any is an error.
    init(_ options: BuildOptions, files last: SiteFiles?, update: SiteFiles.Update?, now: Timestamp, progress: SiteBuilder.Progress,
         published onPublished: ([Post]) -> Void, write: (@Sendable (OutputFile) -> Void)? = nil) throws {
        var options = options
        options.now = now
        var times = StageTimes()
        let (files, filesRead, (content, theme, problems)) = try times.measure(.load) {
            let (files, filesRead) = Self.read(options.siteDirectory, last: last, update: update)
            return (files, filesRead, try SiteBuilder.load(options) { try SiteContent(files: files, siteDirectory: options.siteDirectory) })
        }
        progress(.load, content.posts.count)
        let posts = SiteBuilder.Publication(content.posts, options: options)
        let published = posts.published
        onPublished(published)
        let series = SeriesIndex(posts: content.posts, isPublished: posts.isPublished)
        let pipeline = SiteBuilder.makePipeline(content, theme: theme, options: options, published: published, series: series)
        let results = pipeline.build(published, rendering: true, comments: content.comments, times: &times) { progress($0, content.posts.count) }
        let reviews = ReviewSchedule(published, config: content.config, people: content.people, now: now)
        let pageResults = pipeline.build(content.pages, rendering: true, times: &times)
        let builtPages = pageResults.compactMap(\.page), pageWarnings = pageResults.flatMap(\.diagnostics)
        let diagnostics = problems + content.warnings + series.diagnostics + results.flatMap(\.diagnostics) + pageWarnings + (reviews?.diagnostics ?? [])
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        let built = results.compactMap(\.post)

        var renderer = Self.renderer(content, theme: theme, now: now, pages: builtPages)
        renderer.yearFromNow = options.preview
        let liveSeries = series.series.filter { !$0.publishedParts.isEmpty }
        let rendered = times.measure(.render) { renderer.render(built, series: liveSeries, writing: write) }
        let paths = rendered.paths
        let pages = paths.count { $0.hasSuffix(".html") }

        self.files = files
        self.content = content
        self.theme = theme
        settingsWarnings = problems
        self.now = now
        self.published = published
        publishedIndex = Dictionary(published.enumerated().map { ($1.source, $0) }, uniquingKeysWith: { first, _ in first })
        contentIndex = Dictionary(content.posts.enumerated().map { ($1.source, $0) }, uniquingKeysWith: { first, _ in first })
        self.series = series
        self.liveSeries = liveSeries
        self.pipeline = pipeline
        self.results = results
        self.built = built
        self.renderer = renderer
        self.rendered = rendered
        self.pages = builtPages
        self.pageWarnings = pageWarnings
        self.reviews = reviews
        report = BuildReport(
            posts: built.count,
            pages: pages,
            files: paths.count,
            skippedDrafts: options.includeDrafts ? 0 : posts.drafts,
            skippedScheduled: options.includeDrafts ? 0 : posts.scheduled,
            warnings: diagnostics.sorted(),
            findingsByFile: Dictionary(zip(published.map(\.source), results.map(\.claims.findings)), uniquingKeysWith: +),
            claims: ClaimCounts(results.map(\.claims)),
            postPaths: Dictionary(built.map { ($0.post.source, $0.post.path) }, uniquingKeysWith: { first, _ in first }),
            seconds: 0,
            times: times,
            reviews: reviews,
            filesRead: filesRead,
            postsBuilt: results.count,
            pagesRendered: pages,
            changedFiles: nil
        )
        report.baseURL = content.config.baseURL
    }

    /// The renderer of every page of the site, with its standalone pages, people and menu.
    static func renderer(_ content: SiteContent, theme: Theme, now: Timestamp, pages: [BuiltPage]) -> SiteRenderer {
        SiteRenderer(config: content.config, theme: theme, now: now, pages: pages, people: content.people, menu: content.menu)
    }

    /// The last build's files with `update` applied, or every file read again; and how many files were read.
    private static func read(_ siteDirectory: URL, last: SiteFiles?, update: SiteFiles.Update?) -> (SiteFiles, Int) {
        guard var files = last, let update else {
            let files = SiteFiles.read(siteDirectory)
            return (files, files.count)
        }
        files.apply(update)
        return (files, update.filesRead)
    }

    /// Every problem the site has now, as a fresh build finds them: the settings', the content's (files, listing,
    /// slugs, references, comments), the series', each published post's and the overdue medical reviews.
    func diagnostics(results: [PostPipeline.Result]? = nil, contentWarnings: [Diagnostic]? = nil) -> [Diagnostic] {
        settingsWarnings + (contentWarnings ?? content.warnings) + series.diagnostics + (results ?? self.results).flatMap(\.diagnostics)
            + pageWarnings + (reviews?.diagnostics ?? [])
    }

    /// The pages with the files of `static/` beside them: the files the build writes (without those written as they
    /// were rendered).
    /// - Throws: `DiagnosticsError` when a static file would take a page's place, with every problem of the site.
    func output() throws -> [OutputFile] {
        guard !content.staticFiles.isEmpty else { return rendered.files }
        let postSources = Dictionary((built.map { ($0.post.path + "index.html", $0.post.source) } + pages.map { ($0.page.path + "index.html", $0.page.source) }),
                                     uniquingKeysWith: { first, _ in first })
        return try StaticOutput.merge(rendered.files, written: rendered.written, content.staticFiles, postSources: postSources,
                                      themeAssets: Set(theme.assets.map(\.path)))
            .mapError { DiagnosticsError(diagnostics() + $0.diagnostics) }.get()
    }
}
