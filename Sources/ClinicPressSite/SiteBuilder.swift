import ClinicPressClaims
import ClinicPressComments
import ClinicPressContent
import ClinicPressSeries
import ClinicPressText
import ClinicPressMarkdown
import ClinicPressModel
import ClinicPressParallel
import ClinicPressRender
import Foundation

/// What to build and how.
public struct BuildOptions: Sendable {
    /// The site folder: `site.yaml`, `Posts/`, `Templates/`.
    public var siteDirectory: URL
    /// Where the site is written; `Public/` in the site folder by default.
    public var outputDirectory: URL
    /// Publish drafts and scheduled (future-dated) posts too, for previews.
    public var includeDrafts: Bool
    /// Replaces `base_url` from `site.yaml` (a staging deploy, say).
    public var baseURL: String?
    /// The moment that decides which posts are scheduled. Tests fix it; the command line uses the clock.
    public var now: Timestamp
    /// When the build fails, writing nothing (`build --fail-on`); `.never` by default.
    public var failOn: FailurePolicy
    /// `--strict`: fail, writing nothing, when there are warnings or claim findings at warning or error level. The same
    /// as `failOn == .warning`.
    public var strict: Bool {
        get { failOn == .warning }
        set { failOn = newValue ? .warning : .never }
    }
    /// Compute `BuildReport.digest` (`build --report`): one hash over every file written.
    public var computeDigest = false
    /// A preview for editors (the `serve` command): pending comments are shown, marked, under the approved ones.
    /// Never for output that is deployed.
    public var preview = false
    /// `build --force-output`: replace a non-empty output folder that ClinicPress did not build (see `OutputGuard`).
    public var forceOutput = false

    /// Creates options; the output defaults to `Public/` inside the site.
    public init(siteDirectory: URL, outputDirectory: URL? = nil, includeDrafts: Bool = false, baseURL: String? = nil, now: Timestamp = .now,
                strict: Bool = false) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory ?? siteDirectory.appendingPathComponent("Public")
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.now = now
        self.failOn = strict ? .warning : .never
    }
}

/// What a build did, for the summary line and for scripts.
public struct BuildReport: Sendable {
    /// Posts published.
    public var posts: Int
    /// HTML pages written (posts, lists, tags, archive, 404).
    public var pages: Int
    /// Every file written, assets and feeds included.
    public var files: Int
    /// Drafts and scheduled posts left out.
    public var skippedDrafts: Int
    public var skippedScheduled: Int
    /// Warnings found on the way (errors make the build throw).
    public var warnings: [Diagnostic]
    /// The claim checker's findings by post file, each list sorted: uncited claims, citation problems, listed
    /// suppressions. They do not stop a build unless it is strict. Unchanged posts keep the very same lists between
    /// the preview's rebuilds, so comparing them is cheap.
    public var findingsByFile: [String: [Diagnostic]]
    /// How many claims, cited claims and suppressed claims the posts have.
    public var claims: ClaimCounts
    /// The site path of each published post's page, by the post's file.
    public var postPaths: [String: String]
    /// Wall time in seconds.
    public var seconds: Double
    /// Wall time of each stage (`--timings`). Zero for stages that did not run, and for rebuilds of changed posts.
    public var times = StageTimes()
    /// The posts due a medical review, when site.yaml sets `review_every` (each is also a `review-overdue` warning).
    public var reviews: ReviewSchedule?
    /// How many post files and comment folders this build read (a rebuild reads only those that changed).
    public var filesRead = 0
    /// How many posts went through the per-post stages (parse, analyse, render their body); the others are the last
    /// build's.
    public var postsBuilt = 0
    /// How many HTML pages were rendered; the others are the last build's.
    public var pagesRendered = 0
    /// The paths whose file this build made again (it may be the same, too), added or removed, sorted, when every other
    /// file is the last build's, byte for byte; nil when any file may have changed, been added or been removed.
    public var changedFiles: [String]?

