import ClinicPressComments
import ClinicPressMarkdown
import ClinicPressModel
import ClinicPressText

/// Stage 4 of the build, for one post or standalone page: its body as HTML with the analyses' annotations applied and
/// its headings' anchors; for a post also its summary, word count and published comments. (`SiteRenderer` then renders
/// the pages around the bodies.)
struct RenderStage: Sendable {
    /// Previews show pending comments, marked, under the approved ones.
    let includePendingComments: Bool
    /// What a heading's anchor link says to screen readers, before the heading's text.
    var anchorLabel = "Link to this section"

    /// The longest summary taken from a first paragraph, in characters.
    static let summaryLimit = 280

    /// The post's body and facts; `comments` are all of its comments, of every status (only approved ones are published).
    func render(_ analysed: AnalysedPost, citations: (annotations: HTMLAnnotations, sources: [CitedSource]), comments: [Comment]) -> BuiltPost {
        let post = analysed.post, root = analysed.tree.root
        let summary = post.summary ?? Self.summary(root, replaced: citations.annotations.replacements)
        let published = CommentRenderer.publish(CommentThreads.approved(comments, includingPending: includePendingComments))
        let body = html(analysed.tree, annotations: citations.annotations)
        var built = BuiltPost(post: post, html: body.html, summary: summary,
                              wordCount: Self.countWords(root), sources: citations.sources, comments: published, series: analysed.series)
        built.imageSize = analysed.imageSize
        built.headings = body.headings
        return built
    }

    /// A standalone page's body.
    func render(_ analysed: AnalysedPage) -> BuiltPage {
        let body = html(analysed.tree, annotations: analysed.annotations)
        return BuiltPage(page: analysed.page, html: body.html, headings: body.headings)
    }

    /// A post's or page's body as HTML with `annotations` applied, each heading given its id and anchor link; and the
    /// `##` and `###` headings for a table of contents.
    private func html(_ tree: MarkdownTree, annotations: HTMLAnnotations) -> (html: String, headings: [Heading]) {
        var annotations = annotations
        let headings = HeadingAnchors(tree.root, annotations: &annotations, label: anchorLabel).headings
        return (tree.html(annotations: annotations), headings)
    }

    /// The first paragraph with words in it, as plain text (the text of links kept, pictures and raw HTML left out, runs
    /// of spaces made one), shortened. A paragraph that is only a picture, or that became a video embed, is passed
    /// over: the summary was empty, or a video's address.
    static func summary(_ root: MarkdownNode, replaced: [Int: String]) -> String {
        var summary = ""
        root.walk(enter: { node in
            guard node.kind == .paragraph else { return .descend }
            guard replaced[node.id] == nil else { return .skipChildren }
            summary = node.plainText.collapsingSpaces
            return summary.isEmpty ? .skipChildren : .stop
        })
        return shorten(summary, to: summaryLimit)
    }

    /// Words a reader reads: text and inline code, not raw HTML or code blocks. Each text or code node's words are
    /// counted on their own.
    static func countWords(_ tree: MarkdownNode) -> Int {
        var count = 0
        tree.forEach { node in
            guard node.kind == .text || node.kind == .code else { return }
            node.withLiteralUTF8 { count += wordCount($0) }
        }
        return count
    }

    /// The words of `bytes`: runs of bytes other than space, tab and line feed. Eight bytes at a time: a word starts at
    /// a byte that is no white space after one that is (or at the start); the loads read `offset..<offset + 8`, inside
    /// `bytes`. `UnsafeCodeTests.wordCountMatchesAPlainCount` compares it with a byte-by-byte count.
    static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let high: UInt64 = 0x8080_8080_8080_8080, low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// The high bit of each byte of `chunk` equal to `byte` (exactly: no carry crosses bytes).
        func equal(_ chunk: UInt64, _ byte: UInt8) -> UInt64 {
            let difference = chunk ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
            return ~(((difference & low) &+ low) | difference) & high
        }
        var count = 0
        var offset = 0
        var afterSpace: UInt64 = 0x80  // the start counts as after white space
        if let base = bytes.baseAddress {
            while offset + 8 <= bytes.count {
                let chunk = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
                let space = equal(chunk, 0x20) | equal(chunk, 0x09) | equal(chunk, 0x0A)
                count += (~space & high & ((space << 8) | afterSpace)).nonzeroBitCount
                afterSpace = space >> 56
                offset += 8
            }
        }
        var inWord = afterSpace == 0
        while offset < bytes.count {
            let isSpace = bytes[offset] == 0x20 || bytes[offset] == 0x09 || bytes[offset] == 0x0A
            if !isSpace, !inWord { count += 1 }
            inWord = !isSpace
            offset += 1
        }
        return count
    }

    /// `text` cut at the last word boundary before `limit` characters, with an ellipsis.
    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let boundary = cut.lastIndex(of: " ") ?? cut.endIndex
        var shortened = String(cut[..<boundary])
        while let last = shortened.last, last == "," || last == ";" || last == ":" || last == " " { shortened.removeLast() }
        return shortened + "…"
    }
}
