import ClinicPressContent
import ClinicPressModel
import ClinicPressRender
import Foundation
import Synchronization

/// The build, keeping what the last one read and made: told what changed since (`SiteChanges`), it redoes the least
/// that gives the site a fresh build would give, byte for byte.
///
/// `clinicpress build` is `IncrementalBuild(options).build(.everything)`: the first build of a site reads and builds
/// everything, through the same code. The preview server keeps one and hands it what its file watcher saw.
///
/// What a change redoes (`plan`):
/// - **everything** (a first build, a lost watcher queue): every file read, every post built, every page rendered;
/// - **settings** (`site.yaml`, `references.yaml`), **a post added or deleted**, **a change to what one post's stages
///   see of the others** (slug, title, date, draft, series, part), **a post becoming due**, or **a file that no longer
///   loads cleanly** (stage 1 then reports every problem of the site): every post built and every page rendered
///   again, from the files already read and those the changes name;
/// - **a post's text or its comments**: that post built again, its page rendered again, and, when what lists show of it
///   changed, the pages that list it (`SiteRenderer.update`);
/// - **templates**: every page rendered again (unless they are the same as before: saved unchanged); no post is built
///   again.
///
/// A build that fails changes nothing: the next one starts from the last successful build, with every change since.
/// One build runs at a time (the state is behind a lock for the whole build).
public final class IncrementalBuild: Sendable {
    /// What to build and how; `now` is the moment of a build that is not given one.
    public let options: BuildOptions
    let state = Mutex(State())

    struct State {
        /// The last successful build; nil before the first.
        var last: BuiltSite?
        /// Every change since the last successful build.
        var unbuilt = SiteChanges()
    }

    /// A build of the site `options` describe, before its first build.
    public init(_ options: BuildOptions) {
        self.options = options
    }

    /// Builds the site into files, without writing them: the first time (or with `.everything`) all of it, then
    /// what `changes` (every change since the last successful build) calls for. `now` decides which posts are
    /// scheduled (`options.now` when nil).
    /// - Throws: `DiagnosticsError` with every problem of the site when any is an error; the last successful build is
    ///   kept, and the next build redoes these changes too.
    public func build(_ changes: SiteChanges, now: Timestamp? = nil, progress: SiteBuilder.Progress = { _, _ in })
        throws -> (files: [OutputFile], report: BuildReport) {
        try build(changes, now: now, progress: progress, published: { _ in })
    }

    /// `build`, calling `published` with the posts to publish as soon as they are known (before any is parsed) when
    /// every post is built. With `write` (a one-shot build), every page is handed to it as it is rendered and only the
    /// other files are returned; such a build keeps nothing for the next one, which then builds everything.
    func build(_ changes: SiteChanges, now: Timestamp?, progress: SiteBuilder.Progress, published: ([Post]) -> Void,
               write: (@Sendable (OutputFile) -> Void)? = nil) throws -> (files: [OutputFile], report: BuildReport) {
        let started = DispatchTime.now()
        let now = now ?? options.now
        // A build that writes as it renders keeps no files, so it builds everything and leaves nothing to build on.
        let keepsSite = write == nil
        return try state.withLock { state in
            state.unbuilt.formUnion(changes)
            var site: BuiltSite
            switch keepsSite ? plan(state.unbuilt, last: state.last, now: now) : .everyPost(nil) {
            case .everyPost(let update):
                site = try BuiltSite(options, files: state.last?.files, update: update, now: now, progress: progress, published: published,
                                     write: write)
            case .changedPosts(let changes):
                let update = try state.last!.prepare(changes)
                // Taken out of the state, so that it alone holds its arrays and `apply` changes them in place.
                site = state.last.take()!
                site.apply(update, now: now)
            }
            // A static file that would take a page's place fails the build (a rebuild that took the last build out
            // leaves none: the next build starts afresh, with every change since).
            let files = try site.output()
            site.report.files = files.count + site.rendered.written.count
            site.report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            state.last = keepsSite ? site : nil
            state.unbuilt = keepsSite ? SiteChanges() : .everything
            return (files, site.report)
        }
    }

