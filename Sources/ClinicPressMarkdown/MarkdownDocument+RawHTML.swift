internal import CCmarkGFM
import Foundation

extension MarkdownDocument {
    /// What cmark-gfm renders in place of raw HTML when it is not allowed.
    static let omittedHTML = "<!-- raw HTML omitted -->"

    /// Replaces the author's raw HTML with cmark-gfm's "raw HTML omitted" comment and empties dangerous link and
    /// image addresses (`javascript:`, `vbscript:`, `file:`, and `data:` other than common images): what cmark-gfm does
    /// when rendering without `CMARK_OPT_UNSAFE`, done on the tree so that the site's own HTML annotations, added
    /// later, still render. `forEachNode` walks without recursion, whatever the nesting.
    func neutraliseRawHTML() {
        forEachNode { node in
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                if !Self.isLoneComment(literal) { cmark_node_set_literal(node, Self.omittedHTML) }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if let url = cmark_node_get_url(node), Self.isDangerous(String(cString: url)) {
                    cmark_node_set_url(node, "")
                }
            default:
                break
            }
        }
    }

    /// An HTML comment and nothing else (`<!-- claim-ok: … -->`, the suppression comments): inert in a page, so it
    /// is kept. Anything after the first `-->` makes it raw HTML like any other.
    static func isLoneComment(_ html: String) -> Bool {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), let close = trimmed.range(of: "-->") else { return false }
        return close.upperBound == trimmed.endIndex
    }

    /// cmark-gfm's rule for addresses it will not link without `CMARK_OPT_UNSAFE`.
    static func isDangerous(_ url: String) -> Bool {
        let lower = url.lowercased()
        if lower.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { lower.hasPrefix($0) }
        }
        return lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:")
    }
}
