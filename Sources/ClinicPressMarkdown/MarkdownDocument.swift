internal import CCmarkGFM
import Foundation
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// How Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable, Hashable {
    /// Let raw HTML through. The tagfilter extension still escapes `<script>`, `<iframe>`, `<style>` and the like.
    public var allowRawHTML: Bool
    /// Parse `[^label]` footnotes (off for visitors' comments, whose note ids would clash on a page).
    public var footnotes: Bool

    /// Creates options; raw HTML is allowed by default because posts come from the clinic's staff.
    public init(allowRawHTML: Bool = true, footnotes: Bool = true) {
        self.allowRawHTML = allowRawHTML
        self.footnotes = footnotes
    }
}

/// A Markdown text parsed once by cmark-gfm with the GitHub extensions (tables, strikethrough, autolink,
/// tagfilter, task lists, footnotes).
///
/// It owns the C document and frees it when released. Use it from one task at a time: read the tree,
/// rewrite link destinations, then render HTML. Nothing of the C library is visible outside this module.
public final class MarkdownDocument {
    private let parser: OpaquePointer
    private let root: OpaquePointer
    private let options: Int32

    /// The C document, for the editing extension in this module.
    var documentRoot: OpaquePointer { root }
    private let source: [UInt8]
    private let lineStarts: [Int]
    /// Lines of ASCII only, where a byte column is a scalar column (most lines of most posts).
    private let asciiLines: [Bool]
    private let lineOffset: Int

