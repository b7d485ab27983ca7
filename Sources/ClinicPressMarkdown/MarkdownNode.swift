/// One node of a `MarkdownTree`: which node it is (`id`, the key of its annotations) and a reference to the tree.
/// Reading a node copies nothing until its text is asked for.
public struct MarkdownNode: Sendable {
    /// What a node is. Extension nodes (tables, strikethrough, task items) have their own cases.
    public enum Kind: Sendable, Hashable {
        case document, blockQuote, list(ordered: Bool), item, codeBlock, htmlBlock, paragraph, heading(level: Int), thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
        case footnoteReference, footnoteDefinition
        case table, tableRow, tableCell, strikethrough
        /// Anything this wrapper does not name (an extension's node). No payload that needs retaining: every record
        /// of a tree stays plain bytes, copied without reference counting each time a node is looked at.
        case other

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

    let storage: MarkdownTree.Storage
    /// The node's index in its tree: the key under which `HTMLAnnotations` change it.
    public let id: Int

    init(storage: MarkdownTree.Storage, index: Int) {
        self.storage = storage
        self.id = index
    }

    var record: MarkdownTree.Record { storage.nodes[id] }

    public var kind: Kind { record.kind }

    /// Where the node starts, in file coordinates. Unknown (0:0) for soft breaks and bare autolinks.
    public var start: TextPosition {
        let record = record
        return storage.position(line: record.startLine, byteColumn: record.startColumn)
    }

    /// Where the node ends (inclusive). Unreliable for lists, items and HTML blocks (a cmark-gfm limitation).
    public var end: TextPosition {
        let record = record
        return storage.position(line: record.endLine, byteColumn: record.endColumn)
    }

    /// The text of text, code, code block and HTML nodes; the label of footnote references and definitions.
    public var literal: String? { storage.string(record.literal) }

    /// The destination of links and images.
    public var destination: String? {
        guard kind == .link || kind == .image else { return nil }
        return storage.string(record.destination)
    }

    /// The title of links and images.
    public var title: String? {
        guard kind == .link || kind == .image else { return nil }
        return storage.string(record.title).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// For raw HTML left out of the page because the options do not allow it: the HTML as the author wrote it. Nil for
    /// every other node (and for raw HTML that is kept).
    public var omittedHTML: String? {
        guard record.flags.contains(.omittedHTML) else { return nil }
        return storage.string(record.destination)
    }

    /// For raw HTML that is kept: the opening tags in it that GitHub's tag filter escapes, so that they show as text
    /// (`iframe`, `script`, `style`…), lower case, in order. An inline HTML node is one tag; a block may hold several.
    public var filteredTagNames: [String] {
        guard kind == .htmlBlock || kind == .htmlInline, !record.flags.contains(.omittedHTML) else { return [] }
        let bytes = storage.text[record.literal.bytes]
        var names: [String] = []
        for index in bytes.indices where bytes[index] == UInt8(ascii: "<") && (kind == .htmlBlock || index == bytes.startIndex) {
            // A filtered tag has its name and one more byte after the `<`: `index + 1` is inside the slice.
            guard HTMLRenderer.isFilteredTag(bytes[index...]), bytes[index + 1] != UInt8(ascii: "/") else { continue }
            names.append(String(decoding: bytes[(index + 1)...].prefix { ($0 | 0x20) >= UInt8(ascii: "a") && ($0 | 0x20) <= UInt8(ascii: "z") }, as: UTF8.self).lowercased())
        }
        return names
    }

    /// The info string of fenced code blocks.
    public var fenceInfo: String? {
        guard kind == .codeBlock else { return nil }
        return storage.string(record.destination).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The node this one is directly below (nil for the document).
    public var parent: MarkdownNode? {
        let parent = record.parent
        return parent < 0 ? nil : MarkdownNode(storage: storage, index: Int(parent))
    }

    /// The nodes directly below this one, in document order, read one by one (no array is made).
    public var children: Children {
        Children(parent: self)
    }

    /// The node below this one when it is the only one.
    public var onlyChild: MarkdownNode? {
        let child = record.firstChild
        guard child >= 0, storage.nodes[Int(child)].next < 0 else { return nil }
        return MarkdownNode(storage: storage, index: Int(child))
    }

    /// The children of a node, following the sibling links.
    public struct Children: Sequence {
        let parent: MarkdownNode

        public func makeIterator() -> Iterator {
            Iterator(storage: parent.storage, upcoming: parent.record.firstChild)
        }

        public struct Iterator: IteratorProtocol {
            let storage: MarkdownTree.Storage
            var upcoming: Int32

            public mutating func next() -> MarkdownNode? {
                guard upcoming >= 0 else { return nil }
                let current = Int(upcoming)
                upcoming = storage.nodes[current].next
                return MarkdownNode(storage: storage, index: current)
            }
        }
    }

    /// Calls `body` with the literal's UTF-8 bytes (empty when there is none), read in place. The range lies inside
    /// `storage.text` (the parser made it), and the buffer is valid only during `body`, which must not keep it.
    /// `UnsafeCodeTests` compares the bytes with `literal`.
    public func withLiteralUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = record.literal
        return storage.text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range.bytes])) }
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
    /// It follows the parent and sibling links instead of recursing: posts can nest block quotes, lists and
    /// emphasis thousands deep, and a recursive walk ran out of stack on them.
    public func walk(enter: (MarkdownNode) -> WalkStep, exit: (MarkdownNode) -> Void = { _ in }) {
        let nodes = storage.nodes
        var current = id
        var entering = true
        while true {
            let node = MarkdownNode(storage: storage, index: current)
            if entering {
                switch enter(node) {
                case .stop:
                    return
                case .descend:
                    let child = nodes[current].firstChild
                    if child >= 0 {
                        current = Int(child)
                        continue
                    }
                case .skipChildren:
                    break
                }
                entering = false
                continue
            }
            exit(node)
            if current == id { return }
            let sibling = nodes[current].next
            if sibling >= 0 {
                current = Int(sibling)
                entering = true
            } else {
                current = Int(nodes[current].parent)
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
