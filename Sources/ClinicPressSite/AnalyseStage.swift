import ClinicPressClaims
import ClinicPressMarkdown
import ClinicPressModel
import ClinicPressRender
import ClinicPressSeries
import ClinicPressText

/// What the analyses found in one post, and what they want changed in its HTML.
struct AnalysedPost: Sendable {
    let post: Post
    let tree: MarkdownTree
    /// Build problems (errors stop the build): broken internal links, series references to unpublished parts.
    var diagnostics: [Diagnostic]
    /// The claim checker's findings and counts.
    var claims: ClaimAnalysis
    /// Resolved links and series links, applied when the body is rendered (with the citation numbers).
    var annotations: HTMLAnnotations
    var series: (series: Series, part: Int)?
    /// The size of the front matter's `image` when it is a picture of `static/` that could be measured.
    var imageSize: PixelSize?
}

/// What the analyses found in one standalone page, and what they want changed in its HTML.
struct AnalysedPage: Sendable {
    let page: Page
    let tree: MarkdownTree
    /// Build problems (errors stop the build): broken links, missing pictures, raw HTML left out.
    var diagnostics: [Diagnostic]
    /// Resolved links, picture sizes, rebased raw HTML and video embeds, applied when the body is rendered.
    var annotations: HTMLAnnotations
}

/// Where a body of Markdown comes from, for findings and relative addresses: a post's or a page's.
struct BodySource {
    /// The file (`Posts/….md`, `Pages/about.md`).
    let file: String
    /// The site path of the page it is shown on (`posts/a/`, `about/`).
    let path: String
    let firstLine: Int

    init(_ post: Post) {
        file = post.source
        path = post.path
        firstLine = post.bodyFirstLine
    }

    init(_ page: Page) {
        file = page.source
        path = page.path
        firstLine = page.bodyFirstLine
    }
}

/// Stage 3 of the build: reads a post's or a page's tree and returns findings and annotations; it changes nothing and
/// renders nothing. Internal links are resolved, series references linked, claims checked against their citations, and
/// citations numbered.
struct AnalyseStage: Sendable {
    let links: InternalLinks
    let files: LocalFiles
    let claims: ClaimChecker
    let references: [String: Reference]
    let series: SeriesIndex
    let basePath: String

    func analyse(_ post: Post, tree: MarkdownTree) -> AnalysedPost {
        let root = tree.root
        var diagnostics: [Diagnostic] = []
        var annotations = HTMLAnnotations()
        checkLinksAndHTML(root, in: BodySource(post), annotations: &annotations, diagnostics: &diagnostics)
        let imageSize = checkFrontMatterImage(post, diagnostics: &diagnostics)
        annotations.replacements = embedVideos(root)
        let membership = series.membership(of: post)
        if let membership {
            annotations.textPieces = linkSeriesReferences(root, post: post, membership: membership, diagnostics: &diagnostics)
        }
        let analysis = claims.check(root, file: post.source)
        return AnalysedPost(post: post, tree: tree, diagnostics: diagnostics, claims: analysis, annotations: annotations,
                            series: membership, imageSize: imageSize)
    }

    /// A standalone page: its links, pictures, raw HTML and videos as a post's; no claim check (a page is about the
    /// clinic, not a health article) and no series. Its heading anchors are made when it is rendered, as a post's.
    func analyse(_ page: Page, tree: MarkdownTree) -> AnalysedPage {
        let root = tree.root
        var diagnostics: [Diagnostic] = []
        var annotations = HTMLAnnotations()
        checkLinksAndHTML(root, in: BodySource(page), annotations: &annotations, diagnostics: &diagnostics)
        annotations.replacements = embedVideos(root)
        return AnalysedPage(page: page, tree: tree, diagnostics: diagnostics, annotations: annotations)
    }

    /// One walk over the tree for links, pictures and raw HTML.
    private func checkLinksAndHTML(_ root: MarkdownNode, in body: BodySource, annotations: inout HTMLAnnotations, diagnostics: inout [Diagnostic]) {
        root.forEach { node in
            switch node.kind {
            case .link, .image: resolveLinkOrPicture(node, in: body, annotations: &annotations, diagnostics: &diagnostics)
            case .htmlBlock, .htmlInline:
                reportRawHTML(node, in: body, diagnostics: &diagnostics)
                // Root-relative addresses in raw HTML follow a base URL with a path, as Markdown links do.
                if let html = node.literal, let rebased = RawHTMLAddresses.rewrite(html, files.rebased) {
                    annotations.rawHTML[node.id] = rebased
                }
            default: break
            }
        }
    }

