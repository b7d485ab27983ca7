import ArgumentParser
import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation

extension CommentsCommand {
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
