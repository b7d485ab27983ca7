import Foundation

/// The kinds of export `clinicpress comments import` reads (`--from`), each with its own field names
/// (`FormExport.Mapping`, `WordPressExport`).
public enum ImportFormat: String, Sendable, CaseIterable {
    /// CSV or JSON with the usual columns: `post`, `author`, `email`, `date`, `body` and their common other names.
    case generic
    /// Netlify Forms: the submissions API's JSON, or the CSV the Forms tab downloads.
    case netlify
    /// Formspree: the submissions API's JSON (`{"fields": […], "submissions": […]}`), or the dashboard's CSV.
    case formspree
    /// WordPress: the WXR (XML) file of Tools → Export.
    case wordpress

    /// How the summary names the source: `Netlify Forms`; nil for generic exports.
    public var serviceName: String? {
        switch self {
        case .generic: nil
        case .netlify: "Netlify Forms"
        case .formspree: "Formspree"
        case .wordpress: "WordPress"
        }
    }

    /// What an export is, from its file name and its text: `.xml` or text starting with `<` is WordPress's WXR; JSON
    /// (starting with `[` or `{`) is Formspree's when it is an object with `submissions` or its rows have `_date`,
    /// Netlify's when its rows have a `data` object with `created_at`, `form_name`, `human_fields` or `site_url`
    /// beside it; CSV is Formspree's when its header has `_date` or `_replyto`, Netlify's when it has `form_name`, or
    /// `created_at` with `ip`, `user_agent` or `referrer`. Anything else is generic.
    public static func detect(text: String, fileName: String) -> ImportFormat {
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if URL(fileURLWithPath: fileName).pathExtension.lowercased() == "xml" || trimmed.first == "<" { return .wordpress }
        if trimmed.first == "[" || trimmed.first == "{" {
            guard let value = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) else { return .generic }
            return detect(json: value)
        }
        let header = (try? CSV.parse(String(trimmed.prefix { $0 != "\n" && $0 != "\r" })))?.first?.fields.map(FormExport.columnName) ?? []
        return detect(columns: Set(header))
    }

    static func detect(json value: Any) -> ImportFormat {
        if let object = value as? [String: Any] {
            return object["submissions"] is [Any] ? .formspree : .generic
        }
        let rows = (value as? [Any])?.compactMap { $0 as? [String: Any] } ?? []
        if rows.contains(where: { $0["data"] is [String: Any] && ["created_at", "form_name", "human_fields", "site_url"].contains(where: $0.keys.contains) }) {
            return .netlify
        }
        if rows.contains(where: { $0["_date"] != nil }) { return .formspree }
        return .generic
    }

    static func detect(columns: Set<String>) -> ImportFormat {
        if columns.contains("_date") || columns.contains("_replyto") { return .formspree }
        if columns.contains("form_name") || columns.contains("created_at") && !columns.isDisjoint(with: ["ip", "user_agent", "referrer"]) {
            return .netlify
        }
        return .generic
    }
}