    /// The citation numbers added to the annotations, and the numbered sources they point to: what the page needs
    /// and `check` does not.
    func citations(of analysed: AnalysedPost) -> (annotations: HTMLAnnotations, sources: [CitedSource]) {
        var annotations = analysed.annotations
        let root = analysed.tree.root
        numberCitations(root, analysis: analysed.claims, annotations: &annotations)
        return (annotations, listSources(root, analysis: analysed.claims, annotations: annotations))
    }

    /// Links and images: the address each internal link (`other-post.md`, `post:slug`, `tag:ketamine`) stands for, and
    /// each file of the site a link or image points at; a link or picture that leads nowhere is an error at its
    /// position. Pictures get `loading="lazy"` and `decoding="async"`, and their `width` and `height` when they are
    /// files of the site that could be measured; a picture without alt text is an accessibility warning.
    private func resolveLinkOrPicture(_ node: MarkdownNode, in body: BodySource, annotations: inout HTMLAnnotations, diagnostics: inout [Diagnostic]) {
        let destination = node.destination ?? ""
        let position = node.start
        let location = SourceLocation(file: body.file, line: position.isUnknown ? body.firstLine : position.line,
                                      column: position.isUnknown ? 1 : position.column)
        if node.kind == .link {
            switch links.resolve(destination) {
            case .external:
                break
            case .resolved(let url):
                annotations.destinations[node.id] = url
                return
            case .broken(let message, let hint):
                diagnostics.append(.error(message, at: location, rule: "broken-link", hint: hint))
                return
            }
        }
        var attributes: [HTMLAttribute] = []
        switch files.resolve(destination, page: body.path, isImage: node.kind == .image) {
        case .notLocal:
            // A page of the site written from the root (`/posts/a/`, `/`) follows a base URL with a path.
            if let url = files.rebased(destination) { annotations.destinations[node.id] = url }
        case .found(let url, let size):
            if url != destination { annotations.destinations[node.id] = url }
            if let size { attributes = [HTMLAttribute("width", String(size.width)), HTMLAttribute("height", String(size.height))] }
        case .missing(let path, let suggestion, let relative):
            diagnostics.append(LocalFiles.missingFile(node.kind == .image ? "image" : "link to", written: destination, path: path, suggestion: suggestion,
                                           relativeTo: relative ? body.path : nil, at: location))
        }
        guard node.kind == .image else { return }
        annotations.attributes[node.id] = attributes + [HTMLAttribute("loading", "lazy"), HTMLAttribute("decoding", "async")]
        if node.children.allSatisfy({ $0.plainText.allSatisfy(\.isWhitespace) }) {
            diagnostics.append(.warning("image has no alt text, so screen readers cannot say what it shows", at: location, rule: "accessibility",
                                        hint: "describe the picture between the brackets, as in ![Our infusion room](\(destination))"))
        }
    }

    /// Paragraphs that hold only the address of a YouTube or Vimeo video (or a link to one, whose text titles it),
    /// at the top level of the post, become the video's embed (`VideoEmbed`). Any other address stays a link.
    private func embedVideos(_ root: MarkdownNode) -> [Int: String] {
        var embeds: [Int: String] = [:]
        for paragraph in root.children where paragraph.kind == .paragraph {
            guard let link = Self.onlyLink(paragraph), let address = link.destination, let video = VideoEmbed(address: address) else { continue }
            let text = link.plainText.trimmingCharacters(in: .whitespaces)
            // A bare address (`https://youtu.be/…`, `<https://youtu.be/…>`, `www.youtube.com/…`) has no title of its own.
            let isBareAddress = text.isEmpty || text == address || "http://" + text == address || "https://" + text == address
            embeds[paragraph.id] = video.html(title: isBareAddress ? nil : text)
        }
        return embeds
    }

    /// The paragraph's one link, when it holds nothing else but blank text (the autolink extension leaves empty text
    /// nodes around a bare address it links).
    private static func onlyLink(_ paragraph: MarkdownNode) -> MarkdownNode? {
        var link: MarkdownNode?
        for child in paragraph.children {
            if child.kind == .link, link == nil {
                link = child
            } else if child.kind != .text || !(child.literal ?? "").allSatisfy(\.isWhitespace) {
                return nil
            }
        }
        return link
    }

