import ClinicPressClaims
import ClinicPressComments
import ClinicPressSeries
import ClinicPressMarkdown
import ClinicPressModel

/// Parses each post's Markdown once, checks its claims, resolves its internal links, numbers its citations,
/// and renders its body to HTML.
struct MarkdownStage: Sendable {
    let options: MarkdownOptions
    let links: InternalLinks
    let claims: ClaimChecker
    let references: [String: Reference]
    /// Every comment of the site, by post file stem; only approved ones are published.
    var comments: [String: [Comment]]
    let series: SeriesIndex
    let basePath: String
    /// Previews show pending comments, marked, under the approved ones.
    let includePendingComments: Bool
    /// False for `check`: the findings are made, but not the HTML, summary, word count or comments no page will show.
    var renderBodies = true

    /// The longest summary taken from a first paragraph, in characters.
    static let summaryLimit = 280

    /// What the stage makes of one post.
    struct Result: Sendable {
        /// Nil when the post has errors that stop the build (broken internal links).
        var post: BuiltPost?
        /// Build problems (errors stop the build).
        var diagnostics: [Diagnostic]
        /// The claim checker's findings and counts.
        var claims: ClaimAnalysis
    }

    func build(_ post: Post) -> Result {
        let document = MarkdownDocument(post.body, firstLine: post.bodyFirstLine, options: options)
        var diagnostics: [Diagnostic] = []
        document.rewriteLinks { destination, position in
            switch links.resolve(destination) {
            case .external:
                return nil
            case .resolved(let url):
                return url
            case .broken(let message, let hint):
                let location = SourceLocation(file: post.source, line: position.isUnknown ? post.bodyFirstLine : position.line,
                                              column: position.isUnknown ? 1 : position.column)
                diagnostics.append(.error(message, at: location, rule: "broken-link", hint: hint))
                return nil
            }
        }
        let membership = series.membership(of: post)
        if let membership {
            linkSeriesReferences(in: document, post: post, membership: membership, diagnostics: &diagnostics)
        }
        let tree = document.tree()
        let analysis = claims.check(tree, body: post.body, bodyFirstLine: post.bodyFirstLine, file: post.source)
        guard renderBodies else {
            let unrendered = BuiltPost(post: post, html: "", summary: "", wordCount: 0, series: membership)
            return Result(post: diagnostics.containsErrors ? nil : unrendered, diagnostics: diagnostics, claims: analysis)
        }
        // The summary and word count read the tree before citations are numbered: that edit frees nodes.
        let summary = post.summary ?? Self.shorten(tree.first { $0.kind == .paragraph }?.plainText ?? "", to: Self.summaryLimit)
        let wordCount = Self.countWords(tree)
        let sources = numberCitations(in: document, analysis: analysis)
        let published = CommentRenderer.publish(CommentThreads.approved(comments[post.fileStem] ?? [], includingPending: includePendingComments))
        let built = BuiltPost(post: post, html: document.renderHTML(), summary: summary, wordCount: wordCount, sources: sources,
                              comments: published, series: membership)
        return Result(post: diagnostics.containsErrors ? nil : built, diagnostics: diagnostics, claims: analysis)
    }

    /// Replaces footnote markers, `[@key]` and citing links by superscript numbers that point into the post's
    /// "Sources" list, takes cmark-gfm's footnote section out, and returns the list.
    private func numberCitations(in document: MarkdownDocument, analysis: ClaimAnalysis) -> [CitedSource] {
        document.editInlines { inline in
            switch inline.kind {
            case .footnoteReference:
                return analysis.number(of: .footnote(label: inline.literal ?? "")).map { .replace(html: Self.superscript($0)) }
            case .link:
                return inline.destination.flatMap { analysis.number(of: .link(url: $0)) }.map { .insertAfter(html: Self.superscript($0)) }
            case .text:
                return splitReferences(inline.literal ?? "", analysis: analysis)
            default:
                return nil
            }
        }
        let footnotes = Dictionary(document.removeFootnoteDefinitions().map { ($0.label, $0.html) }, uniquingKeysWith: { first, _ in first })
        return analysis.sources.enumerated().map { index, source in
            let number = index + 1
            switch source {
            case .footnote(let label):
                let html = footnotes[label] ?? ""
                return CitedSource(number: number, html: html, name: HTMLText.plain(html), url: HTMLText.firstLink(html))
            case .reference(let key):
                let reference = references[key]!
                return CitedSource(number: number, html: Self.html(for: reference), name: reference.title, url: reference.link)
            case .link(let url):
                let text = analysis.linkTexts[url] ?? url
                let label = text == url ? "" : "\(Markup.escape(text)), "
                return CitedSource(number: number, html: "\(label)<a href=\"\(Markup.escape(url))\">\(Markup.escape(url))</a>", name: text, url: url)
            }
        }
    }

