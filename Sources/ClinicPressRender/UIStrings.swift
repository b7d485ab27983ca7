import ClinicPressModel
import Foundation

/// The theme's interface strings in the site's language ("Read more", "Written by", month names…), from the theme's
/// `strings/<language>.yaml` files, with site.yaml's `strings:` over them. English fills any key a language lacks.
public struct UIStrings: Sendable {
    /// Every string by key.
    public let values: [String: String]
    /// The twelve month names of `months`, split once (every post on every page shows a date); empty when not twelve.
    private let months: [String]

    /// The strings for `language` (a BCP 47 tag: `de-DE` uses `de`), from `tables` (by language code) with `overrides`
    /// over them.
    public init(language: String, tables: [String: [String: String]], overrides: [String: String] = [:]) {
        var values = tables["en"] ?? [:]
        if let table = tables[Self.code(of: language)] { values.merge(table) { _, language in language } }
        values.merge(overrides) { _, site in site }
        self.values = values
        let months = (values["months"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        self.months = months.count == 12 ? months : []
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

    /// (The built-in files read without a problem: `StringsFileTests` checks it.)
    private static var builtInTables: [String: [String: String]] { Theme.builtInStringFiles.strings }

    /// `de-DE` → `de`, `pt_BR` → `pt`.
    public static func code(of language: String) -> String {
        String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    /// The string for `key` with each `{name}` replaced by its value; the key itself when there is no such string.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        let text = values[key] ?? key
        return arguments.isEmpty ? text : Self.fill(text, arguments)
    }

    /// `text` with each `{name}` of `arguments` replaced by its value, in one pass (a value is never read for
    /// placeholders); other braces stay as written.
    static func fill(_ text: String, _ arguments: [String: String]) -> String {
        let utf8 = text.utf8
        guard utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        var copied = utf8.startIndex, index = utf8.startIndex
        while let open = utf8[index...].firstIndex(of: UInt8(ascii: "{")) {
            guard let close = utf8[utf8.index(after: open)...].firstIndex(of: UInt8(ascii: "}")) else { break }
            if let value = arguments[String(text[utf8.index(after: open)..<close])] {
                result += text[copied..<open]
                result += value
                copied = utf8.index(after: close)
                index = copied
            } else {
                index = utf8.index(after: open)
            }
        }
        result += text[copied...]
        return result
    }

    /// A date as people read it in this language: `September 8, 2026`, `8 de septiembre de 2026`, `8. September 2026`.
    public func date(_ timestamp: Timestamp) -> String {
        let month = months.isEmpty ? String(timestamp.month) : months[timestamp.month - 1]
        return self("date_format", ["month": month, "day": String(timestamp.day), "year": String(timestamp.year)])
    }
}
