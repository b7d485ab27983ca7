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
        Each comment is a file, Posts/<post-file-stem>.comments/<id>.md; its id is the file name without .md, unique \
        within its post, and its short id is the id without the date in front (2026-11-03-sam-nov → sam-nov). Name a \
        comment by either, or as post/id (the post's slug or file name) when several posts have one with that id; a \
        prefix that matches one comment is enough. Decisions are written into the file (status, \
        moderated_by, moderated_at) atomically, keeping every other line, the line ends and the file's permissions as \
        they were. `reason` explains the current rejection: reject writes it, approve and spam remove it. A decision is \
        written only if the comment's status is still the one the command read; if another moderator changed it in \
        between, the command says so and changes nothing. Only approved comments are published.
        Exit codes: 0 done; 1 some rows of an import were bad (the good ones were imported), another moderator decided \
        first on some comments, or approve refused comments with contact details (the others were decided); 2 could not \
        run.
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
}

/// Runs a moderation step, turning its failures into a message (and a hint) and exit code 2.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as Moderation.Failure {
        printError("error: \(TerminalText.line(error.description))" + (error.hint.map { "\n    hint: \(TerminalText.line($0))" } ?? ""))
        throw ExitCode(2)
    }
}

/// Every comment of the site, by post file stem then oldest first; problems printed, errors exit 2.
func loadComments(_ site: URL) throws -> [Comment] {
    let (comments, diagnostics) = SiteContent.loadComments(from: site)
    if !diagnostics.isEmpty {
        printError(DiagnosticReport(diagnostics, siteDirectory: site).formatted(.text))
    }
    if diagnostics.containsErrors { throw ExitCode(2) }
    return comments.keys.sorted().flatMap { comments[$0]! }
}

/// The site's settings; errors printed, exit 2.
func loadConfig(_ site: URL) throws -> SiteConfig {
    do {
        return try SiteContent.loadConfig(from: site)
    } catch let error as DiagnosticsError {
        printError(DiagnosticReport(error.diagnostics, siteDirectory: site).formatted(.text))
        throw ExitCode(2)
    }
}
