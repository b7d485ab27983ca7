/// What the site changes in a post's HTML, by node (`MarkdownNode.id`): the analyses return these instead of
/// editing the tree, and the renderer applies them while writing.
public struct HTMLAnnotations: Sendable {
    /// A link's address replaced (`other-post.md` → `/posts/other-post/`).
    public var destinations: [Int: String] = [:]
    /// A node and everything in it replaced by raw HTML (a footnote reference by a citation number, a paragraph by a
    /// video embed; "" drops it). A block's HTML should end with a line break, as cmark-gfm's blocks do.
    public var replacements: [Int: String] = [:]
    /// Raw HTML written right after a node (a citation number after a citing link).
    public var insertions: [Int: String] = [:]
    /// A text node written as pieces of text and raw HTML (`[@key]` as a citation number, "part two" as a link).
    public var textPieces: [Int: [TextPiece]] = [:]
    /// Attributes added to an image's `<img>` after cmark-gfm's own, in order (`width`, `height`, `loading`…), or to a
    /// heading's opening tag (its `id`).
    public var attributes: [Int: [HTMLAttribute]] = [:]
    /// Raw HTML written in place of a raw HTML node's own (its root-relative addresses under the site's base path),
    /// through the same tag filter.
    public var rawHTML: [Int: String] = [:]
    /// Raw HTML written inside a heading, just before its closing tag (the link to the heading's anchor).
    public var headingEndings: [Int: String] = [:]

    /// No changes.
    public init() {}
}

/// An attribute added to an element: its name as written, its value escaped when written.
public struct HTMLAttribute: Sendable, Equatable {
    public var name: String
    public var value: String

    /// Creates an attribute.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A piece of a text node as annotated.
public enum TextPiece: Sendable, Equatable {
    case text(String)
    case html(String)
}

/// How HTML is written.
public struct HTMLOptions: Sendable {
    /// A `rel` for every link (`nofollow ugc noopener` on visitors' comments).
    public var linkRel: String?
    /// Leave out the marker that stands for raw HTML the site does not allow (visitors need no hint of it).
    public var dropsOmittedHTML: Bool

    /// Creates options.
    public init(linkRel: String? = nil, dropsOmittedHTML: Bool = false) {
        self.linkRel = linkRel
        self.dropsOmittedHTML = dropsOmittedHTML
    }
}

extension MarkdownTree {
    /// The document as an HTML fragment, with the annotations applied. Footnote definitions are left out: the site
    /// lists them as the post's sources (`MarkdownNode.html` renders one's content).
    ///
    /// The HTML is cmark-gfm's (the same tags, attributes, escaping and line breaks, tables, task lists and the
    /// tagfilter included); `HTMLRendererTests` compares the two on random text and on every post of the fixtures.
    public func html(annotations: HTMLAnnotations = HTMLAnnotations(), options: HTMLOptions = HTMLOptions()) -> String {
        root.html(annotations: annotations, options: options)
    }
}

extension MarkdownNode {
    /// This node and what it contains as HTML, with the annotations applied.
    public func html(annotations: HTMLAnnotations = HTMLAnnotations(), options: HTMLOptions = HTMLOptions()) -> String {
        var renderer = HTMLRenderer(storage: storage, annotations: annotations, options: options)
        renderer.render(self)
        return String(decoding: renderer.output, as: UTF8.self)
    }
}

/// Writes a tree as cmark-gfm's HTML renderer does, walking it without recursion (nesting can be thousands deep).
struct HTMLRenderer {
    let storage: MarkdownTree.Storage
    let annotations: HTMLAnnotations
    let options: HTMLOptions
    var output: [UInt8] = []
    /// Inside an image, text is written plain, as its `alt`: the image whose exit ends that.
    private var plainUntil: Int?
    /// The alignments of the tables being written, and the index of the next cell in the current row.
    private var tables: [(alignments: [UInt8], cell: Int, hasBody: Bool)] = []

