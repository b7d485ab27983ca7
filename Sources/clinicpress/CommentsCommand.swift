import ArgumentParser
import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation

struct CommentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comments",
        abstract: "Moderate comments: list the queue, show, approve, reject, mark spam, import, screen.",
        discussion: """
        Each comment is a file, Posts/<post-file-stem>.comments/<id>.md; its id is the file name without .md, unique
        within its post, and its short id is the id without the date in front (2026-11-03-sam-nov → sam-nov). Name a
        comment by either, or as post/id (the post's slug or file name) when several posts have one with that id; a
        prefix that matches one comment is enough. Decisions are written into the file (status,
        moderated_by, moderated_at) atomically, keeping every other line, the line ends and the file's permissions as
        they were. `reason` explains the current rejection: reject writes it, approve and spam remove it. A decision is
        written only if the comment's status is still the one the command read; if another moderator changed it in
        between, the command says so and changes nothing. Only approved comments are published.
        Exit codes: 0 done; 1 some rows of an import were bad (the good ones were imported), or another moderator
        decided first on some comments (the others were decided); 2 could not run.
        """,
        subcommands: [List.self, Show.self, Approve.self, Reject.self, Spam.self, Import.self, Screen.self]
    )

    /// `--by NAME`, else $CLINICPRESS_MODERATOR, else the user name.
    struct ModeratorOption: ParsableArguments {
        @Option(help: ArgumentHelp("Who decides (default: $CLINICPRESS_MODERATOR, else $USER).", valueName: "name"))
        var by: String?

        var name: String {
            let environment = ProcessInfo.processInfo.environment
            return by ?? environment["CLINICPRESS_MODERATOR"] ?? environment["USER"] ?? "moderator"
        }
    }

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

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve comments: they are published by the next build.")
        @OptionGroup var siteOption: SiteOption
        @OptionGroup var moderator: ModeratorOption
        @Argument(help: "Comment ids or post/id addresses (or prefixes).")
        var ids: [String]

        func run() throws { try decide(.approve, ids: ids, site: siteOption.url, by: moderator.name) }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject comments, with the reason recorded in the file.")
        @OptionGroup var siteOption: SiteOption
        @OptionGroup var moderator: ModeratorOption
        @Option(help: "Why, for the record.")
        var reason: String
        @Argument(help: "Comment ids or post/id addresses (or prefixes).")
        var ids: [String]

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why") }
        }

        func run() throws { try decide(.reject(reason: reason), ids: ids, site: siteOption.url, by: moderator.name) }
    }

    struct Spam: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark comments as spam.")
        @OptionGroup var siteOption: SiteOption
        @OptionGroup var moderator: ModeratorOption
        @Argument(help: "Comment ids or post/id addresses (or prefixes).")
        var ids: [String]

        func run() throws { try decide(.spam, ids: ids, site: siteOption.url, by: moderator.name) }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import submissions from a form service: a JSON array or CSV with post, author, email, date, body.",
            discussion: "Each new submission becomes a screened pending comment file; submissions imported before are skipped."
        )
        @OptionGroup var siteOption: SiteOption
        @Argument(help: "The exported file (.json or .csv).")
        var file: String

        func run() throws {
            let site = siteOption.url
            let text: String
            do {
                text = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
            } catch {
                printError("error: cannot read \(file) as UTF-8 text")
                throw ExitCode(2)
            }
            let config = try loadConfig(site)
            let content: SiteContent
            do {
                content = try SiteContent.load(from: site)
            } catch let error as DiagnosticsError {
                printError(DiagnosticReport(error.diagnostics, siteDirectory: site).formatted(.text))
                printError("error: fix the site's errors before importing comments")
                throw ExitCode(2)
            }
            let submissions: [CommentImport.Submission]
            let problems: [CommentImport.RowProblem]
            do {
                (submissions, problems) = try CommentImport.read(text)
            } catch {
                printError("error: \(TerminalText.line(file)): \(TerminalText.line(String(describing: error)))")
                throw ExitCode(2)
            }
            let posts = PostNames(content.posts.map { PostNames.Entry(stem: $0.fileStem, slug: $0.slug) })
            let importer = CommentImport(siteDirectory: site, posts: posts, existing: content.comments,
                                         screener: CommentScreener(maxLength: config.comments.maxLength),
                                         autoSpam: AutoSpamPolicy(config.comments))
            let result = importer.run(submissions, problems: problems)
            for path in result.created { print("created \(TerminalText.line(path))") }
            if !result.duplicates.isEmpty {
                print("skipped \(result.duplicates.count) already imported (row\(result.duplicates.count == 1 ? "" : "s") \(result.duplicates.map(String.init).joined(separator: ", ")))")
            }
            for problem in result.problems { printError("\(TerminalText.line(file)): \(TerminalText.line(problem.description))") }
            print("Imported \(result.created.count) comment\(result.created.count == 1 ? "" : "s") for moderation; \(result.problems.count) bad row\(result.problems.count == 1 ? "" : "s").")
            if !result.problems.isEmpty { throw ExitCode(1) }
        }
    }

    struct Screen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Screen comments again and record their flags (all pending ones by default).")
        @OptionGroup var siteOption: SiteOption
        @Argument(help: "Comment ids (or prefixes); none for every pending comment.")
        var ids: [String] = []

        func run() throws {
            let site = siteOption.url
            let config = try loadConfig(site)
            let screener = CommentScreener(maxLength: config.comments.maxLength)
            let autoSpam = AutoSpamPolicy(config.comments)
            let comments = try loadComments(site)
            let moderation = Moderation(siteDirectory: site)
            let targets = ids.isEmpty ? comments.filter { $0.status == .pending } : try reporting { try moderation.find(ids) }.map { file in
                guard let comment = comments.first(where: { $0.source == file.path }) else {
                    printError("error: \(TerminalText.line(file.path)) changed while it was being read; run the command again")
                    throw ExitCode(2)
                }
                return comment
            }
            for comment in targets {
                let flags = screener.flags(author: comment.author, body: comment.body).map(\.rawValue)
                let file = Moderation.CommentFile(comment)
                // The policy decides under the file's lock: only a comment still pending then becomes spam.
                let markedSpam = try reporting { try moderation.record(flags: flags, autoSpam: autoSpam, on: file, at: .now) }.markedSpam
                print("\(TerminalText.line(comment.id)): \(flags.isEmpty ? "no flags" : flags.joined(separator: ", "))\(markedSpam ? " → spam" : "")")
            }
        }
    }
}