    /// The base URL the pages were built for (`base_url`, or `--base-url`), with its final `/`.
    public var baseURL = ""
    /// `OutputDigest.of` the files written, when the options asked for it and the output was written.
    public var digest: String?

    /// True when a `--strict` build must fail: any warning, or any finding at warning or error level.
    public var failsStrictMode: Bool { FailurePolicy.warning.fails(self) }
}

/// `build --fail-on`: which findings make a build fail (exit 1) without writing anything. Errors in the input always
/// fail a build (exit 2), whatever the policy.
public enum FailurePolicy: String, Sendable, CaseIterable {
    /// Claim findings at error level (the ones that make `check` exit 1).
    case error
    /// Any warning of the build, or claim findings at warning or error level: the same as `--strict`.
    case warning
    /// Nothing but errors in the input: every build that can be built is written. The default.
    case never

    /// True when `report`'s findings fail a build under this policy.
    public func fails(_ report: BuildReport) -> Bool {
        switch self {
        case .error: report.claims.errors > 0 || report.warnings.containsErrors
        case .warning: !report.warnings.isEmpty || report.claims.errors + report.claims.warnings > 0
        case .never: false
        }
    }

    /// The lowest severity that fails a build under this policy (nil for `.never`).
    public var threshold: Diagnostic.Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .never: nil
        }
    }
}

/// Claim totals over the site, for the build summary.
public struct ClaimCounts: Sendable {
    public var claims = 0
    public var cited = 0
    public var suppressed = 0
    /// Findings at error and at warning level.
    public var errors = 0
    public var warnings = 0

    init(_ analyses: [ClaimAnalysis]) {
        for analysis in analyses { add(analysis) }
    }

    mutating func add(_ analysis: ClaimAnalysis) {
        count(analysis, times: 1)
    }

    mutating func remove(_ analysis: ClaimAnalysis) {
        count(analysis, times: -1)
    }

    private mutating func count(_ analysis: ClaimAnalysis, times sign: Int) {
        claims += sign * analysis.claims
        cited += sign * analysis.citedClaims
        suppressed += sign * analysis.suppressedClaims
        for finding in analysis.findings {
            switch finding.severity {
            case .error: errors += sign
            case .warning: warnings += sign
            case .info: break
            }
        }
    }
}

/// A build whose findings fail its `--fail-on` policy (or `--strict`): nothing was written.
public struct StrictModeFailure: Error, Sendable {
    public let report: BuildReport
    public let policy: FailurePolicy
}

/// The build: load → parse → analyse → render → write (`BuildStage`). The per-post stages are in `PostPipeline`; a
/// build that keeps what it made for the next one (the preview's) is an `IncrementalBuild`, and so is every build.
public enum SiteBuilder {
    /// Called as each stage starts (the loading stage: once it has loaded), with the number of posts.
    public typealias Progress = (_ stage: BuildStage, _ posts: Int) -> Void

    /// Builds the site into files without writing them (tests use this): `IncrementalBuild`'s first build.
    public static func render(_ options: BuildOptions, progress: Progress = { _, _ in }) throws -> (files: [OutputFile], report: BuildReport) {
        try IncrementalBuild(options).build(.everything, progress: progress)
    }

    /// Runs the first three stages, load → parse → analyse: every finding, no page. The report has no pages or files.
    public static func check(_ options: BuildOptions, progress: Progress = { _, _ in }) throws -> BuildReport {
        let started = DispatchTime.now()
        var times = StageTimes()
        let (content, theme, problems) = try times.measure(.load) { try load(options) }
        progress(.load, content.posts.count)
        let posts = Publication(content.posts, options: options)
        let series = SeriesIndex(posts: content.posts, isPublished: posts.isPublished)
        let pipeline = makePipeline(content, theme: theme, options: options, published: posts.published, series: series)
        let results = pipeline.build(posts.published, rendering: false, times: &times) { progress($0, content.posts.count) }
        let reviews = ReviewSchedule(posts.published, config: content.config, people: content.people, now: options.now)
        let pageWarnings = pipeline.build(content.pages, rendering: false, times: &times).flatMap(\.diagnostics)
        let diagnostics = problems + content.warnings + series.diagnostics + results.flatMap(\.diagnostics) + pageWarnings + (reviews?.diagnostics ?? [])
        guard !diagnostics.containsErrors else { throw DiagnosticsError(diagnostics) }
        return BuildReport(
            posts: posts.published.count, pages: 0, files: 0,
            skippedDrafts: options.includeDrafts ? 0 : posts.drafts, skippedScheduled: options.includeDrafts ? 0 : posts.scheduled,
            warnings: diagnostics.sorted(),
            findingsByFile: Dictionary(zip(posts.published.map(\.source), results.map(\.claims.findings)), uniquingKeysWith: +),
            claims: ClaimCounts(results.map(\.claims)), postPaths: [:],
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9, times: times, reviews: reviews
        )
    }

