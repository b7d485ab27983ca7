private import CCmarkGFM
import Foundation
#if canImport(Glibc)
private import Glibc
#endif

/// The one place that talks to cmark-gfm: parse a text, copy its tree into `MarkdownTree.Storage`, free it.
package enum MarkdownParser {
    static func parse(_ markdown: String, firstLine: Int, options: MarkdownOptions) -> MarkdownTree.Storage {
        Extensions.registerOnce()
        // No CMARK_OPT_VALIDATE_UTF8: a Swift string is valid UTF-8 already, and cmark-gfm replaces NUL bytes
        // either way. Validating again was 1 % of `check` on a large site.
        var cmarkOptions = CMARK_OPT_DEFAULT
        if options.footnotes { cmarkOptions |= CMARK_OPT_FOOTNOTES }
        let source = Array(markdown.utf8)
        let parser = cmark_parser_new(cmarkOptions)!
        defer { cmark_parser_free(parser) }
        for name in Extensions.names {
            if let extensionPointer = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extensionPointer)
            }
        }
        // UInt8 and CChar have the same size and alignment, so the rebound view is the same bytes; cmark_parser_feed
        // copies what it needs before returning, so the pointer is not kept past the closure.
        source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        // cmark_parser_finish runs the inline parser, which adds and then removes the extensions' special
        // characters in a table shared by the whole process. Two documents finishing at once would strip
        // each other's characters (bare URLs then stay unlinked at random), so only one finishes at a time.
        // (Adding the characters once for good and emptying the extensions' own lists does not work: the emphasis pass
        // finds strikethrough's handler for a `~` closer through that list, and without it no branch moves past the
        // closer, so the parse never ends.)
        let root = Extensions.finishLock.withLock { cmark_parser_finish(parser)! }
        defer { cmark_node_free(root) }
        let (lineStarts, asciiLines) = lines(of: source)
        var converter = Converter(source: source, lineStarts: lineStarts, allowRawHTML: options.allowRawHTML)
        converter.convert(root)
        if options.footnotes { converter.addUnreferencedFootnoteDefinitions() }
        return MarkdownTree.Storage(nodes: converter.nodes, text: converter.text, source: source, lineStarts: lineStarts,
                                    asciiLines: asciiLines, lineOffset: firstLine - 1)
    }

    /// cmark-gfm's own HTML for `markdown`, parsed as `MarkdownTree` parses it and with raw HTML let through: the
    /// reference `HTMLRendererTests` compares the Swift renderer with, on random and real posts.
    package static func cmarkHTML(_ markdown: String, footnotes: Bool = true) -> String {
        Extensions.registerOnce()
        let options = CMARK_OPT_UNSAFE | (footnotes ? CMARK_OPT_FOOTNOTES : 0)
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in Extensions.names {
            if let extensionPointer = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, extensionPointer) }
        }
        var text = markdown
        // As in `parse`: same-size rebinding, and cmark copies the bytes during the call.
        text.withUTF8 { buffer in buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) } }
        let root = Extensions.finishLock.withLock { cmark_parser_finish(parser)! }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Copies cmark-gfm's tree into flat records, parents before children, without recursing: posts can nest
    /// block quotes, lists and emphasis thousands deep.
    ///
    /// Every `OpaquePointer` and C string it reads belongs to the tree of `parse`, which frees it (`defer`) only after
    /// `convert` returns; each string is copied into `text` at once, so no pointer outlives the tree.
    private struct Converter {
        let source: [UInt8]
        let lineStarts: [Int]
        let allowRawHTML: Bool
        var nodes: [MarkdownTree.Record] = []
        var text: [UInt8] = []

        init(source: [UInt8], lineStarts: [Int], allowRawHTML: Bool) {
            self.source = source
            self.lineStarts = lineStarts
            self.allowRawHTML = allowRawHTML
            text.reserveCapacity(source.count)
        }

        mutating func convert(_ root: OpaquePointer) {
            // The open ancestors of the current node, and the last child added to each.
            var parents: [Int32] = []
            var lastChildren: [Int32] = []
            var current = root
            while true {
                let index = Int32(nodes.count)
                nodes.append(record(current, parent: parents.last ?? -1))
                if let parent = parents.last {
                    let previous = lastChildren[lastChildren.count - 1]
                    if previous < 0 { nodes[Int(parent)].firstChild = index } else { nodes[Int(previous)].next = index }
                    lastChildren[lastChildren.count - 1] = index
                }
                if let child = cmark_node_first_child(current) {
                    parents.append(index)
                    lastChildren.append(-1)
                    current = child
                    continue
                }
                // Up until a node has a next sibling; done when back at the root.
                while true {
                    if current == root { return }
                    if let sibling = cmark_node_next(current) {
                        current = sibling
                        break
                    }
                    current = cmark_node_parent(current)!
                    parents.removeLast()
                    lastChildren.removeLast()
                }
            }
        }

        /// cmark-gfm drops the definitions no reference points to; they are found in the source (lines that start,
        /// after at most three spaces, with `[^label]:`) and added at the end of the document, without content, so
        /// that the tree holds every definition the author wrote and the claim checker can report the unused ones.
        mutating func addUnreferencedFootnoteDefinitions() {
            var labels = Set<ArraySlice<UInt8>>()
            for node in nodes where node.kind == .footnoteDefinition { labels.insert(text[node.literal.bytes]) }
            var lastChild = nodes[0].firstChild
            while lastChild >= 0, nodes[Int(lastChild)].next >= 0 { lastChild = nodes[Int(lastChild)].next }
            for (line, lineStart) in lineStarts.enumerated() {
                let lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : source.count
                var open = lineStart
                while open < lineEnd, source[open] == UInt8(ascii: " ") { open += 1 }
                guard open - lineStart <= 3, open + 2 < lineEnd, source[open] == UInt8(ascii: "["), source[open + 1] == UInt8(ascii: "^"),
                      let close = source[(open + 2)..<lineEnd].firstIndex(of: UInt8(ascii: "]")), close > open + 2,
                      close + 1 < lineEnd, source[close + 1] == UInt8(ascii: ":"),
                      labels.insert(source[(open + 2)..<close]).inserted else { continue }
                let index = Int32(nodes.count)
                var record = MarkdownTree.Record(kind: .footnoteDefinition, parent: 0, startLine: Int32(line + 1),
                                                 startColumn: Int32(open - lineStart + 1), endLine: Int32(line + 1),
                                                 endColumn: Int32(lineEnd - lineStart))
                record.literal = source.withUnsafeBufferPointer { add(UnsafeBufferPointer(rebasing: $0[(open + 2)..<close])) }
                record.flags.insert(.unreferenced)
                nodes.append(record)
                if lastChild < 0 { nodes[0].firstChild = index } else { nodes[Int(lastChild)].next = index }
                lastChild = index
            }
        }

        private mutating func record(_ node: OpaquePointer, parent: Int32) -> MarkdownTree.Record {
            let kind = Self.kind(of: node)
            var record = MarkdownTree.Record(
                kind: kind, parent: parent,
                startLine: cmark_node_get_start_line(node), startColumn: cmark_node_get_start_column(node),
                endLine: cmark_node_get_end_line(node), endColumn: cmark_node_get_end_column(node)
            )
            switch kind {
            case .text, .code, .codeBlock:
                record.literal = add(cmark_node_get_literal(node))
                if kind == .codeBlock { record.destination = add(cmark_node_get_fence_info(node)) }
            case .htmlBlock, .htmlInline:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if allowRawHTML || RawHTML.isLoneComment(literal) {
                    record.literal = add(literal)
                } else {
                    // Left out of the page; kept aside so that the site can say what was left out, and where.
                    record.literal = add(RawHTML.omitted)
                    record.destination = add(literal)
                    record.flags.insert(.omittedHTML)
                }
            case .link, .image:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                record.destination = add(!allowRawHTML && RawHTML.isDangerous(url) ? "" : url)
                record.title = add(cmark_node_get_title(node))
            case .footnoteReference, .footnoteDefinition:
                record.literal = footnoteLabel(of: node, isDefinition: kind == .footnoteDefinition)
            case .list(let ordered):
                if cmark_node_get_list_tight(node) != 0 { record.flags.insert(.tight) }
                if ordered { record.listStart = Int32(cmark_node_get_list_start(node)) }
            case .item:
                if let type = cmark_node_get_type_string(node), strcmp(type, "tasklist") == 0 {
                    record.flags.insert(.task)
                    if cmark_gfm_extensions_get_tasklist_item_checked(node) { record.flags.insert(.checked) }
                }
            case .table:
                let columns = Int(cmark_gfm_extensions_get_table_columns(node))
                if let alignments = cmark_gfm_extensions_get_table_alignments(node) {
                    // The table extension allocates one alignment byte per column (`columns` of them), owned by the node.
                    record.destination = add(UnsafeBufferPointer(start: alignments, count: columns))
                }
            case .tableRow:
                if cmark_gfm_extensions_get_table_row_is_header(node) != 0 { record.flags.insert(.header) }
            default:
                break
            }
            return record
        }

        private mutating func add(_ cString: UnsafePointer<CChar>?) -> MarkdownTree.TextRange {
            guard let cString else { return .absent }
            // A NUL-terminated string of the node: `strlen` bytes are readable. CChar and UInt8 differ only in sign, which
            // Swift allows to read the same memory, so reading past the rebinding's `capacity: 1` is fine.
            return cString.withMemoryRebound(to: UInt8.self, capacity: 1) { add(UnsafeBufferPointer(start: $0, count: strlen(cString))) }
        }

        private mutating func add(_ string: String) -> MarkdownTree.TextRange {
            var string = string
            return string.withUTF8 { add($0) }
        }

        private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkdownTree.TextRange {
            let start = Int32(text.count)
            text.append(contentsOf: bytes)
            return MarkdownTree.TextRange(start: start, count: Int32(bytes.count))
        }

        /// The label of a footnote reference (`[^label]` at the node's start) or definition (`[^label]:` opening its
        /// line). cmark-gfm keeps a reference's number, not its label, and drops the definition's: it is read from the source.
        private mutating func footnoteLabel(of node: OpaquePointer, isDefinition: Bool) -> MarkdownTree.TextRange {
            let line = Int(cmark_node_get_start_line(node))
            guard line >= 1, line <= lineStarts.count else { return .absent }
            let lineEnd = line < lineStarts.count ? lineStarts[line] : source.count
            var index = lineStarts[line - 1]
            if !isDefinition {
                index += max(0, Int(cmark_node_get_start_column(node)) - 1)
            } else {
                while index < lineEnd, source[index] == UInt8(ascii: " ") || source[index] == UInt8(ascii: ">") { index += 1 }
            }
            guard index + 2 < lineEnd, source[index] == UInt8(ascii: "["), source[index + 1] == UInt8(ascii: "^"),
                  let close = source[(index + 2)..<lineEnd].firstIndex(of: UInt8(ascii: "]")) else { return .absent }
            // index + 2 <= close < lineEnd <= source.count: the slice is inside the buffer. `UnsafeCodeTests` compares
            // the labels with those written in random sources.
            return source.withUnsafeBufferPointer { add(UnsafeBufferPointer(rebasing: $0[(index + 2)..<close])) }
        }

        static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
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
                default: return .other
                }
            }
        }
    }

    /// Where each line starts, and whether it is ASCII only: memchr finds the line breaks, and each line is
    /// tested eight bytes at a time for a byte with its high bit set. `UnsafeCodeTests` compares both with a split
    /// on "\n" on random text.
    ///
    /// Safe: `lineStart` is at most `buffer.count` (it is one past a newline memchr found inside the buffer), so memchr
    /// and `isASCII` are given exactly the bytes from there to the end; the pointers are used only inside the closure.
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

    /// Whether `count` bytes from `bytes` are all ASCII, read eight at a time; `UnsafeCodeTests` compares it with
    /// a byte-by-byte test on random input, at every alignment.
    static func isASCII(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0, high: UInt64 = 0
        while index + 8 <= count {
            // An unaligned 8-byte load within `count`: it never reads past the buffer.
            high |= UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
            index += 8
        }
        while index < count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }
}

/// cmark-gfm keeps its extension registry in a process-wide list; register it exactly once, thread-safely.
private enum Extensions {
    /// Serialises the inline phase of parsing; see `MarkdownParser.parse`.
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

/// The author's raw HTML when the site does not allow it.
enum RawHTML {
    /// What stands in place of raw HTML that is not allowed (cmark-gfm's own words for it).
    static let omitted = "<!-- raw HTML omitted -->"

    /// An HTML comment and nothing else (`<!-- claim-ok: … -->`, the suppression comments): inert in a page, so it
    /// is kept. Anything after the first `-->` makes it raw HTML like any other.
    static func isLoneComment(_ html: String) -> Bool {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), let close = trimmed.range(of: "-->") else { return false }
        return close.upperBound == trimmed.endIndex
    }

    /// cmark-gfm's rule for addresses it will not link in safe mode.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:")
    }
}