    /// A warning where raw HTML will not reach the page as written: left out because `markdown.raw_html` is false
    /// (cmark-gfm puts an HTML comment in its place), or shown as text because the tag filter escapes it (`<iframe>`,
    /// `<script>`, `<style>`… even with `raw_html: true`). A pasted YouTube `<iframe>` used to vanish, or show as code,
    /// without a word. Closing tags are not reported on their own: their opening tag is.
    private func reportRawHTML(_ node: MarkdownNode, in body: BodySource, diagnostics: inout [Diagnostic]) {
        let position = node.start
        let location = SourceLocation(file: body.file, line: position.isUnknown ? body.firstLine : position.line,
                                      column: position.isUnknown ? 1 : position.column)
        if let html = node.omittedHTML {
            guard let tag = Self.firstTag(html) else { return }
            // The tag filter escapes <iframe> even with raw HTML on: only an embed shows a video.
            let hint = tag == "iframe"
                ? "use an embed: a paragraph holding only the video's address (https://www.youtube.com/watch?v=…); markdown.raw_html: true would not help, as <\(tag)> is escaped either way"
                : "write it in Markdown, or set markdown.raw_html: true in site.yaml (only if everyone who writes posts can be trusted with HTML)"
            diagnostics.append(.warning("raw HTML <\(tag)> is left out of the page: markdown.raw_html is false", at: location, rule: "raw-html", hint: hint))
            return
        }
        var seen: Set<String> = []
        for tag in node.filteredTagNames where seen.insert(tag).inserted {
            let hint = switch tag {
            case "iframe": "use an embed: a paragraph holding only the video's address (https://www.youtube.com/watch?v=…)"
            case "script", "style": "scripts and styles cannot be part of a post; a theme can add them (Templates/)"
            default: "write it in Markdown"
            }
            diagnostics.append(.warning("<\(tag)> shows as text on the page: it is escaped even with markdown.raw_html: true", at: location,
                                        rule: "raw-html", hint: hint))
        }
    }

