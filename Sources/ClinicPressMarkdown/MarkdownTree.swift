/// A Markdown text parsed once by cmark-gfm (with the GitHub extensions: tables, strikethrough, autolink,
/// tagfilter, task lists, footnotes) and converted at once into an immutable Swift tree with source positions.
///
/// Nothing edits the tree after it is made: analyses read it (`root`), and what they want changed in the page
/// (a resolved link, a citation number) they return as `HTMLAnnotations`, which `html(annotations:options:)`
/// applies while writing. The C document is freed before the initialiser returns; a tree is a value, safe to
/// share between tasks.
public struct MarkdownTree: Sendable {
    /// The nodes and their text, in one object so that a node costs one reference.
    let storage: Storage

    /// Parses `markdown`. `firstLine` is the line of the file the text starts on (after front matter), so that
    /// every position is a position in the file.
    public init(_ markdown: String, firstLine: Int = 1, options: MarkdownOptions = MarkdownOptions()) {
        storage = MarkdownParser.parse(markdown, firstLine: firstLine, options: options)
    }

    /// The document node, to walk the tree.
    public var root: MarkdownNode { MarkdownNode(storage: storage, index: 0) }

    /// The number of nodes (annotations are keyed by `MarkdownNode.id`, below this number).
    public var nodeCount: Int { storage.nodes.count }

    /// The nodes in one flat array, each pointing at its parent, first child and next sibling by index; their
    /// literals, addresses and titles in one byte buffer; and what is needed to turn cmark-gfm's byte columns into
    /// file positions.
    final class Storage: Sendable {
        let nodes: [Record]
        let text: [UInt8]
        let source: [UInt8]
        /// Where each line of `source` starts, and whether it is ASCII only (a byte column is then a scalar column).
        let lineStarts: [Int]
        let asciiLines: [Bool]
        let lineOffset: Int

        init(nodes: [Record], text: [UInt8], source: [UInt8], lineStarts: [Int], asciiLines: [Bool], lineOffset: Int) {
            self.nodes = nodes
            self.text = text
            self.source = source
            self.lineStarts = lineStarts
            self.asciiLines = asciiLines
            self.lineOffset = lineOffset
        }

        func string(_ range: TextRange) -> String? {
            guard range.isPresent else { return nil }
            // Every range was made by the parser from `text.count` before an append, so it lies inside `text`.
            return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range.bytes]), as: UTF8.self) }
        }

        /// Converts cmark-gfm's line and UTF-8 byte column into a file line and a column in Unicode scalars.
        func position(line: Int32, byteColumn: Int32) -> TextPosition {
            let line = Int(line), byteColumn = Int(byteColumn)
            guard line >= 1, line <= lineStarts.count, byteColumn >= 1 else { return TextPosition(line: 0, column: 0) }
            let lineStart = lineStarts[line - 1]
            let end = min(lineStart + byteColumn - 1, source.count)
            if asciiLines[line - 1] { return TextPosition(line: line + lineOffset, column: end - lineStart + 1) }
            var column = 1
            for index in lineStart..<max(lineStart, end) where source[index] & 0xC0 != 0x80 {
                // Each byte that starts a scalar (UTF-8 continuation bytes are 10xxxxxx).
                column += 1
            }
            return TextPosition(line: line + lineOffset, column: column)
        }
    }

    /// A piece of `Storage.text`; absent when `count` is negative (a link without a title).
    struct TextRange: Sendable {
        var start: Int32
        var count: Int32

        static let absent = TextRange(start: 0, count: -1)
        var isPresent: Bool { count >= 0 }
        var bytes: Range<Int> { Int(start)..<Int(start) + Int(max(count, 0)) }
    }

    /// One node as stored. Links between nodes are indexes into `Storage.nodes`, -1 for none.
    struct Record: Sendable {
        var kind: MarkdownNode.Kind
        var parent: Int32
        var firstChild: Int32 = -1
        var next: Int32 = -1
        /// cmark-gfm's lines and byte columns, converted to file positions when asked for.
        var startLine: Int32, startColumn: Int32, endLine: Int32, endColumn: Int32
        /// Text, code, code blocks and HTML: their text. Footnote references and definitions: their label.
        var literal = TextRange.absent
        /// Links and images: the address. Code blocks: the info string. Tables: one alignment byte per column. Raw HTML
        /// left out (`omittedHTML`): the HTML as written.
        var destination = TextRange.absent
        /// Links and images: the title.
        var title = TextRange.absent
        /// Ordered lists: the first number.
        var listStart: Int32 = 1
        var flags: Flags = []
    }

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8
        /// A list whose items are not separated by blank lines (their paragraphs render without `<p>`).
        static let tight = Flags(rawValue: 1)
        /// A list item that starts with `[ ]` or `[x]`.
        static let task = Flags(rawValue: 2)
        static let checked = Flags(rawValue: 4)
        /// The first row of a table.
        static let header = Flags(rawValue: 8)
        /// A footnote definition no reference points to: cmark-gfm drops those, the parser adds them back empty.
        static let unreferenced = Flags(rawValue: 16)
        /// Raw HTML the options do not allow: its literal is the omitted marker, its `destination` the HTML as written.
        static let omittedHTML = Flags(rawValue: 32)
    }
}

/// How Markdown is parsed.
public struct MarkdownOptions: Sendable, Hashable {
    /// Keep the author's raw HTML. When false, each piece becomes `<!-- raw HTML omitted -->` (a lone HTML comment
    /// is kept: the suppression comments are HTML comments) and dangerous link addresses are emptied, as cmark-gfm
    /// does in its safe mode. Either way the tagfilter extension escapes `<script>`, `<iframe>`, `<style>` and the like.
    public var allowRawHTML: Bool
    /// Parse `[^label]` footnotes (off for visitors' comments, whose note ids would clash on a page).
    public var footnotes: Bool

    /// Creates options; raw HTML is allowed by default.
    public init(allowRawHTML: Bool = true, footnotes: Bool = true) {
        self.allowRawHTML = allowRawHTML
        self.footnotes = footnotes
    }
}

/// A 1-based line and column in the Markdown source. Columns count Unicode scalars.
public struct TextPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// True for positions cmark-gfm does not know (soft breaks, bare autolinks report 0:0).
    public var isUnknown: Bool { line == 0 }

    public var description: String { "\(line):\(column)" }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