    /// Stage 1: the site's content and templates, both loaded so that one run reports the problems of both. Throws
    /// the errors; returns the warnings.
    private static func load(_ options: BuildOptions) throws -> (SiteContent, Theme, [Diagnostic]) {
        try load(options) { try SiteContent.load(from: options.siteDirectory) }
    }

    /// Stage 1 with the content from `loadContent` (`IncrementalBuild` assembles it from the files it keeps).
    static func load(_ options: BuildOptions, content loadContent: () throws -> SiteContent) throws -> (SiteContent, Theme, [Diagnostic]) {
        var problems: [Diagnostic] = []
        var content: SiteContent?
        var theme: Theme?
        // The templates compile, and the claim checker reads its word lists and weights, on another core while the
        // posts are read: a tenth of a second of serial work on a 10,000-post site.
        let (loaded, themeResult) = concurrently({ Result { try loadContent() } }) {
            ClaimChecker.readWordLists()
            return Result { try loadTheme(options) }
        }
        do { content = try loaded.get() } catch { try absorb(error, into: &problems) }
        do { theme = try themeResult.get() } catch { try absorb(error, into: &problems) }
        problems += theme?.warnings ?? []
        if let content {
            problems += ClaimChecker.validate(content.config.claims) + CommentScreener.validate(content.config.comments)
        }
        guard var content, let theme, !problems.containsErrors else { throw DiagnosticsError(problems) }
        if let baseURL = options.baseURL {
            content.config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        } else if let host = content.config.exampleHost {
            // `clinicpress init` writes https://blog.example.com/ until the clinic says where the site will live.
            problems.append(.warning("`base_url` is an example address (\(host)): canonical URLs, the sitemap and the feed would point at it",
                                     at: content.config.baseURLLocation, rule: "site-config",
                                     hint: "set base_url in site.yaml to the address the site is published at, such as https://blog.yourclinic.com/ (or build with --base-url)"))
        }
        // The site's link-preview picture and people's photos, like a post's `image`: files of the site, or errors at their lines.
        let files = LocalFiles(staticFiles: content.staticFiles, themeAssets: theme.assets.map(\.path), basePath: content.config.basePath)
        if let image = content.config.image, case .missing(let path, let suggestion, _) = files.resolveFrontMatterImage(image) {
            problems.append(LocalFiles.missingFile("`image`", written: image, path: path, suggestion: suggestion, relativeTo: nil,
                                                   at: content.config.imageLocation))
        }
        // Interface strings the theme does not have are kept (a custom template may use them), with a warning.
        let knownStrings = Set(theme.strings.values.flatMap(\.keys))
        for (key, _, location) in content.config.strings where !knownStrings.contains(key) {
            problems.append(StringsFile.unknownKey(key, known: knownStrings.sorted(), at: location, rule: "site-config"))
        }
        for person in content.people.all {
            if let photo = person.photo, case .missing(let path, let suggestion, _) = files.resolveFrontMatterImage(photo) {
                problems.append(LocalFiles.missingFile("`photo`", written: photo, path: path, suggestion: suggestion, relativeTo: nil,
                                                       at: person.photoLocation ?? person.location))
            }
        }
        return (content, theme, problems)
    }

