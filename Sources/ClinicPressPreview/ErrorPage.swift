import ClinicPressModel
import ClinicPressRender
import Foundation

/// The page the preview shows instead of a stale one while the site does not build: each diagnostic with the source
/// lines around it. It live-reloads, so fixing the file brings the site back by itself.
enum ErrorPage {
    static func html(_ diagnostics: [Diagnostic], siteDirectory: URL, generation: String) -> String {
        var items = ""
        var sources: [String: [Substring]] = [:]
        for diagnostic in diagnostics.sorted() {
            let file = diagnostic.location.file
            if sources[file] == nil {
                let text = FileManager.default.contents(atPath: siteDirectory.appendingPathComponent(file).path).map { String(decoding: $0, as: UTF8.self) } ?? ""
                sources[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
            }
            let lines = sources[file] ?? []
            let line = diagnostic.location.line
            var excerpt = ""
            if line >= 1, line <= lines.count {
                for number in max(1, line - 2)...min(lines.count, line + 2) {
                    let marker = number == line ? "class=\"here\"" : ""
                    excerpt += "<span \(marker)><span class=\"number\">\(number)</span>\(Markup.escape(String(lines[number - 1])))</span>\n"
                    if number == line {
                        excerpt += "<span class=\"caret\"><span class=\"number\"></span>\(String(repeating: " ", count: max(0, diagnostic.location.column - 1)))^</span>\n"
                    }
                }
            }
            items += """
            <li class="\(diagnostic.severity.rawValue)">
              <p><strong>\(Markup.escape(diagnostic.location.description))</strong>: \(diagnostic.severity.rawValue): \(Markup.escape(diagnostic.message)) <code>[\(Markup.escape(diagnostic.rule))]</code></p>
              \(diagnostic.hint.map { "<p class=\"hint\">hint: \(Markup.escape($0))</p>" } ?? "")
              \(excerpt.isEmpty ? "" : "<pre>\(excerpt)</pre>")
            </li>

            """
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed · ClinicPress preview</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #fbf6f4; color: #2a1c18; }
          main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem; }
          h1 { color: #9b2c12; margin-top: 0; }
          ol { padding: 0; list-style: none; }
          li { background: #fff; border: 1px solid #ecd3ca; border-left: 5px solid #c0392b; border-radius: 10px; padding: .25rem 1rem; margin: 1rem 0; }
          li.warning { border-left-color: #d9a300; }
          pre { background: #1f2523; color: #eef2f1; padding: .75rem; border-radius: 8px; overflow-x: auto; font-size: 14px; }
          pre .here { color: #fff; font-weight: 700; }
          pre .caret { color: #ff8a65; }
          .number { display: inline-block; width: 3.5em; color: #8a9794; user-select: none; }
          .hint { color: #5a4a45; }
        </style>
        </head>
        <body>
        <main>
        <h1>The site does not build: \(errors) error\(errors == 1 ? "" : "s")</h1>
        <p>Fix the file and save it: this page reloads by itself.</p>
        <ol>
        \(items)</ol>
        </main>
        \(LiveReload.script(generation: generation))</body>
        </html>

        """
    }
}
