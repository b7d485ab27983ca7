import ClinicPressModel
import ClinicPressText

/// A theme's interface strings file, `strings/<code>.yaml`: YAML that maps each key to its text, read with positions
/// like every other YAML file of a site.
public enum StringsFile {
    /// The strings of `text`, the file `file`. YAML that cannot be read, and a value that is not text (a list, a mapping,
    /// nothing), are errors at their line; a key not among `known` (when given) is a warning. An empty file has no strings.
    public static func parse(_ text: String, file: String, known: [String]? = nil, diagnostics: inout [Diagnostic]) -> [String: String] {
        var found: [Diagnostic] = []
        var strings: [String: String] = [:]
        if var yaml = YAMLMapping.parse(text, file: file, firstLine: 1, diagnostics: &found) {
            for entry in yaml.entries {
                guard let scalar = entry.value.scalar, entry.value.null == nil else {
                    yaml.report(.error("`\(entry.key)` must be text, found \(YAMLMapping.describe(entry.value))", at: yaml.location(of: entry.value),
                                       rule: "template", hint: "write the text on the key's line, in double quotes when it starts with `{` or `[`: `\(entry.key): \"…\"`"))
                    continue
                }
                if let known, !known.contains(entry.key) { yaml.report(unknownKey(entry.key, known: known, at: entry.keyLocation, rule: "template")) }
                strings[entry.key] = scalar.string
            }
            found += yaml.diagnostics
        }
        diagnostics += found.map { $0.withRule("template") }
        return strings
    }

    /// The warning for an interface string `key` that the theme does not have, with the likely key. (The string is kept:
    /// a custom template may use it.)
    public static func unknownKey(_ key: String, known: [String], at location: SourceLocation, rule: String) -> Diagnostic {
        let likely = Spelling.closest(to: key, among: known)
        return .warning("unknown interface string `\(key)`\(likely.map { "; did you mean `\($0)`?" } ?? "")", at: location,
                        rule: rule, hint: "the strings are listed in docs/language.md, with their English text")
    }
}
