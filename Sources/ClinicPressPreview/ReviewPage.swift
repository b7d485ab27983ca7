import ClinicPressModel
import ClinicPressRender
import ClinicPressSite
import Foundation

/// `/_review`: one page listing every post of the preview with what needs doing: its findings by severity, whether
/// it is a draft or scheduled, its pending comments and a medical review that is due. Posts that need attention come
/// first (errors, then warnings, then due reviews, then pending comments); each links to its preview page.
///
/// Loopback only, like the moderation queue: it shows drafts and the state of every post.
public struct ReviewPage: Sendable {
    static let path = "/_review"
    /// The overview of the last successful build, made when the page is asked for (nil before the first build).
    let overview: @Sendable () -> SiteOverview?

    public init(overview: @escaping @Sendable () -> SiteOverview?) {
        self.overview = overview
    }

    /// The overview, made off the server's event loop: it waits for a build that is running.
    func currentOverview() async -> SiteOverview? {
        await withCheckedContinuation { continuation in
            let overview = overview
            DispatchQueue.global().async { continuation.resume(returning: overview()) }
        }
    }

    /// The page for the last successful build's overview; nil before the first build.
    func html(_ overview: SiteOverview?, basePath: String = "/") -> String {
        guard let overview else {
            return ModerationQueue.header(title: "Review") + "<p>The site has not built yet: the page reloads when it does.</p>\n" + Self.footer
        }
        let entries = overview.entries
        let totals = (errors: entries.reduce(0) { $0 + $1.errors }, warnings: entries.reduce(0) { $0 + $1.warnings },
                      due: entries.count { $0.reviewDue != nil }, pending: entries.reduce(0) { $0 + $1.pendingComments })
        var html = ModerationQueue.header(title: "Review: \(entries.count) post\(entries.count == 1 ? "" : "s")", style: Self.style)
        html += "<p class=\"totals\">\(Self.count(totals.errors, "error")) · \(Self.count(totals.warnings, "warning")) · "
        html += "\(Self.count(totals.due, "review")) due · \(Self.count(totals.pending, "pending comment"))"
        html += " — <a href=\"\(ModerationQueue.path)\">moderation queue</a></p>\n"
        html += "<p>Posts that need attention first: errors, then warnings, then medical reviews due, then pending comments.</p>\n"
        html += "<table>\n<caption class=\"visually-hidden\">Every post and what it needs</caption>\n"
        html += "<thead><tr><th scope=\"col\">Post</th><th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th><th scope=\"col\">Notes</th>"
        html += "<th scope=\"col\">Review due</th><th scope=\"col\">Pending comments</th><th scope=\"col\">State</th></tr></thead>\n<tbody>\n"
        for entry in entries {
            html += "<tr>"
            html += "<th scope=\"row\"><a href=\"\(Markup.escape(basePath + entry.path))\">\(Markup.escape(entry.title))</a>"
            html += "<br><code>\(Markup.escape(entry.source))</code></th>"
            html += Self.cell(entry.errors, "✖", "error") + Self.cell(entry.warnings, "▲", "warning") + Self.cell(entry.notes, "ℹ", "note")
            html += "<td>\(entry.reviewDue.map { "<span class=\"due\">Due since \($0.dayString)</span>" } ?? "—")</td>"
            html += entry.pendingComments == 0 ? "<td class=\"zero\">0</td>"
                : "<td><a href=\"\(ModerationQueue.path)\">\(entry.pendingComments) pending</a></td>"
            var state: [String] = []
            if entry.isDraft { state.append("Draft") }
            if entry.isScheduled { state.append("Scheduled for \(entry.date.dayString)") }
            html += "<td>\(state.isEmpty ? "Published" : state.joined(separator: ", "))</td>"
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if entries.isEmpty { html += "<p>No post yet.</p>\n" }
        return html + Self.footer
    }

    static func cell(_ count: Int, _ icon: String, _ word: String) -> String {
        count == 0 ? "<td class=\"zero\">0</td>"
            : "<td class=\"sev sev-\(word)\"><span aria-hidden=\"true\">\(icon)</span> \(count) <span class=\"visually-hidden\">\(word)\(count == 1 ? "" : "s")</span></td>"
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static let style = """
    body { max-width: 72rem; } table { border-collapse: collapse; width: 100%; font-size: 15px; }
    th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid #d5dbe1; vertical-align: top; }
    thead th { border-bottom: 2px solid #4a5663; } tbody th { font-weight: 400; } tbody th a { font-weight: 600; color: #1d3f8f; }
    td.zero { color: #4a5663; } td.sev { font-weight: 700; } .sev-error { color: #b42318; } .sev-warning { color: #8a5300; } .sev-note { color: #1b5aa6; }
    .due { color: #8a5300; font-weight: 600; } code { font-size: 12px; color: #4a5663; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    """

    /// Reloads the page when the site changes.
    static let footer = """
        </main>
        <script>new EventSource("\(LiveReload.eventsPath)").addEventListener("change", () => location.reload());</script>
        </body></html>

        """
}