    init(storage: MarkdownTree.Storage, annotations: HTMLAnnotations, options: HTMLOptions) {
        self.storage = storage
        self.annotations = annotations
        self.options = options
        output.reserveCapacity(storage.source.count + storage.source.count / 4)
    }

    mutating func render(_ top: MarkdownNode) {
        top.walk(enter: { node in
            if let html = annotations.replacements[node.id] {
                if plainUntil != nil {
                    escape(html)
                } else {
                    // A block replaced (a paragraph by a video embed) starts on a line of its own, as every block does.
                    if node.kind.isBlock { newLine() }
                    write(html)
                }
                return .skipChildren
            }
            if node.kind == .footnoteDefinition, node.id != top.id { return .skipChildren }
            enter(node)
            return .descend
        }, exit: { node in
            guard annotations.replacements[node.id] == nil, node.kind != .footnoteDefinition || node.id == top.id else { return }
            exit(node)
            if let html = annotations.insertions[node.id] {
                if plainUntil != nil { escape(html) } else { write(html) }
            }
        })
    }

    // MARK: - Nodes

    private mutating func enter(_ node: MarkdownNode) {
        let record = node.record
        if plainUntil != nil {
            // An image's description: only its text, escaped, breaks as spaces.
            switch record.kind {
            case .text:
                writeText(node, escapeAll: true)
            case .code, .htmlInline:
                escape(record.literal)
            case .softBreak, .lineBreak:
                write(" ")
            default:
                break
            }
            return
        }
        switch record.kind {
        case .document, .footnoteDefinition, .other:
            break
        case .blockQuote:
            newLine()
            write("<blockquote>\n")
        case .list(let ordered):
            newLine()
            if !ordered {
                write("<ul>\n")
            } else if record.listStart == 1 {
                write("<ol>\n")
            } else {
                write("<ol start=\"\(record.listStart)\">\n")
            }
        case .item:
            newLine()
            write("<li>")
            if record.flags.contains(.task) {
                write(record.flags.contains(.checked) ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> "
                                                      : "<input type=\"checkbox\" disabled=\"\" /> ")
            }
        case .heading(let level):
            newLine()
            write("<h\(level)")
            writeAttributes(of: node)
            write(">")
        case .codeBlock:
            newLine()
            let info = storage.text[record.destination.bytes]
            if info.isEmpty {
                write("<pre><code>")
            } else {
                // The language is the info string's first word.
                write("<pre><code class=\"language-")
                escape(info.prefix { !Self.isSpace($0) })
                write("\">")
            }
            escape(record.literal)
            write("</code></pre>\n")
        case .htmlBlock:
            newLine()
            writeRawHTML(node, block: true)
            newLine()
        case .thematicBreak:
            newLine()
            write("<hr />\n")
        case .paragraph:
            if !isInTightList(record) {
                newLine()
                write("<p>")
            }
        case .text:
            writeText(node, escapeAll: false)
        case .softBreak:
            write("\n")
        case .lineBreak:
            write("<br />\n")
        case .code:
            write("<code>")
            escape(record.literal)
            write("</code>")
        case .htmlInline:
            writeRawHTML(node, block: false)
        case .emphasis:
            write("<em>")
        case .strong:
            write("<strong>")
        case .strikethrough:
            write("<del>")
        case .link:
            write("<a ")
            if let rel = options.linkRel { write("rel=\""); escape(rel); write("\" ") }
            write("href=\"")
            writeDestination(node)
            if record.title.isPresent, record.title.count > 0 {
                write("\" title=\"")
                escape(record.title)
            }
            write("\">")
        case .image:
            write("<img src=\"")
            writeDestination(node)
            write("\" alt=\"")
            plainUntil = node.id
        case .footnoteReference:
            // The site numbers footnotes itself; unnumbered, the reference stays as written.
            write("[^")
            escape(record.literal)
            write("]")
        case .table:
            newLine()
            write("<table>\n")
            tables.append((Array(storage.text[record.destination.bytes]), 0, false))
        case .tableRow:
            newLine()
            if record.flags.contains(.header) {
                write("<thead>\n")
            } else if let table = tables.last, !table.hasBody {
                write("<tbody>\n")
                tables[tables.count - 1].hasBody = true
            }
            write("<tr>\n")
            if !tables.isEmpty { tables[tables.count - 1].cell = 0 }
        case .tableCell:
            newLine()
            let header = node.parent?.record.flags.contains(.header) ?? false
            write(header ? "<th" : "<td")
            if let table = tables.last, table.cell < table.alignments.count {
                switch table.alignments[table.cell] {
                case UInt8(ascii: "l"): write(" align=\"left\"")
                case UInt8(ascii: "c"): write(" align=\"center\"")
                case UInt8(ascii: "r"): write(" align=\"right\"")
                default: break
                }
            }
            write(">")
        }
    }

