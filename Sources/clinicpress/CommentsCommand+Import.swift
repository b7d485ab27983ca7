import ArgumentParser
import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation

extension CommentsCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import comments from Netlify Forms, Formspree, WordPress, or any CSV or JSON export.",
            discussion: """
            Reads the export's kind from its name and content (--from to say it): Netlify's or Formspree's CSV or JSON, \
            WordPress's WXR export (.xml), or CSV or JSON with post, author, email, date and body. Each new comment \
            becomes a screened pending comment file; comments imported before are skipped. Prints one summary line \
            (and a progress bar while it works, when standard error is a terminal); each bad row is an error on \
            standard error.
            """
        )
        @OptionGroup var siteOption: SiteOption
        @OptionGroup var output: OutputOptions
        @Option(help: "The kind of export: netlify, formspree, wordpress or generic (default: recognised from the file).")
        var from: ImportFormat?
        @Argument(help: "The exported file (.csv, .json or WordPress's .xml).")
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
            let export: CommentImport.Export
            do {
                export = try CommentImport.read(text, fileName: file, as: from)
            } catch {
                printError("error: \(TerminalText.line(file)): \(TerminalText.line(String(describing: error)))")
                throw ExitCode(2)
            }
            let posts = PostNames(content.posts.map { PostNames.Entry(stem: $0.fileStem, slug: $0.slug) })
            let importer = CommentImport(siteDirectory: site, posts: posts, existing: content.comments,
                                         screener: CommentScreener(maxLength: config.comments.maxLength),
                                         autoSpam: AutoSpamPolicy(config.comments))
            let bar = output.progressBar(label: "Importing", unit: "rows", total: export.submissions.count)
            let result = importer.run(export.submissions, problems: export.problems) { done, _ in bar?.update(done) }
            bar?.finish()
            for problem in result.problems { printError("\(TerminalText.line(file)): \(TerminalText.line(problem.description))") }
            output.summary(Self.summary(result, of: export))
            if !result.problems.isEmpty { throw ExitCode(1) }
        }

        /// `Imported 3 comments for moderation; skipped 2 already imported (rows 2, 5); 1 bad row.`, or for a
        /// WordPress export `Imported 3 comments for moderation from WordPress; skipped 1 already imported (comments
        /// 12); left out 1 pingback, 2 spam; 0 bad rows.`
        static func summary(_ result: CommentImport.Result, of export: CommentImport.Export) -> String {
            var parts = ["Imported \(count(result.created.count, "comment")) for moderation" + (export.format.serviceName.map { " from \($0)" } ?? "")]
            if !result.duplicates.isEmpty {
                let byComment = result.duplicates.allSatisfy { $0.commentID != nil }
                let names = result.duplicates.prefix(5).map { $0.commentID ?? String($0.row) } + (result.duplicates.count > 5 ? ["…"] : [])
                let noun = (byComment ? "comment" : "row") + (result.duplicates.count == 1 ? "" : "s")
                parts.append("skipped \(result.duplicates.count) already imported (\(noun) \(names.joined(separator: ", ")))")
            }
            if !export.leftOut.isEmpty {
                let reasons = export.leftOut.sorted { $0.key < $1.key }.map { reason, number in
                    switch reason {
                    case "spam": "\(number) spam"
                    case "trash": "\(number) in the trash"
                    default: count(number, reason)
                    }
                }
                parts.append("left out \(reasons.joined(separator: ", "))")
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

extension ImportFormat: ExpressibleByArgument {}
