import ClinicPressMarkdown
import Foundation
import ClinicPressModel

/// Renders visitors' text so that nothing in it can act on the page: raw HTML is escaped (with the GFM
/// tagfilter on), `javascript:` and other unsafe links lose their address, images are dropped, links are marked
/// `rel="nofollow ugc noopener"`, and invisible control characters — including right-to-left overrides that
/// disguise text — are removed.
public enum CommentRenderer {
    /// The comment trees as published comments with safe HTML bodies.
    public static func publish(_ trees: [CommentTree]) -> [PublishedComment] {
        trees.map { tree in
            PublishedComment(id: tree.comment.id, author: cleanText(tree.comment.author), date: tree.comment.date,
                             html: html(tree.comment.body), replies: publish(tree.replies),
                             pendingFlags: tree.comment.status == .pending ? tree.comment.flags : nil)
        }
    }

    /// A comment body as safe HTML.
    public static func html(_ markdown: String) -> String {
        let tree = MarkdownTree(cleanText(markdown), options: MarkdownOptions(allowRawHTML: false, footnotes: false))
        var annotations = HTMLAnnotations()
        tree.root.forEach { node in
            if node.kind == .image { annotations.replacements[node.id] = "" }
        }
        return tree.html(annotations: annotations, options: HTMLOptions(linkRel: "nofollow ugc noopener", dropsOmittedHTML: true))
    }

    /// The text without control characters (other than tab and newline) and without bidirectional overrides
    /// and isolates, which can make text read differently from what it is.
    public static func cleanText(_ text: String) -> String {
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x09 || value == 0x0A { view.append(scalar); continue }
            if value < 0x20 || (0x7F...0x9F).contains(value) { continue }
            if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x061C { continue }
            view.append(scalar)
        }
        return String(view)
    }
}
