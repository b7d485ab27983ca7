import ClinicPressMarkdown
import ClinicPressModel
import ClinicPressRender

/// Stable `id`s for the headings of a post or page body, each with a small link to itself, and the `##`/`###`
/// headings for a table of contents.
///
/// An id is the slug of the heading's text (`## What to expect` → `what-to-expect`); a repeated one gets `-2`, `-3`… in
/// order. Ids the theme uses on the same page (`main`, `sources-heading`, `comment-…`, `source-…`) are never given: such
/// a heading's id starts with `section-`. The same text gives the same id on every build.
struct HeadingAnchors {
    /// Ids the page templates give elements of their own.
    static let themeIDs: Set<String> = [
        "main", "page-heading", "comments-heading", "comment-form", "comment-form-heading", "series-box-heading", "sources-heading",
        "toc-heading",
    ]
    static let themePrefixes = ["comment-", "source-", "year-"]

    /// The `##` and `###` headings, in order.
    var headings: [Heading] = []

    /// Gives every heading of `root` (outside footnotes) its id and anchor link in `annotations`. `label` is what the
    /// link says to screen readers ("Link to this section").
    init(_ root: MarkdownNode, annotations: inout HTMLAnnotations, label: String) {
        var used: Set<String> = []
        for node in root.children {
            guard case .heading(let level) = node.kind else { continue }
            let text = node.plainText.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            var base = Slug.make(title: text)
            if text.isEmpty { base = "section" }
            if Self.themeIDs.contains(base) || Self.themePrefixes.contains(where: base.hasPrefix) { base = "section-" + base }
            var id = base, number = 1
            while used.contains(id) {
                number += 1
                id = "\(base)-\(number)"
            }
            used.insert(id)
            annotations.attributes[node.id] = [HTMLAttribute("id", id)]
            annotations.headingEndings[node.id] = " <a class=\"heading-anchor\" href=\"#\(Markup.escape(id))\" aria-label=\"\(Markup.escape(label)): \(Markup.escape(text))\">#</a>"
            if level == 2 || level == 3 { headings.append(Heading(level: level, id: id, text: text)) }
        }
    }
}