    /// The name of the first tag in raw HTML (`<iframe width=…>` → `iframe`), lower case; nil for a closing tag that
    /// starts the HTML (its opening tag is reported) and for HTML without a tag name; comments before it are skipped.
    static func firstTag(_ html: String) -> String? {
        var text = html.drop { $0.isWhitespace }
        // Comments before the first tag say nothing about it.
        while text.hasPrefix("<!--") {
            guard let end = text.range(of: "-->") else { return nil }
            text = text[end.upperBound...].drop { $0.isWhitespace }
        }
        guard text.hasPrefix("<"), !text.hasPrefix("</") else { return nil }
        let name = text.dropFirst().prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "!" || $0 == "?") }
        return name.isEmpty ? nil : name.lowercased()
    }

    /// The size of the front matter's `image` when it is a file of the site; an error at the key when it is not there.
    private func checkFrontMatterImage(_ post: Post, diagnostics: inout [Diagnostic]) -> PixelSize? {
        guard let image = post.image else { return nil }
        switch files.resolveFrontMatterImage(image) {
        case .notLocal:
            return nil
        case .found(_, let size):
            return size
        case .missing(let path, let suggestion, _):
            diagnostics.append(LocalFiles.missingFile("`image`", written: image, path: path, suggestion: suggestion, relativeTo: nil,
                                           at: post.location(ofKey: "image")))
            return nil
        }
    }

    /// Superscript numbers that point into the post's "Sources" list: in place of footnote markers and `[@key]`,
    /// and after citing links.
    private func numberCitations(_ root: MarkdownNode, analysis: ClaimAnalysis, annotations: inout HTMLAnnotations) {
        root.forEach { node in
            switch node.kind {
            case .footnoteReference:
                if let number = analysis.number(of: .footnote(label: node.literal ?? "")) {
                    annotations.replacements[node.id] = Self.superscript(number)
                }
            case .link:
                if let number = node.destination.flatMap({ analysis.number(of: .link(url: $0)) }) {
                    annotations.insertions[node.id] = Self.superscript(number)
                }
            case .text:
                // The text as the series links left it, each remaining piece of text searched for `[@key]`. Text the
                // series links left alone and without `[@` stays as it is, and is not made a string to find that out.
                let edited = annotations.textPieces[node.id]
                guard edited != nil || node.withLiteralUTF8({ $0.containsBytes("[@") }) else { break }
                let pieces = edited ?? [.text(node.literal ?? "")]
                let numbered = pieces.flatMap { piece -> [TextPiece] in
                    guard case .text(let text) = piece else { return [piece] }
                    return splitReferences(text, analysis: analysis) ?? [piece]
                }
                if numbered != pieces { annotations.textPieces[node.id] = numbered }
            default:
                break
            }
        }
    }

    /// The post's sources, numbered in order of first citation. A footnote's entry is its definition as HTML, with
    /// the same annotations as the post.
    private func listSources(_ root: MarkdownNode, analysis: ClaimAnalysis, annotations: HTMLAnnotations) -> [CitedSource] {
        var definitions: [String: MarkdownNode] = [:]
        for node in root.children where node.kind == .footnoteDefinition {
            if definitions[node.literal ?? ""] == nil { definitions[node.literal ?? ""] = node }
        }
        return analysis.sources.enumerated().map { index, source in
            let number = index + 1
            switch source {
            case .footnote(let label):
                guard let definition = definitions[label] else { return CitedSource(number: number, html: "", name: "", url: nil) }
                let link = definition.first { $0.kind == .link }
                return CitedSource(number: number, html: Self.unwrapSingleParagraph(definition.html(annotations: annotations)),
                                   name: definition.children.map(\.plainText).joined(separator: " "), url: link.flatMap { annotations.destinations[$0.id] ?? $0.destination })
            case .reference(let key):
                let reference = references[key]!
                return CitedSource(number: number, html: Self.html(for: reference), name: reference.title, url: reference.link, reference: reference)
            case .link(let url):
                let text = analysis.linkTexts[url] ?? url
                let label = text == url ? "" : "\(Markup.escape(text)), "
                return CitedSource(number: number, html: "\(label)<a href=\"\(Markup.escape(url))\">\(Markup.escape(url))</a>", name: text, url: url)
            }
        }
    }

    /// `<p>text</p>\n` → `text` (a one-paragraph footnote reads as a list entry); anything else without its final newline.
    static func unwrapSingleParagraph(_ html: String) -> String {
        var trimmed = Substring(html)
        while let last = trimmed.last, last == "\n" || last == " " { trimmed.removeLast() }
        if trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"), !trimmed.dropFirst(3).containsBytes("<p>") {
            trimmed = trimmed.dropFirst(3).dropLast(4)
            while let last = trimmed.last, last == " " { trimmed.removeLast() }
        }
        return String(trimmed)
    }

    /// Turns phrases that point at another part of the post's series ("in part two", "the next part") into links
    /// to that part when it is published, and warns at the phrase when it is not. Returns the text nodes to split.
    private func linkSeriesReferences(_ root: MarkdownNode, post: Post, membership: (series: Series, part: Int),
                                      diagnostics: inout [Diagnostic]) -> [Int: [TextPiece]] {
        var split: [Int: [TextPiece]] = [:]
        var openLinksAndHeadings = 0
        root.walk(enter: { node in
            switch node.kind {
            case .link, .heading:
                openLinksAndHeadings += 1
            case .text where openLinksAndHeadings == 0:
                if let pieces = seriesPieces(node, post: post, membership: membership, diagnostics: &diagnostics) { split[node.id] = pieces }
            default:
                break
            }
            return .descend
        }, exit: { node in
            switch node.kind {
            case .link, .heading: openLinksAndHeadings -= 1
            default: break
            }
        })
        return split
    }

    private func seriesPieces(_ node: MarkdownNode, post: Post, membership: (series: Series, part: Int),
                              diagnostics: inout [Diagnostic]) -> [TextPiece]? {
        guard let text = node.literal else { return nil }
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
                let position = node.start
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
        return pieces.filter { $0 != .text("") }
    }

    /// `[@key]` in a text node becomes a superscript number when the key is in the reference list.
    private func splitReferences(_ text: String, analysis: ClaimAnalysis) -> [TextPiece]? {
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
        return pieces == [.text(text)] ? nil : pieces
    }

    static func superscript(_ number: Int) -> String {
        "<sup class=\"citation\"><a href=\"#source-\(number)\" aria-label=\"Source \(number)\">\(number)</a></sup>"
    }

    /// "Author. <cite>Title</cite>. Publisher, Year. link" from a reference-list entry.
    static func html(for reference: Reference) -> String {
        var parts: [String] = []
        if let author = reference.author { parts.append(Markup.escape(author) + Markup.stop(after: author)) }
        parts.append("<cite>\(Markup.escape(reference.title))</cite>" + Markup.stop(after: reference.title))
        let published = [reference.publisher, reference.year.map(String.init)].compactMap { $0 }.joined(separator: ", ")
        if !published.isEmpty { parts.append(Markup.escape(published) + Markup.stop(after: published)) }
        if let link = reference.link { parts.append("<a href=\"\(Markup.escape(link))\">\(Markup.escape(link))</a>") }
        return parts.joined(separator: " ")
    }
}