    private mutating func exit(_ node: MarkdownNode) {
        let record = node.record
        if let image = plainUntil {
            guard image == node.id else { return }
            plainUntil = nil
            if record.title.isPresent, record.title.count > 0 {
                write("\" title=\"")
                escape(record.title)
            }
            write("\"")
            writeAttributes(of: node)
            write(" />")
            return
        }
        switch record.kind {
        case .blockQuote:
            newLine()
            write("</blockquote>\n")
        case .list(let ordered):
            write(ordered ? "</ol>\n" : "</ul>\n")
        case .item:
            write("</li>\n")
        case .heading(let level):
            if let ending = annotations.headingEndings[node.id] { write(ending) }
            write("</h\(level)>\n")
        case .paragraph:
            if !isInTightList(record) { write("</p>\n") }
        case .emphasis:
            write("</em>")
        case .strong:
            write("</strong>")
        case .strikethrough:
            write("</del>")
        case .link:
            write("</a>")
        case .table:
            if tables.last?.hasBody == true {
                newLine()
                write("</tbody>\n")
            }
            newLine()
            write("</table>\n")
            tables.removeLast()
        case .tableRow:
            newLine()
            write("</tr>\n")
            if record.flags.contains(.header) {
                newLine()
                write("</thead>\n")
            }
        case .tableCell:
            let header = node.parent?.record.flags.contains(.header) ?? false
            write(header ? "</th>\n" : "</td>\n")
            if !tables.isEmpty { tables[tables.count - 1].cell += 1 }
        default:
            break
        }
    }

    /// A paragraph directly in an item of a tight list is written without `<p>`.
    /// ` name="value"` for each attribute the annotations add to the node.
    private mutating func writeAttributes(of node: MarkdownNode) {
        for attribute in annotations.attributes[node.id] ?? [] {
            write(" \(attribute.name)=\"")
            escape(attribute.value)
            write("\"")
        }
    }

    private func isInTightList(_ record: MarkdownTree.Record) -> Bool {
        guard record.parent >= 0 else { return false }
        let grandparent = storage.nodes[Int(record.parent)].parent
        guard grandparent >= 0, case .list = storage.nodes[Int(grandparent)].kind else { return false }
        return storage.nodes[Int(grandparent)].flags.contains(.tight)
    }

    /// A text node, or its annotated pieces.
    private mutating func writeText(_ node: MarkdownNode, escapeAll: Bool) {
        guard let pieces = annotations.textPieces[node.id] else {
            escape(node.record.literal)
            return
        }
        for piece in pieces {
            switch piece {
            case .text(let text): escape(text)
            case .html(let html): if escapeAll { escape(html) } else { write(html) }
            }
        }
    }

    private mutating func writeDestination(_ node: MarkdownNode) {
        if let replaced = annotations.destinations[node.id] {
            var replaced = replaced
            replaced.withUTF8 { escapeHref($0[...]) }
        } else {
            let range = node.record.destination.bytes
            // The parser made `range` inside `text`; the buffer is read only within the closure.
            storage.text.withUnsafeBufferPointer { escapeHref($0[range]) }
        }
    }

