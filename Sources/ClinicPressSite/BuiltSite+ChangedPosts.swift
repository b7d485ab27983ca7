import ClinicPressContent
import ClinicPressModel
import ClinicPressParallel
import ClinicPressRender
import Foundation

/// A rebuild that redoes only the posts that changed, when nothing else depends on what changed: no post added or
/// deleted, no change to what one post's stages see of the others, settings and the set of published posts as they
/// were (`IncrementalBuild.plan` decides). It runs in two steps, so that a build that fails changes nothing:
/// `prepare` reads the last build and computes everything new, throwing on errors; `apply` then writes it in place.
extension BuiltSite {
    /// What changed, as `IncrementalBuild.plan` found it.
    struct ChangedPosts {
        /// The files read again.
        var read: SiteFiles.Update
        /// The edited posts whose text changed (a file saved unchanged is not here).
        var posts: [Post] = []
        /// The comment folders whose comments changed, by post file stem: all of the post's comments now (nil: the
        /// folder was deleted).
        var comments: [(stem: String, comments: [Comment]?)] = []
        /// The templates, read again after a change to them.
        var theme: Theme?
    }

    /// What `prepare` computed, for `apply`.
    struct PostsUpdate {
        var changes: ChangedPosts
        /// The content's warnings with those of the files read again replaced; nil when they are the same.
        var contentWarnings: [Diagnostic]?
        /// The published posts built again, by their place in `published`.
        var rebuilt: [(index: Int, result: PostPipeline.Result)]
    }

    /// Builds the changed posts again. Nothing of the last build is changed.
    /// - Throws: `DiagnosticsError` when a changed post has an error (a broken link), with every problem of the site,
    ///   as a fresh build reports them.
    func prepare(_ changes: ChangedPosts) throws -> PostsUpdate {
        // Load problems: the last build's, those of the files read again replaced (a fresh build sorts them alike).
        var removed: [Diagnostic] = [], added: [Diagnostic] = []
        for (path, loaded) in changes.read.posts {
            removed += files.post(at: path)?.diagnostics ?? []
            added += loaded?.diagnostics ?? []
        }
        for (name, loaded) in changes.read.commentFolders {
            removed += files.commentFolder(name)?.diagnostics ?? []
            added += loaded?.diagnostics ?? []
        }
        let contentWarnings = removed == added ? nil : Self.replacing(removed, with: added, in: content.warnings)

        // The published posts to build again: those edited, and those whose comments changed, each with its comments.
        var posts: [Int: Post] = [:]
        for post in changes.posts {
            if let index = publishedIndex[post.source] { posts[index] = post }
        }
        var comments: [Int: [Comment]] = [:]
        for (stem, folder) in changes.comments {
            guard let index = publishedIndex["Posts/\(stem).md"] else { continue }
            comments[index] = folder ?? []
            if posts[index] == nil { posts[index] = published[index] }
        }
        let indices = posts.keys.sorted()
        let jobs = indices.map { index in (post: posts[index]!, comments: comments[index] ?? content.comments[published[index].fileStem] ?? []) }
        let pipeline = self.pipeline
        let results = jobs.parallelMap { pipeline.build($0.post, comments: $0.comments) }
        let rebuilt = Array(zip(indices, results))
        if results.contains(where: { $0.diagnostics.containsErrors }) {
            var all = self.results
            for (index, result) in rebuilt { all[index] = result }
            throw DiagnosticsError(diagnostics(results: all, contentWarnings: contentWarnings))
        }
        return PostsUpdate(changes: changes, contentWarnings: contentWarnings, rebuilt: rebuilt)
    }

    /// Takes in what `prepare` computed, and renders again the pages that show it: its posts' own pages and the
    /// pages that list them (`SiteRenderer.update`), or every page after a change to the templates.
    mutating func apply(_ update: PostsUpdate, now: Timestamp) {
        let changes = update.changes
        files.apply(changes.read)
        for post in changes.posts {
            // What other posts' stages saw of these posts (slug, title, date, series…) is unchanged, so the links and
            // series indexes made from them stay as they are.
            content.posts[contentIndex[post.source]!] = post
            if let index = publishedIndex[post.source] { published[index] = post }
        }
        for (stem, comments) in changes.comments {
            content.comments[stem] = comments
        }
        var warningsChanged = false
        if let warnings = update.contentWarnings {
            content.warnings = warnings
            warningsChanged = true
        }

        var rebuilt: [(index: Int, before: BuiltPost)] = []
        for (index, result) in update.rebuilt {
            warningsChanged = warningsChanged || result.diagnostics != results[index].diagnostics
            report.claims.remove(results[index].claims)
            report.claims.add(result.claims)
            report.findingsByFile[published[index].source] = result.claims.findings
            rebuilt.append((index, built[index]))
            results[index] = result
            built[index] = result.post!
        }
        // A post's `reviewed_on`, or the day, may have changed which reviews are due.
        let reviews = ReviewSchedule(published, config: content.config, people: content.people, now: now)
        if reviews?.diagnostics != self.reviews?.diagnostics {
            self.reviews = reviews
            report.reviews = reviews
            warningsChanged = true
        }
        if warningsChanged {
            report.warnings = diagnostics().sorted()
        }

        if let theme = changes.theme {
            self.theme = theme
            let yearFromNow = renderer.yearFromNow
            renderer = Self.renderer(content, theme: theme, now: now, pages: pages)
            renderer.yearFromNow = yearFromNow
            rendered = renderer.render(built, series: liveSeries)
            report.pagesRendered = rendered.files.count { $0.path.hasSuffix(".html") }
            report.pages = report.pagesRendered
            report.changedFiles = nil
        } else {
            let (paths, removed) = renderer.update(&rendered, posts: built, series: liveSeries, rebuilt: rebuilt)
            report.pagesRendered = paths.count { $0.hasSuffix(".html") }
            // Tag pages come and go with a post's tags.
            report.pages = rendered.files.count { $0.path.hasSuffix(".html") }
            report.changedFiles = (paths + removed).sorted()
        }
        report.filesRead = changes.read.filesRead
        report.postsBuilt = update.rebuilt.count
        report.times = StageTimes()
        self.now = now
    }

    /// `warnings` with one of each of `removed` taken out and `added` put in, sorted.
    static func replacing(_ removed: [Diagnostic], with added: [Diagnostic], in warnings: [Diagnostic]) -> [Diagnostic] {
        var result = warnings
        for diagnostic in removed {
            if let index = result.firstIndex(of: diagnostic) { result.remove(at: index) }
        }
        return (result + added).sorted()
    }
}
