import ClinicPressMarkdown
import ClinicPressModel

/// Stage 2 of the build: a post's or a page's Markdown, parsed once into the immutable tree every later stage reads.
struct ParseStage: Sendable {
    let options: MarkdownOptions

    func parse(_ post: Post) -> MarkdownTree {
        MarkdownTree(post.body, firstLine: post.bodyFirstLine, options: options)
    }

    func parse(_ page: Page) -> MarkdownTree {
        MarkdownTree(page.body, firstLine: page.bodyFirstLine, options: options)
    }
}