    /// Adds a loading error's diagnostics to `problems`; any other error is thrown on.
    private static func absorb(_ error: any Error, into problems: inout [Diagnostic]) throws {
        guard let error = error as? DiagnosticsError else { throw error }
        problems += error.diagnostics
    }

    /// The default theme with the site's `Templates/` in its place.
    static func loadTheme(_ options: BuildOptions) throws -> Theme {
        try Theme.load(templatesDirectory: existingDirectory(options.siteDirectory.appendingPathComponent("Templates")))
    }

    /// Which posts this build publishes.
    struct Publication {
        let published: [Post]
        let drafts: Int
        let scheduled: Int
        let isPublished: (Post) -> Bool

        init(_ posts: [Post], options: BuildOptions) {
            drafts = posts.count(where: \.isDraft)
            scheduled = posts.count { !$0.isDraft && $0.isScheduled(now: options.now) }
            published = options.includeDrafts ? posts : posts.filter { !$0.isDraft && !$0.isScheduled(now: options.now) }
            let sources = Set(published.map(\.source))
            isPublished = { sources.contains($0.source) }
        }
    }

    /// The per-post stages, set up for this site.
    static func makePipeline(_ content: SiteContent, theme: Theme, options: BuildOptions, published: [Post], series: SeriesIndex) -> PostPipeline {
        PostPipeline(
            parse: ParseStage(options: MarkdownOptions(allowRawHTML: content.config.allowRawHTML)),
            analyse: AnalyseStage(
                links: InternalLinks(all: content.posts, published: published, series: series.series, basePath: content.config.basePath,
                                     pages: content.pages.map(\.slug), people: content.people.all.map(\.key)),
                files: LocalFiles(staticFiles: content.staticFiles, themeAssets: theme.assets.map(\.path), basePath: content.config.basePath),
                claims: ClaimChecker(settings: content.config.claims, references: content.references),
                references: content.references, series: series, basePath: content.config.basePath
            ),
            render: RenderStage(includePendingComments: options.preview, anchorLabel: UIStrings(content.config, theme: theme)("heading_link"))
        )
    }

    /// Builds the site and swaps it into the output folder. On any error the previous output stays untouched.
    /// - Throws: `DiagnosticsError` for problems in the site's files; other errors for the file system.
    public static func build(_ options: BuildOptions, progress: Progress = { _, _ in }) throws -> BuildReport {
        let started = DispatchTime.now()
        let writer = OutputWriter(outputDirectory: options.outputDirectory, siteDirectory: options.siteDirectory, force: options.forceOutput,
                                  hashFiles: options.computeDigest)
        // Each post's folder is created in the background while the posts are parsed and the pages rendered.
        let folders = DispatchGroup()
        // An output that may not be replaced is reported before the site is read, not after a long build.
        try writer.checkOutputIsSafeToReplace()
        do {
            var (files, report) = try IncrementalBuild(options).build(.everything, now: options.now, progress: progress, published: { posts in
                let directories = ["posts"] + posts.map { String(SitePaths.post($0.slug).dropLast()) }
                DispatchQueue.global().async(group: folders) { writer.prepare(directories) }
            }, write: { writer.write($0) })
            folders.wait()
            if options.failOn.fails(report) {
                throw StrictModeFailure(report: report, policy: options.failOn)
            }
            progress(.write, report.posts)
            let (count, entries) = try report.times.measure(.write) { try writer.finish(files) }
            report.files = count
            if options.computeDigest { report.digest = OutputDigest.of(entries) }
            report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            return report
        } catch {
            folders.wait()
            writer.discard()
            throw error
        }
    }

    /// `url` when anything is there — a folder, but also a file or a link that leads nowhere, which the theme then
    /// reports as unreadable instead of quietly using the built-in one; nil when nothing is (the built-in theme).
    private static func existingDirectory(_ url: URL) -> URL? {
        var status = stat()
        return lstat(url.path, &status) == 0 ? url : nil
    }
}

extension Timestamp {
    /// The current moment in UTC.
    public static var now: Timestamp {
        Timestamp(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
    }
}
