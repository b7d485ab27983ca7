import ArgumentParser
import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation

extension CommentsCommand {
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
}

/// Applies one decision to each comment. All addresses are resolved and all statuses read first, so a typo changes
/// nothing; a comment whose status another moderator changed since it was read is left alone and reported, the
/// others are decided, and the command exits 1.
func decide(_ decision: ModerationDecision, ids: [String], site: URL, by moderator: String) throws {
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
