import ClinicPressMarkdown
import ClinicPressModel

/// Stage 2 of the build: a post's Markdown, parsed once into the immutable tree every later stage reads.
struct ParseStage: Sendable {
    let options: MarkdownOptions

    func parse(_ post: Post) -> MarkdownTree {
        MarkdownTree(post.body, firstLine: post.bodyFirstLine, options: options)
    }
}
