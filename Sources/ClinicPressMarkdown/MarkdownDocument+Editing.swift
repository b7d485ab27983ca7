internal import CCmarkGFM

/// What an inline node is, as `editInlines` shows it.
public struct InlineInfo: Sendable {
    public var kind: MarkdownNode.Kind
    /// The text of text and code nodes; the label of footnote references.
    public var literal: String?
    /// The destination of links and images.
    public var destination: String?
    /// Where the node starts in the file (0:0 when cmark-gfm does not know).
    public var start: TextPosition
    /// True for text inside a link or a heading, which should not be turned into a link.
    public var insideLinkOrHeading: Bool
}

/// A change to one inline node.
public enum InlineEdit: Sendable, Equatable {
    /// Put raw HTML in the node's place.
    case replace(html: String)
    /// Keep the node and put raw HTML right after it.
    case insertAfter(html: String)
    /// Replace a text node by pieces of text and raw HTML, in order.
    case split([TextPiece])
}

/// A piece of a split text node.
public enum TextPiece: Sendable, Equatable {
    case text(String)
    case html(String)
}

extension MarkdownDocument {
    /// Offers every inline node (text, links, footnote references…) to `decide`, in document order, and applies
    /// the edits it returns. Used to number citations and turn `[@key]` into links before rendering.
    public func editInlines(_ decide: (InlineInfo) -> InlineEdit?) {
        var edits: [(OpaquePointer, InlineEdit)] = []
        // Links and headings open around the current node, counted on the way in and out: asking each node for its
        // ancestors cost the depth of the tree per node, which is quadratic for text nested thousands deep.
        var openLinksAndHeadings = 0
        forEachNode(exit: { node in
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_HEADING { openLinksAndHeadings -= 1 }
        }) { node in
            let type = cmark_node_get_type(node)
            let isLinkOrHeading = type == CMARK_NODE_LINK || type == CMARK_NODE_HEADING
            defer { if isLinkOrHeading { openLinksAndHeadings += 1 } }
            let kind: MarkdownNode.Kind
            switch type {
            case CMARK_NODE_TEXT: kind = .text
            case CMARK_NODE_CODE: kind = .code
            case CMARK_NODE_LINK: kind = .link
            case CMARK_NODE_FOOTNOTE_REFERENCE: kind = .footnoteReference
            case CMARK_NODE_IMAGE: kind = .image
            default: return
            }
            let info = InlineInfo(
                kind: kind,
                literal: kind == .footnoteReference ? footnoteLabel(of: node) : cmark_node_get_literal(node).map { String(cString: $0) },
                destination: kind == .link || kind == .image ? cmark_node_get_url(node).map { String(cString: $0) } : nil,
                start: startPosition(of: node),
                insideLinkOrHeading: openLinksAndHeadings > 0
            )
            if let edit = decide(info) { edits.append((node, edit)) }
        }
        for (node, edit) in edits {
            switch edit {
            case .replace(let html):
                cmark_node_insert_before(node, makeNode(CMARK_NODE_HTML_INLINE, html))
                cmark_node_unlink(node)
                cmark_node_free(node)
            case .insertAfter(let html):
                cmark_node_insert_after(node, makeNode(CMARK_NODE_HTML_INLINE, html))
            case .split(let pieces):
                for piece in pieces {
                    switch piece {
                    case .text(let text): cmark_node_insert_before(node, makeNode(CMARK_NODE_TEXT, text))
                    case .html(let html): cmark_node_insert_before(node, makeNode(CMARK_NODE_HTML_INLINE, html))
                    }
                }
                cmark_node_unlink(node)
                cmark_node_free(node)
            }
        }
    }

    /// Takes the footnote definitions out of the document (so cmark-gfm renders no footnote section of its own)
    /// and returns each one's label and content as HTML. Call after footnote references have been replaced.
    public func removeFootnoteDefinitions() -> [(label: String, html: String)] {
        var definitions: [OpaquePointer] = []
        var child = cmark_node_first_child(documentRoot)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION { definitions.append(node) }
            child = cmark_node_next(node)
        }
        var result: [(label: String, html: String)] = []
        for node in definitions {
            let label = footnoteLabel(of: node) ?? ""
            var html = ""
            var block = cmark_node_first_child(node)
            while let current = block {
                html += renderFragment(current)
                block = cmark_node_next(current)
            }
            result.append((label, Self.unwrapSingleParagraph(html)))
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        return result
    }

    /// `<p>text</p>\n` → `text`; anything else as it is (without the final newline).
    static func unwrapSingleParagraph(_ html: String) -> String {
        var trimmed = Substring(html)
        while let last = trimmed.last, last == "\n" || last == " " { trimmed.removeLast() }
        if trimmed.hasPrefix("<p>"), trimmed.hasSuffix("</p>"), !trimmed.dropFirst(3).contains("<p>") {
            trimmed = trimmed.dropFirst(3).dropLast(4)
            while let last = trimmed.last, last == " " { trimmed.removeLast() }
        }
        return String(trimmed)
    }

    private func makeNode(_ type: cmark_node_type, _ literal: String) -> OpaquePointer {
        let node = cmark_node_new(type)!
        cmark_node_set_literal(node, literal)
        return node
    }
}