/// Applies one decision to each comment. All addresses are resolved and all statuses read first, so a typo changes
/// nothing; a comment whose status another moderator changed since it was read is left alone and reported, the
/// others are decided, and the command exits 1.
private func decide(_ decision: ModerationDecision, ids: [String], site: URL, by moderator: String) throws {
    let moderation = Moderation(siteDirectory: site)
    let files = try reporting { try moderation.find(ids) }
    let read = try files.map { file in try reporting { try moderation.status(of: file) } }
    // Who made the decision being replaced, so that a decision overridden leaves a trace in the output.
    let readBy = try files.map { file in try reporting { try moderation.value(of: "moderated_by", in: file) } }
    let now = Timestamp.now
    var conflicts = 0
    for ((file, status), previousModerator) in zip(zip(files, read), readBy) {
        do {
            try moderation.apply(decision, to: file, read: status, by: moderator, at: now)
        } catch let failure as Moderation.Failure {
            printError("error: \(TerminalText.line(failure.description))")
            guard case .conflict = failure else { throw ExitCode(2) }
            conflicts += 1
            continue
        }
        let replaced = status.flatMap { $0 == Comment.Status.pending.rawValue ? nil : $0 }
            .map { "; it was \(TerminalText.line($0))\(previousModerator.map { " (by \(TerminalText.line($0)))" } ?? "")" } ?? ""
        print("\(decision.verb) \(TerminalText.line(file.id)) (\(TerminalText.line(file.path)))\(replaced)")
    }
    if conflicts > 0 { throw ExitCode(1) }
}

/// Runs a moderation step, turning its failures into a message (and a hint) and exit code 2.
private func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as Moderation.Failure {
        printError("error: \(TerminalText.line(error.description))" + (error.hint.map { "\n    hint: \(TerminalText.line($0))" } ?? ""))
        throw ExitCode(2)
    }
}

private func loadComments(_ site: URL) throws -> [Comment] {
    let (comments, diagnostics) = SiteContent.loadComments(from: site)
    if !diagnostics.isEmpty {
        printError(DiagnosticReport(diagnostics, siteDirectory: site).formatted(.text))
    }
    if diagnostics.containsErrors { throw ExitCode(2) }
    return comments.keys.sorted().flatMap { comments[$0]! }
}

private func loadConfig(_ site: URL) throws -> SiteConfig {
    do {
        return try SiteContent.loadConfig(from: site)
    } catch let error as DiagnosticsError {
        printError(DiagnosticReport(error.diagnostics, siteDirectory: site).formatted(.text))
        throw ExitCode(2)
    }
}

/// The first line of a comment, shortened, with control characters escaped.
private func excerpt(_ body: String) -> String {
    let line = body.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first.map(String.init) ?? ""
    return TerminalText.line(line.count > 100 ? String(line.prefix(99)) + "…" : line)
}
