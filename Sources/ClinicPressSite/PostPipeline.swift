import ClinicPressClaims
import ClinicPressMarkdown
import ClinicPressModel
import ClinicPressParallel

/// The per-post stages in order, parse → analyse → render, and what they make of one post or standalone page.
struct PostPipeline: Sendable {
    let parse: ParseStage
    let analyse: AnalyseStage
    let render: RenderStage

    /// What the stages make of one post.
    struct Result: Sendable {
        /// The post with its body rendered; nil when the post has errors that stop the build (broken internal
        /// links), or when bodies are not rendered (`check`).
        var post: BuiltPost?
        /// Build problems (errors stop the build).
        var diagnostics: [Diagnostic]
        /// The claim checker's findings and counts.
        var claims: ClaimAnalysis
    }

    /// What the stages make of one standalone page.
    struct PageResult: Sendable {
        /// The page with its body rendered; nil when the page has errors that stop the build, or when bodies are not
        /// rendered (`check`).
        var page: BuiltPage?
        /// Build problems (errors stop the build).
        var diagnostics: [Diagnostic]
    }

    /// One post through all three stages (a rebuild's changed posts), with all of its comments.
    func build(_ post: Post, comments: [Comment]) -> Result {
        result(analyse.analyse(post, tree: parse.parse(post)), rendering: true, comments: comments)
    }

    /// Every post through the stages, on all cores, in chunks: each stage runs over a whole chunk before the next
    /// starts (and is timed), and a chunk's trees are freed before the next chunk is parsed. `rendering` false
    /// (`check`) stops after the analyses; rendering needs every comment of the site, by post file stem. `progress`
    /// hears of each stage as it first starts.
    func build(_ posts: [Post], rendering: Bool, comments: [String: [Comment]] = [:], times: inout StageTimes,
               progress: (BuildStage) -> Void = { _ in }) -> [Result] {
        var results: [Result] = []
        results.reserveCapacity(posts.count)
        var start = 0
        while start < posts.count {
            let chunk = Array(posts[start..<min(start + Self.chunkSize, posts.count)])
            let first = start == 0
            start += chunk.count
            if first { progress(.parse) }
            let trees = times.measure(.parse) { chunk.parallelMap { parse.parse($0) } }
            if first { progress(.analyse) }
            let analysed = times.measure(.analyse) { Array(chunk.indices).parallelMap { analyse.analyse(chunk[$0], tree: trees[$0]) } }
            if rendering {
                if first { progress(.render) }
                results += times.measure(.render) { analysed.parallelMap { result($0, rendering: true, comments: comments[$0.post.fileStem] ?? []) } }
            } else {
                results += analysed.map { result($0, rendering: false, comments: []) }
            }
        }
        return results
    }

    /// The standalone pages of `Pages/` through the same stages as posts, each stage over every page on all cores, and
    /// timed. `rendering` false (`check`) stops after the analyses.
    func build(_ pages: [Page], rendering: Bool, times: inout StageTimes) -> [PageResult] {
        let trees = times.measure(.parse) { pages.parallelMap { parse.parse($0) } }
        let analysed = times.measure(.analyse) { Array(pages.indices).parallelMap { analyse.analyse(pages[$0], tree: trees[$0]) } }
        guard rendering else { return analysed.map { PageResult(page: nil, diagnostics: $0.diagnostics) } }
        return times.measure(.render) {
            analysed.parallelMap { PageResult(page: $0.diagnostics.containsErrors ? nil : render.render($0), diagnostics: $0.diagnostics) }
        }
    }

    /// Posts per chunk: enough to keep every core busy between the stages, few enough that their trees stay small
    /// beside the rest of a large site (all 10,000 trees at once doubled `check`'s memory; at 1,000 posts, the trees of
    /// a 512-post chunk were 16 MB of a 55 MB peak heap, and 128 posts took 9 MB off the build's peak memory).
    static let chunkSize = 128

    private func result(_ analysed: AnalysedPost, rendering: Bool, comments: [Comment]) -> Result {
        let failed = analysed.diagnostics.containsErrors
        return Result(post: rendering && !failed ? render.render(analysed, citations: analyse.citations(of: analysed), comments: comments) : nil,
                      diagnostics: analysed.diagnostics, claims: analysed.claims)
    }
}