    /// Turns phrases that point at another part of the post's series ("in part two", "the next part") into links
    /// to that part when it is published, and warns at the phrase when it is not.
    private func linkSeriesReferences(in document: MarkdownDocument, post: Post, membership: (series: Series, part: Int),
                                      diagnostics: inout [Diagnostic]) {
        document.editInlines { inline in
            guard inline.kind == .text, !inline.insideLinkOrHeading, let text = inline.literal else { return nil }
            let matches = SeriesReferenceScanner.scan(text).filter { $0.reference.target(from: membership.part) != membership.part }
            guard !matches.isEmpty else { return nil }
            let scalars = [Unicode.Scalar](scalarsOf: text)
            var pieces: [TextPiece] = []
            var cursor = 0
            for match in matches {
                let target = match.reference.target(from: membership.part)
                let phrase = String(scalars: scalars[match.range])
                let part = membership.series.parts.first { $0.number == target }
                if let part, part.state == .published, let path = part.path {
                    pieces.append(.text(String(scalars: scalars[cursor..<match.range.lowerBound])))
                    pieces.append(.html("<a class=\"series-ref\" href=\"\(Markup.escape(basePath + path))\">\(Markup.escape(phrase))</a>"))
                    cursor = match.range.upperBound
                } else {
                    let why = part?.source.map { source in source == post.source ? "" : " (\(source) is a draft or scheduled)" } ?? ""
                    let position = inline.start
                    diagnostics.append(.warning(
                        "'\(phrase)' refers to part \(target) of '\(membership.series.title)', which is not published\(why)",
                        at: SourceLocation(file: post.source, line: position.line, column: position.column + match.range.lowerBound),
                        rule: "series-reference",
                        hint: "the phrase becomes a link once that part is published; until then it stays plain text"
                    ))
                }
            }
            guard cursor > 0 else { return nil }
            pieces.append(.text(String(scalars: scalars[cursor...])))
            return .split(pieces.filter { $0 != .text("") })
        }
    }

    /// `[@key]` in a text node becomes a superscript number when the key is in the reference list.
    private func splitReferences(_ text: String, analysis: ClaimAnalysis) -> InlineEdit? {
        guard text.containsBytes("[@") else { return nil }
        var pieces: [TextPiece] = []
        var rest = Substring(text)
        while let open = rest.range(of: "[@"), let close = rest[open.upperBound...].firstIndex(of: "]") {
            let key = String(rest[open.upperBound..<close])
            guard let number = analysis.number(of: .reference(key: key)) else {
                pieces.append(.text(String(rest[..<rest.index(after: close)])))
                rest = rest[rest.index(after: close)...]
                continue
            }
            if open.lowerBound > rest.startIndex { pieces.append(.text(String(rest[..<open.lowerBound]))) }
            pieces.append(.html(Self.superscript(number)))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        return pieces == [.text(text)] ? nil : .split(pieces)
    }

    static func superscript(_ number: Int) -> String {
        "<sup class=\"citation\"><a href=\"#source-\(number)\" aria-label=\"Source \(number)\">\(number)</a></sup>"
    }

    /// "Author. <cite>Title</cite>. Publisher, Year. link" from a reference-list entry.
    static func html(for reference: Reference) -> String {
        var parts: [String] = []
        if let author = reference.author { parts.append(Markup.escape(author) + ".") }
        parts.append("<cite>\(Markup.escape(reference.title))</cite>.")
        let published = [reference.publisher, reference.year.map(String.init)].compactMap { $0 }.map { Markup.escape($0) }.joined(separator: ", ")
        if !published.isEmpty { parts.append(published + ".") }
        if let link = reference.link { parts.append("<a href=\"\(Markup.escape(link))\">\(Markup.escape(link))</a>") }
        return parts.joined(separator: " ")
    }

    /// Words a reader reads: text and inline code, not raw HTML or code blocks.
    static func countWords(_ tree: MarkdownNode) -> Int {
        var count = 0
        tree.forEach { node in
            guard node.kind == .text || node.kind == .code else { return }
            node.withLiteralUTF8 { literal in
                var inWord = false
                for byte in literal {
                    let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A
                    if !isSpace, !inWord { count += 1 }
                    inWord = !isSpace
                }
            }
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

/// Small helpers for HTML written outside templates.
enum HTMLText {
    /// The text of an HTML fragment: tags dropped, the entities cmark-gfm writes (`&quot;`, `&lt;`, `&gt;`, `&amp;`)
    /// decoded, in one pass.
    static func plain(_ html: String) -> String {
        let entities: [(name: [UInt8], byte: UInt8)] = [(Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&lt;".utf8), UInt8(ascii: "<")),
                                                        (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&amp;".utf8), UInt8(ascii: "&"))]
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var inTag = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "<") { inTag = true; continue }
            if byte == UInt8(ascii: ">") { inTag = false; continue }
            guard !inTag else { continue }
            if byte == UInt8(ascii: "&"),
               let entity = entities.first(where: { bytes[(index - 1)...].starts(with: $0.name) }) {
                out.append(entity.byte)
                index += entity.name.count - 1
                continue
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first `href` of an HTML fragment.
    static func firstLink(_ html: String) -> String? {
        guard let start = html.range(of: "href=\"") else { return nil }
        guard let end = html[start.upperBound...].firstIndex(of: "\"") else { return nil }
        return String(html[start.upperBound..<end]).replacingOccurrences(of: "&amp;", with: "&")
    }
}
