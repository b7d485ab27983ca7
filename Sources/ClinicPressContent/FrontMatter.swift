import ClinicPressModel

/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML between the `---` lines.
    let yaml: String
    /// The line of the file on which the YAML starts (2 when the file starts with `---`).
    let yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    let body: String
    /// The line of the file on which the body starts.
    let bodyFirstLine: Int

    /// Splits `text`, or explains what is wrong with its start.
    static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.isFrontMatterDelimiter else {
            let looksLikeYAML = lines.first?.looksLikeYAMLKeyLine ?? false
            return .failure(.error(
                "missing front matter: the file must start with a line `---`", at: SourceLocation(file: file), rule: "front-matter",
                hint: looksLikeYAML
                    ? "Did you forget to add `---` before and after the front matter?"
                    : "start the file with a line `---`, then the front matter keys, then another line `---`"
            ))
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { $0.isFrontMatterDelimiter || $0.isLine("...") }) else {
            return .failure(.error("the front matter is never closed", at: SourceLocation(file: file), rule: "front-matter",
                                   hint: "add a line `---` after the last front matter key"))
        }
        let yaml = lines[..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }
}

private extension Substring {
    /// True for a line like `title: Something` — a front matter line written without its `---`.
    var looksLikeYAMLKeyLine: Bool {
        guard let colon = firstIndex(of: ":") else { return false }
        let key = self[..<colon]
        return !key.isEmpty && key.allSatisfy { $0.isLetter || $0 == "_" || $0 == "-" }
    }
}
