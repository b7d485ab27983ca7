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
            discussion: """
            Each new submission becomes a screened pending comment file; submissions imported before are skipped. Prints \
            one summary line (and a progress bar while it works, when standard error is a terminal); each bad row is an \
            error on standard error.
            """
        )
        @OptionGroup var siteOption: SiteOption
        @OptionGroup var output: OutputOptions
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
            let bar = output.progressBar(label: "Importing", unit: "rows", total: submissions.count)
            let result = importer.run(submissions, problems: problems) { done, _ in bar?.update(done) }
            bar?.finish()
            for problem in result.problems { printError("\(TerminalText.line(file)): \(TerminalText.line(problem.description))") }
            output.summary(Self.summary(result))
            if !result.problems.isEmpty { throw ExitCode(1) }
        }

        /// `Imported 3 comments for moderation; skipped 2 already imported (rows 2, 5); 1 bad row.`
        static func summary(_ result: CommentImport.Result) -> String {
            var parts = ["Imported \(count(result.created.count, "comment")) for moderation"]
            if !result.duplicates.isEmpty {
                let rows = result.duplicates.prefix(5).map(String.init) + (result.duplicates.count > 5 ? ["…"] : [])
                parts.append("skipped \(result.duplicates.count) already imported (row\(result.duplicates.count == 1 ? "" : "s") \(rows.joined(separator: ", ")))")
            }
            parts.append(count(result.problems.count, "bad row"))
            return parts.joined(separator: "; ") + "."
        }
    }

    struct Screen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Screen comments again and record their flags (all pending ones by default).",
            discussion: """
            With ids, prints each comment's flags; without, screens every pending comment and prints one summary line \
            (and a progress bar while it works, when standard error is a terminal).
            """
        )
        @OptionGroup var siteOption: SiteOption
        @OptionGroup var output: OutputOptions
        @Argument(help: "Comment ids (or prefixes); none for every pending comment.")
        var ids: [String] = []

        func run() throws {
            let site = siteOption.url
            let config = try loadConfig(site)
            let screener = CommentScreener(maxLength: config.comments.maxLength)
            let autoSpam = AutoSpamPolicy(config.comments)
            let comments = try loadComments(site)
            let moderation = Moderation(siteDirectory: site)
            let bySource = Dictionary(comments.map { ($0.source, $0) }, uniquingKeysWith: { first, _ in first })
            let targets = ids.isEmpty ? comments.filter { $0.status == .pending } : try reporting { try moderation.find(ids) }.map { file in
                guard let comment = bySource[file.path] else {
                    printError("error: \(TerminalText.line(file.path)) changed while it was being read; run the command again")
                    throw ExitCode(2)
                }
                return comment
            }
            let bar = ids.isEmpty ? output.progressBar(label: "Screening", unit: "comments", total: targets.count) : nil
            var flagged = 0, markedSpam = 0
            var flagCounts: [String: Int] = [:]
            var done = 0
            try reporting {
                try moderation.screen(targets, with: screener, autoSpam: autoSpam, at: .now) { result in
                    if !result.flags.isEmpty { flagged += 1 }
                    if result.markedSpam { markedSpam += 1 }
                    for flag in result.flags { flagCounts[flag, default: 0] += 1 }
                    if !ids.isEmpty, !output.quiet {
                        let flags = result.flags.isEmpty ? "no flags" : result.flags.joined(separator: ", ")
                        print("\(TerminalText.line(result.comment.id)): \(TerminalText.line(flags))\(result.markedSpam ? " → spam" : "")")
                    }
                    done += 1
                    bar?.update(done)
                }
            }
            bar?.finish()
            guard ids.isEmpty else { return }
            // Flags in the order screening gives them.
            let counts = CommentFlag.allCases.compactMap { flag in flagCounts[flag.rawValue].map { "\(flag.rawValue): \($0)" } }
            output.summary("Screened \(count(targets.count, "comment")): "
                + (flagged == 0 ? "none flagged" : "\(flagged) flagged (\(counts.joined(separator: ", ")))") + ", \(markedSpam) marked spam.")
        }
    }
}

/// `--quiet`, and what follows from it and from where standard error goes: the progress bar and the summary line.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print errors only: no progress bar, no summary.")
    var quiet = false

    /// A progress bar on standard error when it is a terminal and the command is not quiet; nil otherwise.
    func progressBar(label: String, unit: String, total: Int) -> ProgressBar? {
        guard !quiet, isatty(2) == 1 else { return nil }
        return ProgressBar(label: label, unit: unit, total: total) { FileHandle.standardError.write(Data($0.utf8)) }
    }

    /// Prints the command's summary line, unless quiet.
    func summary(_ line: String) {
        if !quiet { print(line) }
    }
}

/// `1 comment`, `3 comments`.
func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}
