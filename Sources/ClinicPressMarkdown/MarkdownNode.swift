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

/// One node of a parsed Markdown document, copied out of cmark-gfm into plain Swift values
/// so that analysis stages can walk it freely, on any thread, after the C document is gone.
public struct MarkdownNode: Sendable {
    /// What a node is. Extension nodes (tables, strikethrough, task items) have their own cases.
    public enum Kind: Sendable, Hashable {
        case document, blockQuote, list(ordered: Bool), item, codeBlock, htmlBlock, paragraph, heading(level: Int), thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case footnoteReference, footnoteDefinition
        case table, tableRow, tableCell, strikethrough
        /// Anything this wrapper does not name, with cmark-gfm's type string.
        case other(String)

        /// True for block-level containers and leaves (paragraphs, headings, list items, table cells…).
        public var isBlock: Bool {
            switch self {
            case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak,
                 .footnoteDefinition, .table, .tableRow, .tableCell:
                true
            default:
                false
            }
        }
    }

    public var kind: Kind
    /// Where the node starts, in file coordinates. Unknown (0:0) for soft breaks and bare autolinks.
    public var start: TextPosition
    /// Where the node ends (inclusive). Unreliable for lists, items and HTML blocks (a cmark-gfm limitation).
    public var end: TextPosition
    /// The text of text, code, code block and HTML nodes; the label of footnote definitions.
    public var literal: String?
    /// The destination of links and images.
    public var destination: String?
    /// The title of links and images.
    public var title: String?
    /// The info string of fenced code blocks.
    public var fenceInfo: String?
    public var children: [MarkdownNode]

    /// Creates a node; normally only the parser does.
    public init(kind: Kind, start: TextPosition, end: TextPosition, literal: String? = nil, destination: String? = nil,
                title: String? = nil, fenceInfo: String? = nil, children: [MarkdownNode] = []) {
        self.kind = kind
        self.start = start
        self.end = end
        self.literal = literal
        self.destination = destination
        self.title = title
        self.fenceInfo = fenceInfo
        self.children = children
    }

    /// Calls `body` with the literal's UTF-8 bytes (empty when there is none).
    public func withLiteralUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = literal ?? ""
        return text.withUTF8(body)
    }

    /// The text a reader sees: literals joined, breaks as spaces, footnote markers and raw HTML left out.
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    private func appendPlainText(to text: inout String) {
        switch kind {
        case .text, .code:
            text += literal ?? ""
        case .softBreak, .lineBreak:
            text += " "
        case .htmlInline, .htmlBlock, .footnoteReference, .footnoteDefinition, .image:
            return
        default:
            for child in children {
                child.appendPlainText(to: &text)
            }
            if kind.isBlock, !text.isEmpty, !text.hasSuffix(" ") {
                text += " "
            }
        }
    }

    /// Visits this node and all below it, parents before children, in document order.
    public func forEach(_ body: (MarkdownNode) throws -> Void) rethrows {
        try body(self)
        for child in children {
            try child.forEach(body)
        }
    }

    /// The first node below (or at) this one that matches, in document order.
    public func first(where predicate: (MarkdownNode) -> Bool) -> MarkdownNode? {
        if predicate(self) { return self }
        for child in children {
            if let found = child.first(where: predicate) { return found }
        }
        return nil
    }
}
