import ArgumentParser
import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation

extension CommentsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List comments with their flags (the pending queue by default).")

        @OptionGroup var siteOption: SiteOption
        @Option(help: "pending, approved, rejected, spam or all.")
        var status = "pending"
        @Option(help: ArgumentHelp("Only the comments of this post: its slug, or its file name (with or without .md and Posts/).", valueName: "post"))
        var post: String?

        func validate() throws {
            guard status == "all" || Comment.Status(rawValue: status) != nil else {
                throw ValidationError("--status must be pending, approved, rejected, spam or all")
            }
        }

        func run() throws {
            let comments = try loadComments(siteOption.url)
            let moderation = Moderation(siteDirectory: siteOption.url)
            // An unknown post is an error, never an empty (and falsely reassuring) queue.
            let stems = try post.map { name in Set(try reporting { try moderation.postStems(named: name) }) }
            let selected = comments.filter { comment in
                (status == "all" || comment.status.rawValue == status) && (stems?.contains(comment.postStem) ?? true)
            }
            guard !selected.isEmpty else {
                print("No \(status == "all" ? "" : status + " ")comments\(post.map { " on \(TerminalText.line($0))" } ?? "").")
                return
            }
            for comment in selected {
                let flags = comment.flags.isEmpty ? "" : "  [\(TerminalText.line(comment.flags.joined(separator: ", ")))]"
                print("\(TerminalText.line(comment.id))  \(comment.status.rawValue)  \(comment.date.dayString)  \(TerminalText.line(comment.author))  on \(TerminalText.line(moderation.posts.slug(ofStem: comment.postStem)))\(flags)")
                print("    \(excerpt(comment.body))")
            }
            print("\(selected.count) comment\(selected.count == 1 ? "" : "s")")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a comment's file.")

        @OptionGroup var siteOption: SiteOption
        @Argument(help: "The comment's id (or post/id), or a prefix of it.")
        var id: String

        func run() throws {
            let moderation = Moderation(siteDirectory: siteOption.url)
            let file = try reporting { try moderation.find(id) }
            let text = try reporting { try moderation.text(of: file) }
            print("# \(TerminalText.line(file.path))")
            print(TerminalText.block(text), terminator: "")
        }
    }
}
