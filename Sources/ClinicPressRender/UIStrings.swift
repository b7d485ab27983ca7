import ClinicPressModel
import Foundation

/// The theme's interface strings in the site's language ("Read more", "Written by", month names…), from the theme's
/// `strings/<language>.yaml` files, with site.yaml's `strings:` over them. English fills any key a language lacks.
public struct UIStrings: Sendable {
    /// Every string by key.
    public let values: [String: String]

    /// The strings for `language` (a BCP 47 tag: `de-DE` uses `de`), from `tables` (by language code) with `overrides`
    /// over them.
    public init(language: String, tables: [String: [String: String]], overrides: [String: String] = [:]) {
        var values = tables["en"] ?? [:]
        if let table = tables[Self.code(of: language)] { values.merge(table) { _, language in language } }
        values.merge(overrides) { _, site in site }
        self.values = values
    }

    /// The strings of `config.language` from `theme`, with site.yaml's `strings:` over them.
    public init(_ config: SiteConfig, theme: Theme) {
        self.init(language: config.language, tables: theme.strings,
                  overrides: Dictionary(config.strings.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last }))
    }

    /// The built-in theme's strings for `language`.
    public static func builtIn(_ language: String) -> UIStrings {
        UIStrings(language: language, tables: builtInTables)
    }

    private static let builtInTables: [String: [String: String]] = Dictionary(
        DefaultTheme.files.compactMap { file -> (String, [String: String])? in
            guard file.path.hasPrefix("strings/"), file.path.hasSuffix(".yaml") else { return nil }
            return (String(file.path.dropFirst("strings/".count).dropLast(".yaml".count)), parse(file.text))
        }, uniquingKeysWith: { first, _ in first })

    /// `de-DE` → `de`, `pt_BR` → `pt`.
    public static func code(of language: String) -> String {
        String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    /// The string for `key` with each `{name}` replaced by its value; the key itself when there is no such string.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = values[key] ?? key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A date as people read it in this language: `September 8, 2026`, `8 de septiembre de 2026`, `8. September 2026`.
    public func date(_ timestamp: Timestamp) -> String {
        let months = (values["months"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let month = months.count == 12 ? months[timestamp.month - 1] : String(timestamp.month)
        return self("date_format", ["month": month, "day": String(timestamp.day), "year": String(timestamp.year)])
    }

    /// Reads a strings file: one `key: text` per line, the text optionally in double quotes; `#` starts a comment line.
    public static func parse(_ text: String) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let colon = trimmed.range(of: ": ") else { continue }
            var value = trimmed[colon.upperBound...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            values[String(trimmed[..<colon.lowerBound])] = value
        }
        return values
    }
}
