import ClinicPressMarkdown
import ClinicPressText

/// Walks a post's Markdown tree and collects what the claim checker reads: the prose blocks (paragraphs,
/// list items, block quotes, table cells — never headings, code or HTML), the footnote definitions, and the
/// suppression comments with what they apply to.
struct ProseWalker {
    private(set) var blocks: [ProseBlock] = []
    /// Footnote definitions by label: their text and whether they link somewhere.
    private(set) var definitions: [String: (text: String, hasLink: Bool, position: TextPosition)] = [:]
    private(set) var suppressions: [Suppression] = []
    /// Comments that look like suppressions but cannot be honoured.
    private(set) var invalidDirectives: [(message: String, hint: String, position: TextPosition)] = []
    private var region: Suppression?

    init(_ document: MarkdownNode) {
        walk(document)
    }

    /// The children still to visit at one level of the tree, and the suppression comments that apply there.
    private struct Level {
        var children: MarkdownNode.Children.Iterator
        /// A `claim-ok` comment just before the next sibling.
        var pending: Suppression?
        /// The one that applied to the container of this level.
        let inherited: Suppression?
        /// The lead-in of the list this level is inside (empty outside lists).
        var leadIn: [UInt8] = []
        /// The text of the previous sibling when it can introduce a list: a heading, or a paragraph ending in ":".
        var lastIntroduction: [UInt8] = []
    }

    /// Visits the blocks with an explicit stack of levels instead of recursion: a post can nest block quotes and
    /// lists thousands deep, which ran a recursive walk out of stack.
    private mutating func walk(_ document: MarkdownNode) {
        var levels = [Level(children: document.children.makeIterator(), pending: nil, inherited: nil)]
        while !levels.isEmpty {
            let top = levels.count - 1
            guard let node = levels[top].children.next() else {
                levels.removeLast()
                continue
            }
            let inherited = levels[top].inherited
            switch node.kind {
            case .htmlBlock:
                handleComment(node.literal ?? "", at: node.start, pending: &levels[top].pending)
                continue
            case .paragraph:
                // A paragraph holding only a comment is how some editors write it: treat it like an HTML block.
                if let only = node.onlyChild, only.kind == .htmlInline {
                    handleComment(only.literal ?? "", at: node.start, pending: &levels[top].pending)
                    continue
                }
                let block = ProseBlock(inlinesOf: node)
                block.suppression = levels[top].pending ?? inherited ?? region
                block.leadIn = levels[top].leadIn
                levels[top].lastIntroduction = Self.introduces(block.text) ? block.text : []
                blocks.append(block)
                levels[top].pending = nil
                continue
            case .tableCell:
                let block = ProseBlock(inlinesOf: node)
                block.suppression = levels[top].pending ?? inherited ?? region
                blocks.append(block)
            case .footnoteDefinition:
                let text = node.children.map(\.plainText).joined(separator: " ")
                let hasLink = node.first { $0.kind == .link && ($0.destination ?? "").containsBytes("://") } != nil
                definitions[node.literal ?? ""] = (text, hasLink, node.start)
            case .heading:
                levels[top].lastIntroduction = Array(node.plainText.utf8)
                levels[top].pending = nil
                continue
            case .codeBlock, .thematicBreak:
                break
            case .table:
                // The header row names columns ("Result"); the body rows are prose.
                var rows = node.children.makeIterator()
                _ = rows.next()
                levels.append(Level(children: rows, pending: nil, inherited: levels[top].pending ?? inherited))
            case .list:
                let leadIn = levels[top].lastIntroduction.isEmpty ? levels[top].leadIn : levels[top].lastIntroduction
                levels.append(Level(children: node.children.makeIterator(), pending: nil, inherited: levels[top].pending ?? inherited,
                                    leadIn: leadIn))
            default:
                levels.append(Level(children: node.children.makeIterator(), pending: nil, inherited: levels[top].pending ?? inherited,
                                    leadIn: levels[top].leadIn))
            }
            levels[top].lastIntroduction = []
            // A comment applies to the next sibling only (a container passes it on to what it holds).
            levels[top].pending = nil
        }
    }

    /// A paragraph that introduces what follows: it ends with a colon.
    static func introduces(_ text: [UInt8]) -> Bool {
        text.last { $0 != 0x20 && $0 != 0x0A } == UInt8(ascii: ":")
    }

    private mutating func handleComment(_ html: String, at position: TextPosition, pending: inout Suppression?) {
        switch Suppression.directive(in: html, at: position) {
        case .suppress(let suppression):
            suppressions.append(suppression)
            if suppression.scope == .region { region = suppression } else { pending = suppression }
        case .regionEnd:
            region = nil
        case .invalid(let message, let hint):
            invalidDirectives.append((message, hint, position))
        case nil:
            break
        }
    }
}
