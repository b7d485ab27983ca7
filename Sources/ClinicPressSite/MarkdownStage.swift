import ClinicPressMarkdown
import ClinicPressModel

/// Parses each post's Markdown once, resolves its internal links, and renders its body to HTML.
struct MarkdownStage: Sendable {
    let options: MarkdownOptions
    let links: InternalLinks

    /// The longest summary taken from a first paragraph, in characters.
    static let summaryLimit = 280

    /// The built post, or nil when its body has errors; diagnostics either way.
    func build(_ post: Post) -> (BuiltPost?, [Diagnostic]) {
        let document = MarkdownDocument(post.body, firstLine: post.bodyFirstLine, options: options)
        var diagnostics: [Diagnostic] = []
        document.rewriteLinks { destination, position in
            switch links.resolve(destination) {
            case .external:
                return nil
            case .resolved(let url):
                return url
            case .broken(let message, let hint):
                let location = SourceLocation(file: post.source, line: position.isUnknown ? post.bodyFirstLine : position.line,
                                              column: position.isUnknown ? 1 : position.column)
                diagnostics.append(.error(message, at: location, rule: "broken-link", hint: hint))
                return nil
            }
        }
        let tree = document.tree()
        let summary = post.summary ?? Self.shorten(tree.first { $0.kind == .paragraph }?.plainText ?? "", to: Self.summaryLimit)
        let built = BuiltPost(post: post, html: document.renderHTML(), summary: summary, wordCount: Self.countWords(tree))
        return (diagnostics.containsErrors ? nil : built, diagnostics)
    }

    /// Words a reader reads: text and inline code, not raw HTML or code blocks.
    static func countWords(_ tree: MarkdownNode) -> Int {
        var count = 0
        tree.forEach { node in
            guard node.kind == .text || node.kind == .code, let literal = node.literal else { return }
            var inWord = false
            for byte in literal.utf8 {
                let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A
                if !isSpace, !inWord { count += 1 }
                inWord = !isSpace
            }
        }
        return count
    }

    /// `text` cut at the last word boundary before `limit` characters, with an ellipsis.
    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let boundary = cut.lastIndex(of: " ") ?? cut.endIndex
        var shortened = String(cut[..<boundary])
        while let last = shortened.last, last == "," || last == ";" || last == ":" || last == " " { shortened.removeLast() }
        return shortened + "…"
    }
}
