import ArgumentParser
import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation

extension CommentsCommand {
    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Approve comments: they are published by the next build.",
            discussion: """
            A comment whose author or text has contact details (an email address, phone number or street address) is not \
            approved, and the command exits 1: edit them out of the file, or pass --keep-contact-info to publish them. \
            A reply whose parent (or a comment above it) is not approved is approved with a warning: it stays hidden \
            until that comment is approved.
            """
        )
        @OptionGroup var siteOption: SiteOption
        @OptionGroup var moderator: ModeratorOption
        @Flag(help: "Approve comments with contact details too, publishing them.")
        var keepContactInfo = false
        @Argument(help: "Comment ids or post/id addresses (or prefixes).")
        var ids: [String]

        func run() throws { try decide(.approve, ids: ids, site: siteOption.url, by: moderator.name, allowingContactInfo: keepContactInfo) }
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
/// nothing; a comment whose status another moderator changed since it was read, or (approving) that has contact details,
/// is left alone and reported, the others are decided, and the command exits 1. Approved replies that stay hidden
/// because their thread is not approved are warned about once every decision is written.
func decide(_ decision: ModerationDecision, ids: [String], site: URL, by moderator: String, allowingContactInfo: Bool = false) throws {
    let moderation = Moderation(siteDirectory: site)
    let files = try reporting { try moderation.find(ids) }
    let read = try files.map { file in try reporting { try moderation.status(of: file) } }
    // Who made the decision being replaced, so that a decision overridden leaves a trace in the output.
    let readBy = try files.map { file in try reporting { try moderation.value(of: "moderated_by", in: file) } }
    let names = CommentNames(files: moderation.files(), posts: moderation.posts)
    let now = Timestamp.now
    var refused = 0
    var approved: [CommentFile] = []
    for ((file, status), previousModerator) in zip(zip(files, read), readBy) {
        do {
            try moderation.apply(decision, to: file, read: status, by: moderator, at: now, allowingContactInfo: allowingContactInfo)
        } catch let failure as Moderation.Failure {
            switch failure {
            case .conflict:
                printError("error: \(TerminalText.line(failure.description))")
            case .contactInfo:
                printError("error: not approved: \(TerminalText.line(names.name(of: file))) (\(TerminalText.line(file.path))) has contact details "
                    + "(an email address, phone number or street address) that would be published; edit them out of the file, "
                    + "or approve with --keep-contact-info to publish them")
            default:
                printError("error: \(TerminalText.line(failure.description))")
                throw ExitCode(2)
            }
            refused += 1
            continue
        }
        if decision == .approve { approved.append(file) }
        let replaced = status.flatMap { $0 == Comment.Status.pending.rawValue ? nil : $0 }
            .map { "; it was \(TerminalText.line($0))\(previousModerator.map { " (by \(TerminalText.line($0)))" } ?? "")" } ?? ""
        print("\(decision.verb) \(TerminalText.line(file.id)) (\(TerminalText.line(file.path)))\(replaced)")
    }
    for file in approved {
        guard let hidden = try reporting({ try moderation.hiddenReply(file) }) else { continue }
        printError("warning: " + TerminalText.line(hiddenReplyMessage(hidden, name: names.name(of: file), names: names)))
    }
    if refused > 0 { throw ExitCode(1) }
}

/// Why the approved reply `name` is not published, and until when.
func hiddenReplyMessage(_ hidden: Moderation.HiddenReply, name: String, names: CommentNames) -> String {
    switch hidden {
    case let .belowUnapproved(parent, hiddenBy, status):
        let thread = parent == hiddenBy ? "" : "in the thread of \(names.name(of: hiddenBy)), which is "
        return "\(name) replies to \(names.name(of: parent)), which is \(thread)\(status): \(name) stays hidden until \(names.name(of: hiddenBy)) is approved"
    case let .missingParent(parent):
        return "\(name) replies to '\(parent)', which is not a comment of its post: it is not published until `reply_to` names one (`clinicpress check` reports it)"
    case .cycle:
        return "\(name) is in a circle of replies (`reply_to` leads back to it): it is not published (`clinicpress check` reports it)"
    }
}
