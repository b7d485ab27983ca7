import ClinicPressMarkdown

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
        walk(children: document.children, pending: nil)
    }

    private mutating func walk(children: MarkdownNode.Children, pending inherited: Suppression?) {
        var pending: Suppression?
        for node in children {
            switch node.kind {
            case .htmlBlock:
                handleComment(node.literal ?? "", at: node.start, pending: &pending)
                continue
            case .paragraph:
                // A paragraph holding only a comment is how some editors write it: treat it like an HTML block.
                if let only = node.onlyChild, only.kind == .htmlInline {
                    handleComment(only.literal ?? "", at: node.start, pending: &pending)
                    continue
                }
                var block = ProseBlock(inlinesOf: node)
                block.suppression = pending ?? inherited ?? region
                blocks.append(block)
            case .tableCell:
                var block = ProseBlock(inlinesOf: node)
                block.suppression = pending ?? inherited ?? region
                blocks.append(block)
            case .footnoteDefinition:
                let text = node.children.map(\.plainText).joined(separator: " ")
                let hasLink = node.first { $0.kind == .link && ($0.destination ?? "").contains("://") } != nil
                definitions[node.literal ?? ""] = (text, hasLink, node.start)
            case .heading, .codeBlock, .thematicBreak:
                break
            default:
                walk(children: node.children, pending: pending ?? inherited)
            }
            pending = nil
        }
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
