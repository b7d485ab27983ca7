internal import CCmarkGFM
#if canImport(Glibc)
internal import Glibc
#endif

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

/// One node of a parsed Markdown document, read in place from cmark-gfm's tree: nothing is copied until asked for.
///
/// A node keeps its document alive. Like the document, it is used from one task at a time, and only until the
/// document is next edited (an edit may free the node).
public struct MarkdownNode {
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

    let document: MarkdownDocument
    let pointer: OpaquePointer

    public let kind: Kind

    init(_ pointer: OpaquePointer, in document: MarkdownDocument) {
        self.document = document
        self.pointer = pointer
        self.kind = document.kind(of: pointer)
    }

    /// Where the node starts, in file coordinates. Unknown (0:0) for soft breaks and bare autolinks.
    public var start: TextPosition {
        document.startPosition(of: pointer)
    }

    /// Where the node ends (inclusive). Unreliable for lists, items and HTML blocks (a cmark-gfm limitation).
    public var end: TextPosition {
        document.endPosition(of: pointer)
    }

    /// The text of text, code, code block and HTML nodes; the label of footnote references and definitions.
    public var literal: String? {
        if kind == .footnoteReference || kind == .footnoteDefinition { return document.footnoteLabel(of: pointer) }
        return cLiteral.map { String(cString: $0) }
    }

    /// cmark-gfm's own literal, for the nodes that have one (text, code, code blocks, HTML).
    private var cLiteral: UnsafePointer<CChar>? {
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline: cmark_node_get_literal(pointer)
        default: nil
        }
    }

    /// The destination of links and images.
    public var destination: String? {
        guard kind == .link || kind == .image else { return nil }
        return cmark_node_get_url(pointer).map { String(cString: $0) }
    }

    /// The title of links and images.
    public var title: String? {
        guard kind == .link || kind == .image else { return nil }
        return cmark_node_get_title(pointer).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The info string of fenced code blocks.
    public var fenceInfo: String? {
        guard kind == .codeBlock else { return nil }
        return cmark_node_get_fence_info(pointer).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The nodes directly below this one, in document order, read one by one (no array is made).
    public var children: Children {
        Children(parent: self)
    }

    /// The node below this one when it is the only one.
    public var onlyChild: MarkdownNode? {
        guard let child = cmark_node_first_child(pointer), cmark_node_next(child) == nil else { return nil }
        return MarkdownNode(child, in: document)
    }

    /// The children of a node, following cmark-gfm's sibling links.
    public struct Children: Sequence {
        let parent: MarkdownNode

        public func makeIterator() -> Iterator {
            Iterator(document: parent.document, upcoming: cmark_node_first_child(parent.pointer))
        }

        public struct Iterator: IteratorProtocol {
            let document: MarkdownDocument
            var upcoming: OpaquePointer?

            public mutating func next() -> MarkdownNode? {
                guard let current = upcoming else { return nil }
                upcoming = cmark_node_next(current)
                return MarkdownNode(current, in: document)
            }
        }
    }

    /// Calls `body` with the literal's UTF-8 bytes (empty when there is none).
    public func withLiteralUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // cmark-gfm's literal is read in place; a footnote label is made from the source first.
        guard let cString = cLiteral else {
            var text = literal ?? ""
            return text.withUTF8(body)
        }
        return cString.withMemoryRebound(to: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0, count: strlen(cString))) }
    }

    /// The text a reader sees: literals joined, breaks as spaces, footnote markers and raw HTML left out.
    public var plainText: String {
        var text = ""
        walk(enter: { node in
            switch node.kind {
            case .text, .code:
                text += node.literal ?? ""
            case .softBreak, .lineBreak:
                text += " "
            case .htmlInline, .htmlBlock, .footnoteReference, .footnoteDefinition, .image:
                return .skipChildren
            default:
                break
            }
            return .descend
        }, exit: { node in
            // A block ends a word; the blocks skipped above add nothing.
            guard node.kind.isBlock, node.kind != .htmlBlock, node.kind != .footnoteDefinition else { return }
            if !text.isEmpty, !text.hasSuffix(" ") { text += " " }
        })
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// What a walk does after entering a node.
    public enum WalkStep {
        /// Visit the node's children next.
        case descend
        /// Leave the node without visiting its children.
        case skipChildren
        /// End the walk.
        case stop
    }

    /// Visits this node and every node below it in document order: `enter` before a node's children, `exit` after
    /// them (also for nodes without children, and for those whose children `enter` skipped).
    ///
    /// It follows cmark-gfm's parent and sibling links instead of recursing: posts can nest block quotes, lists and
    /// emphasis thousands deep, and a recursive walk ran out of stack on them.
    public func walk(enter: (MarkdownNode) -> WalkStep, exit: (MarkdownNode) -> Void = { _ in }) {
        var current = pointer
        var entering = true
        while true {
            let node = MarkdownNode(current, in: document)
            if entering {
                switch enter(node) {
                case .stop:
                    return
                case .descend:
                    if let child = cmark_node_first_child(current) {
                        current = child
                        continue
                    }
                case .skipChildren:
                    break
                }
                entering = false
                continue
            }
            exit(node)
            if current == pointer { return }
            if let sibling = cmark_node_next(current) {
                current = sibling
                entering = true
            } else if let parent = cmark_node_parent(current) {
                current = parent
            } else {
                return
            }
        }
    }

    /// Visits this node and all below it, parents before children, in document order.
    public func forEach(_ body: (MarkdownNode) -> Void) {
        walk(enter: { node in
            body(node)
            return .descend
        })
    }

    /// The first node below (or at) this one that matches, in document order.
    public func first(where predicate: (MarkdownNode) -> Bool) -> MarkdownNode? {
        var found: MarkdownNode?
        walk(enter: { node in
            guard predicate(node) else { return .descend }
            found = node
            return .stop
        })
        return found
    }
}