    /// Parses `markdown`. `firstLine` is the line of the file the text starts on (after front matter),
    /// so that every position reported is a position in the file.
    public init(_ markdown: String, firstLine: Int = 1, options: MarkdownOptions = MarkdownOptions()) {
        Extensions.registerOnce()
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already, and cmark-gfm replaces NUL bytes
        // either way. Validating again was 1 % of `check` on a large site.
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.footnotes {
            cmarkOptions |= CMARK_OPT_FOOTNOTES
        }
        // Rendering always lets HTML nodes through: the site's own annotations (citation superscripts, series links)
        // are HTML nodes. When the site does not allow raw HTML, the author's HTML and dangerous link addresses are
        // neutralised in the tree right after parsing instead (`neutraliseRawHTML`), exactly as cmark-gfm would.
        cmarkOptions |= CMARK_OPT_UNSAFE
        self.options = cmarkOptions
        self.source = Array(markdown.utf8)
        self.lineOffset = firstLine - 1
        (self.lineStarts, self.asciiLines) = Self.lines(of: source)

        let parser = cmark_parser_new(cmarkOptions)!
        for name in Extensions.names {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        self.parser = parser
        // cmark_parser_finish runs the inline parser, which adds and then removes the extensions' special
        // characters in a table shared by the whole process. Two documents finishing at once would strip
        // each other's characters (bare URLs then stay unlinked at random), so only one finishes at a time.
        self.root = Extensions.finishLock.withLock { cmark_parser_finish(parser) }
        if !options.allowRawHTML { neutraliseRawHTML() }
    }

    /// Where each line starts, and whether it is ASCII only: memchr finds the line breaks, and each line is
    /// tested eight bytes at a time for a byte with its high bit set.
    private static func lines(of source: [UInt8]) -> (starts: [Int], ascii: [Bool]) {
        var starts = [0], ascii: [Bool] = []
        source.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                ascii.append(true)
                return
            }
            var lineStart = 0
            while true {
                let newline: UnsafeMutableRawPointer? = memchr(UnsafeRawPointer(base + lineStart), 0x0A, buffer.count - lineStart)
                let lineEnd = newline.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? buffer.count
                ascii.append(isASCII(base + lineStart, count: lineEnd - lineStart))
                guard newline != nil else { break }
                lineStart = lineEnd + 1
                starts.append(lineStart)
            }
        }
        return (starts, ascii)
    }

    private static func isASCII(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0, high: UInt64 = 0
        while index + 8 <= count {
            high |= UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The document's root node, to walk the tree with file positions. Valid until the document is edited.
    public func tree() -> MarkdownNode {
        MarkdownNode(root, in: self)
    }

    /// Offers every link destination to `transform` with the link's position; a non-nil answer replaces it.
    /// Used to turn `other-post.md` and `post:slug` into the post's URL before rendering.
    public func rewriteLinks(_ transform: (_ destination: String, _ position: TextPosition) -> String?) {
        forEachNode { node in
            guard cmark_node_get_type(node) == CMARK_NODE_LINK else { return }
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            if let replacement = transform(destination, startPosition(of: node)) {
                cmark_node_set_url(node, replacement)
            }
        }
    }

    /// Renders the document as an HTML fragment.
    public func renderHTML() -> String {
        renderFragment(root)
    }

    /// Renders one node and what it contains.
    func renderFragment(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Calls `body` with every node, in document order (on entering it), and `exit` on leaving a node that can hold
    /// others (cmark-gfm's iterator reports no exit for text, code and other leaves). It recurses nowhere.
    func forEachNode(exit: (OpaquePointer) -> Void = { _ in }, _ body: (OpaquePointer) -> Void) {
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_ENTER { body(node) } else if event == CMARK_EVENT_EXIT { exit(node) }
        }
    }

    /// Where `node` starts, in file coordinates.
    func startPosition(of node: OpaquePointer) -> TextPosition {
        position(line: cmark_node_get_start_line(node), byteColumn: cmark_node_get_start_column(node))
    }

    /// Where `node` ends, in file coordinates.
    func endPosition(of node: OpaquePointer) -> TextPosition {
        position(line: cmark_node_get_end_line(node), byteColumn: cmark_node_get_end_column(node))
    }

    // MARK: - Reading nodes

    /// What the node at `node` is.
    func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default:
            // Extension node types are registered at run time; their type strings are stable.
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "<unknown>"
            switch name {
            case "table": return .table
            case "table_header", "table_row": return .tableRow
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other(name)
            }
        }
    }

    /// The label of a footnote reference (`[^label]` at the node's start) or definition (`[^label]:` opening its line).
    /// cmark-gfm keeps a reference's number, not its label, and drops the definition's label: it is read from the source.
    func footnoteLabel(of node: OpaquePointer) -> String? {
        let isDefinition = cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION
        let line = Int(cmark_node_get_start_line(node))
        guard line >= 1, line <= lineStarts.count else { return nil }
        let lineEnd = line < lineStarts.count ? lineStarts[line] : source.count
        var index = lineStarts[line - 1]
        if !isDefinition {
            index += max(0, Int(cmark_node_get_start_column(node)) - 1)
        } else {
            while index < lineEnd, source[index] == UInt8(ascii: " ") || source[index] == UInt8(ascii: ">") { index += 1 }
        }
        guard index + 2 < lineEnd, source[index] == UInt8(ascii: "["), source[index + 1] == UInt8(ascii: "^") else { return nil }
        guard let close = source[(index + 2)..<lineEnd].firstIndex(of: UInt8(ascii: "]")) else { return nil }
        return String(decoding: source[(index + 2)..<close], as: UTF8.self)
    }

    /// Converts cmark-gfm's line and UTF-8 byte column into a file line and a column in Unicode scalars.
    private func position(line: Int32, byteColumn: Int32) -> TextPosition {
        let line = Int(line), byteColumn = Int(byteColumn)
        guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return TextPosition(line: 0, column: 0) }
        let lineStart = lineStarts[line - 1]
        let end = min(lineStart + byteColumn - 1, source.count)
        if asciiLines[line - 1] { return TextPosition(line: line + lineOffset, column: end - lineStart + 1) }
        var column = 1
        var index = lineStart
        while index < end {
            // Count every byte that starts a scalar; UTF-8 continuation bytes are 10xxxxxx.
            if source[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return TextPosition(line: line + lineOffset, column: column)
    }
}

/// cmark-gfm keeps its extension registry in a process-wide list; register it exactly once, thread-safely.
private enum Extensions {
    /// Serialises the inline phase of parsing; see `MarkdownDocument.init`.
    static let finishLock = NSLock()
    static let names = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func registerOnce() {
        _ = registered
    }
}
