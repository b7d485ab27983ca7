import ClinicPressModel
import ClinicPressRender
import Foundation

/// The review panel on preview pages (never in `build` output): each finding of the page listed beside the text
/// (a side column on wide screens, a count badge that opens a sheet on narrow ones) with its severity as an icon and a
/// word, rule, message, the sentence, `file:line:column` with a copy button and a link that opens the file in the
/// site's editor. The script highlights each finding's sentence in the text (underline style and a marker say the
/// severity, not colour alone), links sentence and entry both ways, and moves between findings with `j`/`k`.
///
/// The panel is HTML made here, so it is the same bytes for the same findings; the script only finds the sentences.
enum PreviewOverlay {
    /// Where the site is, for editor links (absolute paths), and which editor they open.
    struct Links: Equatable, Sendable {
        var siteDirectory: URL
        var editor: Editor
    }

    static func panel(_ findings: [Diagnostic], links: Links) -> String {
        guard !findings.isEmpty else { return "" }
        let sorted = findings.sorted { ($0.location.file, $0.location.line, $0.location.column, $0.rule) < ($1.location.file, $1.location.line, $1.location.column, $1.rule) }
        let counts = Diagnostic.Severity.allCases.reversed().compactMap { severity -> String? in
            let count = sorted.count { $0.severity == severity }
            return count == 0 ? nil : "\(count) \(word(severity, count: count).lowercased())"
        }
        let worst = sorted.map(\.severity).max() ?? .info
        var html = """
        <aside id="cp-review" class="cp-review" aria-labelledby="cp-review-title" data-worst="\(worst.rawValue)">
        <button type="button" class="cp-badge cp-badge-\(worst.rawValue)" aria-expanded="false" aria-controls="cp-review-body"><span aria-hidden="true">\(icon(worst))</span> \(sorted.count) <span class="cp-badge-word">finding\(sorted.count == 1 ? "" : "s")</span></button>
        <div class="cp-review-body" id="cp-review-body">
        <div class="cp-review-head"><h2 id="cp-review-title">Review <span class="cp-preview-only">(preview only)</span></h2>
        <button type="button" class="cp-close" aria-label="Close the review panel">Close</button></div>
        <p class="cp-counts">\(counts.joined(separator: " · "))</p>
        <p class="cp-keys">Keys: <kbd>j</kbd> next finding, <kbd>k</kbd> previous, <kbd>Esc</kbd> closes the sheet. Review of every post: <a href="\(ReviewPage.path)">\(ReviewPage.path)</a></p>
        <p class="cp-status" role="status" aria-live="polite"></p>
        <ol class="cp-findings">

        """
        for (index, finding) in sorted.enumerated() {
            html += entry(finding, number: index + 1, links: links)
        }
        html += "</ol>\n</div>\n</aside>\n"
        return html
    }

    /// One finding of the panel.
    static func entry(_ finding: Diagnostic, number: Int, links: Links) -> String {
        let severity = finding.severity.rawValue
        let location = finding.location.description
        var html = "<li id=\"cp-entry-\(number)\" class=\"cp-entry cp-\(severity)\" tabindex=\"-1\" data-severity=\"\(severity)\""
        html += " data-rule=\"\(Markup.escape(finding.rule))\""
        if let excerpt = finding.excerpt { html += " data-excerpt=\"\(Markup.escape(excerpt))\"" }
        html += ">\n"
        html += "<p class=\"cp-head\"><span class=\"cp-sev cp-sev-\(severity)\"><span aria-hidden=\"true\">\(icon(finding.severity))</span> \(word(finding.severity, count: 1))</span>"
        html += " <code class=\"cp-rule\">\(Markup.escape(finding.rule))</code></p>\n"
        html += "<p class=\"cp-message\">\(Markup.escape(finding.message))</p>\n"
        if let excerpt = finding.excerpt {
            html += "<p class=\"cp-excerpt\"><a class=\"cp-go\" href=\"#cp-finding-\(number)\">“\(Markup.escape(excerpt))”</a></p>\n"
        }
        if !finding.reasons.isEmpty {
            html += "<p class=\"cp-reasons\">Because: " + finding.reasons.map { "<q>\(Markup.escape($0))</q>" }.joined(separator: ", ") + "</p>\n"
        }
        if let hint = finding.hint { html += "<p class=\"cp-hint\">Hint: \(Markup.escape(hint))</p>\n" }
        html += "<p class=\"cp-where\"><code class=\"cp-location\">\(Markup.escape(location))</code>"
        html += " <button type=\"button\" class=\"cp-copy\" data-copy=\"\(Markup.escape(location))\" aria-label=\"Copy \(Markup.escape(location))\">Copy</button>"
        if let link = editorLink(finding.location, links: links) {
            html += " <a class=\"cp-open\" href=\"\(Markup.escape(link))\">Open in \(editorName(links.editor))</a>"
        }
        html += "</p>\n</li>\n"
        return html
    }

    /// The link that opens `location` in the site's editor, or nil (`editor: none`).
    static func editorLink(_ location: SourceLocation, links: Links) -> String? {
        let path = links.siteDirectory.standardizedFileURL.appendingPathComponent(location.file).path
        let encoded = path.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? path
        let (line, column) = (max(1, location.line), max(1, location.column))
        switch links.editor {
        case .vscode: return "vscode://file\(encoded):\(line):\(column)"
        case .zed: return "zed://file\(encoded):\(line):\(column)"
        case .idea:
            return "idea://open?file=\(encoded)&line=\(line)&column=\(column)"
        case .none: return nil
        }
    }

    /// Letters, digits, `-._~` and `/`: everything else in a path is percent-encoded (spaces, `#`, `?`, `%`, `:`).
    private static let pathCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")

    static func editorName(_ editor: Editor) -> String {
        switch editor {
        case .vscode: "VS Code"
        case .zed: "Zed"
        case .idea: "IntelliJ IDEA"
        case .none: ""
        }
    }

    /// The severity's icon: a shape as well as a colour.
    static func icon(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "✖"
        case .warning: "▲"
        case .info: "ℹ"
        }
    }

    static func word(_ severity: Diagnostic.Severity, count: Int) -> String {
        let word = switch severity {
        case .error: "Error"
        case .warning: "Warning"
        case .info: "Note"
        }
        return count == 1 ? word : word + "s"
    }

    /// The panel and its script, for the end of a page's `<body>`.
    static func claims(_ findings: [Diagnostic], links: Links) -> String {
        guard !findings.isEmpty else { return "" }
        return panel(findings, links: links) + "<script>/* ClinicPress review panel (preview only) */\n" + script + "</script>\n"
    }

    /// The panel's style, for the end of the page's `<head>` (a `<style>` in `<body>` is not valid HTML).
    static let headStyle = "<style>/* ClinicPress review panel (preview only) */\n" + style + "</style>\n"
}
