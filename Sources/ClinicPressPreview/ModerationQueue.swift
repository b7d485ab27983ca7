import ClinicPressComments
import ClinicPressContent
import ClinicPressModel
import ClinicPressRender
import ClinicPressText
import Foundation

/// `/_moderation`: the preview's moderation queue. Pending comments grouped by post (newest first) with their
/// screening flags, the comment they reply to and the post's opening; approve, reject with a reason, or mark as spam.
/// Decisions are written by `Moderation`, the code `clinicpress comments` uses (atomic, and refused when another
/// moderator decided first). The watcher sees the file change, the site rebuilds, and the queue page reloads.
///
/// Only for a preview bound to a loopback address; every decision must carry the session's token (a page of another
/// site cannot post one), and come from the preview's own origin when the browser says where it comes from.
public struct ModerationQueue: Sendable {
    static let path = "/_moderation"
    static let decidePath = "/_moderation/decide"

    let siteDirectory: URL
    /// A random value made when the server starts, written into every form.
    let token: String
    /// Who the decisions are recorded as (`moderated_by`).
    let moderator: String

    public init(siteDirectory: URL, moderator: String = ProcessInfo.processInfo.environment["USER"] ?? "preview",
                token: String = ModerationQueue.randomToken()) {
        self.siteDirectory = siteDirectory
        self.moderator = moderator
        self.token = token
    }

    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(generator.next() as UInt64, radix: 36) }.joined()
    }

    /// What a decision answers.
    enum Answer: Equatable {
        /// Done: back to the queue with a notice.
        case done(notice: String)
        /// A question first (a comment with contact details or health information), as a page.
        case confirm(html: String)
        /// Refused (403) or not possible (400, 409), with why.
        case refused(status: Int, message: String)
    }

    // MARK: - The queue page

    func page(notice: String? = nil) -> String {
        let (commentsByStem, _) = SiteContent.loadComments(from: siteDirectory)
        let pending = commentsByStem.values.joined().filter { $0.status == .pending }
        let byPost = Dictionary(grouping: pending, by: \.postStem)
        // Posts with the newest pending comment first; in each, newest first.
        let order = byPost.keys.sorted { lhs, rhs in
            let (a, b) = (byPost[lhs]!.map(\.date).max()!, byPost[rhs]!.map(\.date).max()!)
            return a != b ? a > b : lhs < rhs
        }
        var html = Self.header(title: "Moderation: \(pending.count) pending comment\(pending.count == 1 ? "" : "s")")
        if let notice { html += "<p class=\"notice\" role=\"status\">\(Markup.escape(notice))</p>\n" }
        if pending.isEmpty { html += "<p>No comment is waiting. New ones appear here as their files arrive.</p>\n" }
        for stem in order {
            let post = SiteContent.post(atPath: "Posts/\(stem).md", in: siteDirectory)
            let siblings = commentsByStem[stem] ?? []
            html += "<section aria-labelledby=\"post-\(Markup.escape(stem))\">\n"
            html += "<h2 id=\"post-\(Markup.escape(stem))\">\(post.map { "<a href=\"/\(Markup.escape($0.path))\">\(Markup.escape($0.title))</a>" } ?? Markup.escape(stem))</h2>\n"
            if let post { html += "<p class=\"excerpt\">\(Markup.escape(Self.excerpt(post.body, words: 30)))</p>\n" }
            for comment in byPost[stem]!.sorted(by: { ($0.date, $1.id) > ($1.date, $0.id) }) {
                html += card(comment, siblings: siblings)
            }
            html += "</section>\n"
        }
        return html + Self.footer
    }

    private func card(_ comment: Comment, siblings: [Comment]) -> String {
        let address = "\(comment.postStem)/\(comment.id)"
        var html = "<article class=\"comment\" aria-label=\"Comment by \(Markup.escape(comment.author))\">\n"
        html += "<p class=\"meta\"><strong>\(Markup.escape(comment.author))</strong> · <time datetime=\"\(comment.date.iso8601)\">\(comment.date.dayString)</time> · <code>\(Markup.escape(comment.id))</code></p>\n"
        if !comment.flags.isEmpty {
            html += "<p class=\"flags\">Flags: " + comment.flags.map { "<span class=\"flag\">\(Markup.escape($0))</span>" }.joined(separator: " ") + "</p>\n"
        }
        if let parentID = comment.replyTo {
            let parent = siblings.first { $0.id == parentID }
            html += "<blockquote class=\"parent\"><p>In reply to \(Markup.escape(parent?.author ?? parentID)): \(Markup.escape(Self.excerpt(parent?.body ?? "", words: 25)))</p>"
            if let hidden = try? Moderation(siteDirectory: siteDirectory).hiddenReply(CommentFile(comment)) {
                let why = switch hidden {
                case let .belowUnapproved(parent, hiddenBy, status): parent == hiddenBy ? "Its parent is \(status)" : "\(hiddenBy.id), above its parent, is \(status)"
                case .missingParent: "Its parent is missing"
                case .cycle: "Its reply_to links go round in a circle"
                }
                html += "<p class=\"warning\">⚠ \(Markup.escape(why)): this reply stays hidden until the parent is approved.</p>"
            }
            html += "</blockquote>\n"
        }
        html += "<div class=\"body\">\(Markup.escape(comment.body).replacingOccurrences(of: "\n", with: "<br>"))</div>\n"
        html += """
        <form method="post" action="\(Self.decidePath)">
        <input type="hidden" name="token" value="\(token)"><input type="hidden" name="address" value="\(Markup.escape(address))">
        <button name="decision" value="approve">Approve</button>
        <button name="decision" value="spam">Spam</button>
        <label>Reason <input name="reason" placeholder="why it is rejected"></label>
        <button name="decision" value="reject">Reject</button>
        </form>
        </article>

        """
        return html
    }

    // MARK: - Decisions

    /// Applies the decision a form posted. `origin` is the request's `Origin` (or `Referer`) when the browser sent
    /// one; `ownOrigin` the preview's address.
    func decide(_ form: [String: String], origin: String?, ownOrigin: String) -> Answer {
        guard form["token"] == token else {
            return .refused(status: 403, message: "This form is not from this preview session; reload /_moderation and decide again.")
        }
        if let origin, !origin.hasPrefix(ownOrigin) {
            return .refused(status: 403, message: "Decisions are taken only from the preview's own pages.")
        }
        guard let address = form["address"], !address.isEmpty else { return .refused(status: 400, message: "No comment named.") }
        let moderation = Moderation(siteDirectory: siteDirectory)
        do {
            let file = try moderation.find(address)
            let status = try moderation.status(of: file)
            guard status == Comment.Status.pending.rawValue else {
                return .refused(status: 409, message: "\(address) is \(status ?? "without a status") already: someone decided first. Nothing changed.")
            }
            let decision: ModerationDecision
            switch form["decision"] {
            case "approve": decision = .approve
            case "spam": decision = .spam
            case "reject":
                let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !reason.isEmpty else { return .refused(status: 400, message: "A rejection needs a reason: write it in the Reason field.") }
                decision = .reject(reason: reason)
            default:
                return .refused(status: 400, message: "Unknown decision.")
            }
            let comment = SiteContent.loadComments(from: siteDirectory).comments[file.postStem]?.first { $0.id == file.id }
            let concerns = decision == .approve ? Self.concerns(comment) : []
            if form["confirm"] == nil, !concerns.isEmpty {
                return .confirm(html: confirmation(address: address, concerns: concerns, text: comment?.body ?? ""))
            }
            if decision == .approve, form["confirm"] == "redact" {
                try moderation.removeContactDetails(of: file, read: status)
            }
            // "Approve as written" is the moderator's answer to the contact-details question `apply` would otherwise
            // refuse on (the command line's `--keep-contact-info`); after a redaction `apply` checks the text again.
            try moderation.apply(decision, to: file, read: status, by: moderator, at: .now, allowingContactInfo: form["confirm"] == "as-written")
            var notice = "\(address) \(decision.verb)"
            if form["confirm"] == "redact" { notice += ", with its contact details removed" }
            if decision == .approve, let hidden = try moderation.hiddenReply(file) {
                notice += ". " + Self.describe(hidden)
            }
            return .done(notice: notice + ".")
        } catch {
            return .refused(status: 409, message: "\(error)")
        }
    }

    /// What to ask about before approving: contact details, found as `Moderation.apply` finds them (in the text as it
    /// is now, by the screener), and a `health-disclosure` flag.
    static func concerns(_ comment: Comment?) -> [String] {
        guard let comment else { return [] }
        var concerns: [String] = []
        if CommentScreener().hasContactInfo(author: comment.author, body: comment.body) { concerns.append("contact-info") }
        if comment.flags.contains("health-disclosure") { concerns.append("health-disclosure") }
        return concerns
    }

    /// Why an approved reply stays off the site, in a sentence (the build's threading decides, `Moderation.hiddenReply`).
    static func describe(_ hidden: Moderation.HiddenReply) -> String {
        switch hidden {
        case let .belowUnapproved(parent, hiddenBy, _):
            let above = parent == hiddenBy ? "" : ", below \(hiddenBy.id)"
            return "It replies to \(parent.id)\(above), which is not approved: it stays hidden until that one is"
        case .missingParent(let id): return "It replies to \(id), which is not a comment of this post: it stays hidden"
        case .cycle: return "Its reply_to links go round in a circle: it stays hidden"
        }
    }

    private func confirmation(address: String, concerns: [String], text: String) -> String {
        var html = Self.header(title: "Approve \(address)?")
        html += "<p>This comment has <strong>\(concerns.joined(separator: ", "))</strong>. "
        html += "Once approved it is published on the post page for anyone to read.</p>\n"
        html += "<div class=\"body\">\(Markup.escape(text).replacingOccurrences(of: "\n", with: "<br>"))</div>\n"
        html += "<form method=\"post\" action=\"\(Self.decidePath)\"><input type=\"hidden\" name=\"token\" value=\"\(token)\">"
        html += "<input type=\"hidden\" name=\"address\" value=\"\(Markup.escape(address))\"><input type=\"hidden\" name=\"decision\" value=\"approve\">\n"
        if concerns.contains("contact-info") {
            html += "<button name=\"confirm\" value=\"redact\">Approve with contact details removed</button>\n"
        }
        html += "<button name=\"confirm\" value=\"as-written\">Approve as written</button> <a href=\"\(Self.path)\">Back to the queue</a></form>\n"
        return html + Self.footer
    }

    /// The first `words` words of a text, Markdown left as written.
    static func excerpt(_ text: String, words: Int) -> String {
        let all = text.split(whereSeparator: \.isWhitespace)
        return all.prefix(words).joined(separator: " ") + (all.count > words ? " …" : "")
    }

    // MARK: - HTTP

    /// The form's fields (`URLEncodedForm`); the last of a repeated name wins. Nil when the body is not a form.
    static func formFields(_ body: [UInt8]) -> [String: String]? {
        guard let pairs = try? URLEncodedForm.pairs(body) else { return nil }
        return Dictionary(pairs.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    // MARK: - Page frame

    /// The top of a preview page, up to its `<h1>`; `style` is added to the page's style sheet.
    static func header(title: String, style: String = "") -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(Markup.escape(title))</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-top: 1px solid #d5dbe1; padding-top: 1rem; }
        .comment { border: 1px solid #d5dbe1; border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
        .meta, .excerpt { color: #4a5663; } .flag { background: #fdecc8; color: #5c3d00; border-radius: 4px; padding: 0 .4rem; }
        .warning { color: #8a1c1c; } .notice { background: #e3f1e6; color: #14451f; padding: .5rem .75rem; border-radius: 6px; }
        .parent { margin: .5rem 0; padding-left: .75rem; border-left: 3px solid #d5dbe1; color: #4a5663; }
        button { font: inherit; padding: .25rem .75rem; margin: .25rem .25rem .25rem 0; }
        \(style)</style></head><body><main>
        <h1>\(Markup.escape(title))</h1>

        """
    }

    /// Reloads the queue when the site changes (a new comment file, another moderator's decision), unless a reason
    /// is being typed.
    static let footer = """
        </main>
        <script>
        new EventSource("\(LiveReload.eventsPath)").addEventListener("change", () => {
          const typing = [...document.querySelectorAll("input[name=reason]")].some((field) => field.value !== "");
          if (!typing) location.reload();
        });
        </script>
        </body></html>

        """
}
