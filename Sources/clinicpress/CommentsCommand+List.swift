import ArgumentParser
import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation

extension CommentsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List comments with their flags (the pending queue by default).",
            discussion: """
            Each comment is listed by the shortest name that addresses it (its short id, else post/short id, else its id), \
            with its status, day, author, post, "↳ reply to <name>" for a reply, and its screening flags; its first line \
            follows, indented. --format json prints an array of objects with id, post, author, date, status, flags, \
            reply_to and excerpt, every comment unless --limit is given.
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var siteOption: SiteOption
        @Option(help: "pending, approved, rejected, spam or all.")
        var status = "pending"
        @Option(help: ArgumentHelp("Only the comments of this post: its slug, or its file name (with or without .md and Posts/).", valueName: "post"))
        var post: String?
        @Option(help: ArgumentHelp("List at most this many comments; 0 for all (default: 50 as text, all as JSON).", valueName: "n"))
        var limit: Int?
        @Option(help: "text or json.")
        var format: Format = .text

        func validate() throws {
            guard status == "all" || Comment.Status(rawValue: status) != nil else {
                throw ValidationError("--status must be pending, approved, rejected, spam or all")
            }
            if let limit, limit < 0 { throw ValidationError("--limit must be 0 (all) or more") }
        }

        func run() throws {
            let comments = try loadComments(siteOption.url)
            let moderation = Moderation(siteDirectory: siteOption.url)
            // An unknown post is an error, never an empty (and falsely reassuring) queue.
            let stems = try post.map { name in Set(try reporting { try moderation.postStems(named: name) }) }
            let selected = comments.filter { comment in
                (status == "all" || comment.status.rawValue == status) && (stems?.contains(comment.postStem) ?? true)
            }
            let names = CommentNames(files: moderation.files(), posts: moderation.posts)
            let listing = CommentListing(selected.map { comment in
                CommentListing.Row(comment: comment, name: names.name(ofID: comment.id, postStem: comment.postStem),
                                   replyToName: comment.replyTo.map { names.name(ofID: $0, postStem: comment.postStem) },
                                   post: moderation.posts.slug(ofStem: comment.postStem))
            })
            switch format {
            case .json:
                let limit = limit ?? 0
                print(listing.json(limit: limit), terminator: "")
                let more = listing.leftOut(limit: limit)
                if more > 0 { printError(CommentListing.more(more)) }
            case .text:
                guard !selected.isEmpty else {
                    print("No \(status == "all" ? "" : status + " ")comments\(post.map { " on \(TerminalText.line($0))" } ?? "").")
                    return
                }
                print(listing.text(limit: limit ?? 50), terminator: "")
            }
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
