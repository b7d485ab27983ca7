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

    /// Splits `text`, or explains what is wrong with its start. Scans bytes for line ends: this runs on every post
    /// of every build, and the body is handed on as one slice of the text, never split into lines.
    static func split(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        let utf8 = text.utf8
        /// The line starting at `start`, without its line break, and where the next line starts (nil after the last).
        func line(at start: String.Index) -> (line: Substring, next: String.Index?) {
            guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else { return (text[start...], nil) }
            return (text[start..<newline], utf8.index(after: newline))
        }
        let (first, afterFirst) = line(at: text.startIndex)
        guard first.isFrontMatterDelimiter else {
            return .failure(.error(
                "missing front matter: the file must start with a line `---`", at: SourceLocation(file: file), rule: "front-matter",
                hint: first.looksLikeYAMLKeyLine
                    ? "Did you forget to add `---` before and after the front matter?"
                    : "start the file with a line `---`, then the front matter keys, then another line `---`"
            ))
        }
        var cursor = afterFirst
        var lineNumber = 2
        while let start = cursor {
            let (current, next) = line(at: start)
            if current.isFrontMatterDelimiter || current.isLine("...") {
                // The YAML ends before the line break that precedes the closing line.
                let yamlEnd = start == afterFirst ? start : utf8.index(before: start)
                return .success(FrontMatter(yaml: String(text[afterFirst!..<yamlEnd]), yamlFirstLine: 2,
                                            body: next.map { String(text[$0...]) } ?? "", bodyFirstLine: lineNumber + 1))
            }
            cursor = next
            lineNumber += 1
        }
        return .failure(.error("the front matter is never closed", at: SourceLocation(file: file), rule: "front-matter",
                               hint: "add a line `---` after the last front matter key"))
    }
}

extension StringProtocol {
    /// True when the line is `text`, give or take trailing spaces and tabs.
    func isLine(_ text: String) -> Bool {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
        return self[startIndex..<end] == text
    }

    /// True for the `---` line that opens or closes front matter (`FrontMatter.split`, `FrontMatterEditor`).
    var isFrontMatterDelimiter: Bool { isLine("---") }
}

private extension Substring {
    /// True for a line like `title: Something` — a front matter line written without its `---`.
    var looksLikeYAMLKeyLine: Bool {
        guard let colon = firstIndex(of: ":") else { return false }
        let key = self[..<colon]
        return !key.isEmpty && key.allSatisfy { $0.isLetter || $0 == "_" || $0 == "-" }
    }
}