    /// What a build redoes.
    enum Plan {
        /// Every post built and every page rendered: from every file read again (nil), or from the last build's files
        /// with these read again.
        case everyPost(SiteFiles.Update?)
        /// Only the changed posts built again, and the pages that show them rendered again.
        case changedPosts(BuiltSite.ChangedPosts)
    }

    /// Decides what to redo, from the changes and from the files they name as they are now.
    func plan(_ changes: SiteChanges, last: BuiltSite?, now: Timestamp) -> Plan {
        guard let last, !changes.everything else { return .everyPost(nil) }
        let read = last.files.reading(changes, in: options.siteDirectory)
        // Settings reach every post's stages (claim rules, references, the base URL) and every page.
        if changes.settings { return .everyPost(read) }
        // A post that became due (or stopped being) changes which posts are published, or their badges.
        if last.content.posts.contains(where: { $0.isScheduled(now: now) != $0.isScheduled(now: last.now) }) { return .everyPost(read) }

        var plan = BuiltSite.ChangedPosts(read: read)
        for (path, loaded) in read.posts {
            switch (last.files.post(at: path)?.post, loaded) {
            case (nil, nil):
                continue  // written and deleted again between two builds
            case (let before?, let after?):
                // A file that does not load cleanly: a fresh build's stage 1 reports every problem of the site.
                guard let post = after.post, !after.diagnostics.containsErrors else { return .everyPost(read) }
                guard Self.othersSeeTheSame(before, post) else { return .everyPost(read) }
                if post.frontMatterHash != before.frontMatterHash || post.body != before.body { plan.posts.append(post) }
            default:
                // A post added or deleted: lists, neighbours, links and series change.
                return .everyPost(read)
            }
        }
        for (name, loaded) in read.commentFolders {
            let stem = String(name.dropLast(".comments".count))
            if let loaded {
                // Errors in a comment file, or comments of no post, are reported with every problem of the site.
                guard !loaded.diagnostics.containsErrors, last.files.post(at: "Posts/\(stem).md") != nil else { return .everyPost(read) }
            }
            if loaded?.comments != last.content.comments[stem] { plan.comments.append((stem, loaded?.comments)) }
        }
        if changes.templates {
            // Templates with errors are reported with every problem of the site.
            guard let theme = try? SiteBuilder.loadTheme(options) else { return .everyPost(read) }
            // Posts may point at the theme's assets: another set of them is checked in every post again.
            guard theme.assets.map(\.path) == last.theme.assets.map(\.path) else { return .everyPost(read) }
            // Interface strings reach post bodies too (the label of each heading's anchor link).
            guard theme.strings == last.theme.strings else { return .everyPost(read) }
            // Its warnings are reported with every problem of the site (a strings file's unknown key moved to another line).
            guard theme.warnings == last.theme.warnings else { return .everyPost(read) }
            // Saved unchanged (or a folder made): every page stays as it is.
            if !theme.rendersLike(last.theme) { plan.theme = theme }
        }
        return .changedPosts(plan)
    }

    /// Whether every other post's per-post stages, and the site's lists and series, see `a` and `b` alike: what links
    /// resolve to (slug, draft, date), series membership and order (title, series, part, parts, date), and where
    /// series problems are reported (the lines of those keys).
    static func othersSeeTheSame(_ a: Post, _ b: Post) -> Bool {
        a.source == b.source && a.slug == b.slug && a.title == b.title && a.date == b.date && a.isDraft == b.isDraft
            && a.series == b.series && a.part == b.part && a.parts == b.parts
            && ["title", "date", "series", "part", "parts"].allSatisfy { a.keyLines[$0] == b.keyLines[$0] }
    }
}
