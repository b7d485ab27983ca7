import ClinicPressContent
import ClinicPressModel
import ClinicPressRender
import ClinicPressSeries
import Foundation

/// The preview's fast path: when the file watcher reports only edits to posts' text or comments, and the edits change
/// nothing another page shows (front matter, summary, reading time, comment count, findings of other files), only those
/// posts go through the per-post stages and only their pages (and the feed, for recent posts) are rendered again. The
/// result is byte for byte what a full build makes; anything else takes the full path.
extension SiteBuilder {
    /// What the fast path keeps of the last successful build.
    struct LastBuild {
        var options: BuildOptions
        var content: SiteContent
        var published: [Post]
        var publishedIndex: [String: Int]
        /// Where each post is in `content.posts`.
        var contentIndex: [String: Int]
        var stage: PostPipeline
        var siteKey: Int
        var results: [PostPipeline.Result]
        /// `results`' built posts, kept beside them: rebuilding this array from `results` on every edit would copy
        /// 10,000 posts, which is most of what the fast path saves.
        var built: [BuiltPost]
        var renderer: SiteRenderer
        var liveSeries: [Series]
        var siteFingerprint: Int
        var files: [OutputFile]
        var fileIndex: [String: Int]
        var report: BuildReport
    }

    /// Renders the site again from `last`, redoing only changed posts. Nil when the changes need the full path.
    static func renderChangedPosts(_ options: BuildOptions, cache: BuildCache, last: consuming LastBuild, started: DispatchTime)
        -> (files: [OutputFile], report: BuildReport)? {
        var next = last
        guard options.siteDirectory == next.options.siteDirectory, options.includeDrafts == next.options.includeDrafts,
              options.baseURL == next.options.baseURL, options.preview == next.options.preview,
              options.strict == next.options.strict,
              let changes = cache.content.update(options.siteDirectory), !changes.siteWide else { return nil }
        // A post that became due (or stopped being) changes lists and badges.
        let before = next.options.now
        guard !next.content.posts.contains(where: { $0.isScheduled(now: options.now) != $0.isScheduled(now: before) }) else { return nil }

        var changed: Set<Int> = []
        for change in changes.posts {
            // The same file, parsed without errors, with the same front matter and the same load warnings.
            guard let before = change.before, let after = change.after, change.sameDiagnostics, !change.afterHasErrors,
                  after.frontMatterHash == before.frontMatterHash, let index = next.publishedIndex[change.path],
                  let contentIndex = next.contentIndex[change.path] else { return nil }
            next.published[index] = after
            next.content.posts[contentIndex] = after
            changed.insert(index)
        }
        for change in changes.commentFolders {
            let stem = String(change.name.dropLast(".comments".count))
            guard let before = change.before, let after = change.after, change.sameDiagnostics, !change.afterHasErrors,
                  let index = next.publishedIndex["Posts/\(stem).md"] else { return nil }
            if before != after {
                next.content.comments[stem] = after
                next.stage.render.comments[stem] = after
                changed.insert(index)
            }
        }

        var stored: [(key: String, fingerprint: Int, value: PostPipeline.Result)] = []
        for index in changed.sorted() {
            let post = next.published[index]
            let key = postKey(post, siteKey: next.siteKey, comments: next.content.comments[post.fileStem])
            var result = next.stage.build(post)
            result.post?.fingerprint = key
            result.post?.fingerprintListing()
            // Broken links stop the build (the full path shows them); a new warning or a changed list entry shows elsewhere.
            guard let built = result.post, result.diagnostics == next.results[index].diagnostics,
                  built.listingFingerprint == next.built[index].listingFingerprint else { return nil }
            next.report.claims.remove(next.results[index].claims)
            next.report.claims.add(result.claims)
            next.report.findingsByFile[post.source] = result.claims.findings
            next.results[index] = result
            next.built[index] = built
            stored.append((post.source, key, result))
        }
        cache.results.store(stored)
        cache.results.record(computed: stored.count, of: next.results.count)

        var replaced: [String] = []
        for index in changed.sorted() {
            let page = next.renderer.renderPost(at: index, of: next.built, series: next.liveSeries, cache: cache.pages,
                                                siteFingerprint: next.siteFingerprint)
            guard let position = next.fileIndex[page.path] else { return nil }
            next.files[position] = page
            replaced.append(page.path)
        }
        if changed.contains(where: { $0 < SiteRenderer.feedEntries }), let position = next.fileIndex["feed.xml"] {
            next.files[position] = next.renderer.feed(next.built)
            replaced.append("feed.xml")
        }
        cache.pages.record(computed: changed.count, of: next.files.count)
        next.options = options
        next.report.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let result = (next.files, next.report)
        cache.lastChangedFiles = replaced
        cache.keepLastBuild(next)
        return result
    }

    /// The cache key of a post's Markdown stage result: the site-wide inputs, the post's file and its comments.
    static func postKey(_ post: Post, siteKey: Int, comments: [Comment]?) -> Int {
        var hasher = Hasher()
        hasher.combine(siteKey)
        hasher.combine(post.contentHash)
        hasher.combine(comments ?? [])
        return hasher.finalize()
    }
}