    /// The author's HTML as written, except that the tagfilter escapes the `<` of tags that would take over the page
    /// (`<script>`, `<iframe>`, `<style>`…). In an HTML block every such tag is escaped; an inline HTML node is one tag.
    private mutating func writeRawHTML(_ node: MarkdownNode, block: Bool) {
        let bytes = annotations.rawHTML[node.id].map { ArraySlice($0.utf8) } ?? storage.text[node.record.literal.bytes]
        if options.dropsOmittedHTML, bytes.elementsEqual(RawHTML.omitted.utf8) { return }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "<"), (block || index == bytes.startIndex), Self.isFilteredTag(bytes[index...]) {
                write("&lt;")
            } else {
                output.append(bytes[index])
            }
            index += 1
        }
    }

    /// The tags GitHub's tagfilter disallows: `<` or `</`, the name in any case, then a space, `>` or `/>`.
    /// Bounds: a name is compared only when more than `name.count` bytes follow it, so `after` is inside the slice.
    /// `UnsafeCodeTests` compares it with a plain prefix test on random text.
    static func isFilteredTag(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex + 1
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: "/") { index += 1 }
        for name in filteredTags {
            guard bytes.endIndex - index > name.count else { continue }
            let candidate = bytes[index..<index + name.count]
            guard candidate.elementsEqual(name, by: { ($0 | 0x20) == $1 }) else { continue }
            let after = bytes[index + name.count]
            if isSpace(after) || after == UInt8(ascii: ">") { return true }
            if after == UInt8(ascii: "/"), index + name.count + 1 < bytes.endIndex, bytes[index + name.count + 1] == UInt8(ascii: ">") { return true }
        }
        return false
    }

    private static let filteredTags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"].map { Array($0.utf8) }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }

    // MARK: - Writing

    /// A line break unless the output is empty or already ends with one (cmark-gfm's `cr`).
    private mutating func newLine() {
        if let last = output.last, last != 0x0A { output.append(0x0A) }
    }

    private mutating func write(_ text: String) {
        output.append(contentsOf: text.utf8)
    }

    private mutating func escape(_ range: MarkdownTree.TextRange) {
        escape(storage.text[range.bytes])
    }

    private mutating func escape(_ text: String) {
        var text = text
        text.withUTF8 { escape($0[...]) }
    }

    /// Text in HTML: `&`, `<`, `>` and `"` as entities. The bytes between them are copied a run at a time.
    private mutating func escape<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        var run = bytes.startIndex
        var index = run
        while index != bytes.endIndex {
            let byte = bytes[index]
            guard Self.escapedInText[Int(byte)] else {
                bytes.formIndex(after: &index)
                continue
            }
            output.append(contentsOf: bytes[run..<index])
            switch byte {
            case UInt8(ascii: "&"): write("&amp;")
            case UInt8(ascii: "<"): write("&lt;")
            case UInt8(ascii: ">"): write("&gt;")
            default: write("&quot;")
            }
            bytes.formIndex(after: &index)
            run = index
        }
        output.append(contentsOf: bytes[run..<index])
    }

    /// The bytes `escape` writes as entities.
    private static let escapedInText: [Bool] = (0..<256).map { [0x26, 0x3C, 0x3E, 0x22].contains($0) }

    /// An address in an attribute: letters, digits and `-_.+!*(),%#@?=;:/$~` as they are, `&` and `'` as entities,
    /// every other byte percent-encoded.
    private mutating func escapeHref<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in bytes {
            if Self.hrefSafe[Int(byte)] {
                output.append(byte)
            } else if byte == UInt8(ascii: "&") {
                write("&amp;")
            } else if byte == UInt8(ascii: "'") {
                write("&#x27;")
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
    }

    private static let hrefSafe: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        return (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) || "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
    }
}
