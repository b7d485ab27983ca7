import ClinicPressModel
import Foundation

/// Changes a few top-level keys of a file's YAML front matter and keeps everything else — the other keys,
/// their order, comments, blank lines and the body — exactly as it was.
public enum FrontMatterEditor {
    public enum Failure: Error, CustomStringConvertible {
        case noFrontMatter
        public var description: String { "the file has no front matter between `---` lines" }
    }

    /// Sets each key to its value (already formatted as YAML) in place, or appends it before the closing `---`
    /// when the key is not there yet. A nil value removes the key. A key's continuation lines (indented lines,
    /// list items) are replaced with it.
    public static func set(_ values: [(key: String, value: String?)], in text: String) throws -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.first?.isFrontMatterDelimiter == true,
              let closing = lines.indices.dropFirst().first(where: { lines[$0].isFrontMatterDelimiter }) else {
            throw Failure.noFrontMatter
        }
        var end = closing
        for (key, value) in values {
            if let start = (1..<end).first(where: { isKey(key, lines[$0]) }) {
                var stop = start + 1
                while stop < end, isContinuation(lines[stop]) { stop += 1 }
                let replacement = value.map { [preservingComment(of: lines[start], "\(key): \($0)")] } ?? []
                lines.replaceSubrange(start..<stop, with: replacement)
                end += replacement.count - (stop - start)
            } else if let value {
                lines.insert("\(key): \(value)", at: end)
                end += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted string; safe for any text, including quotes, backslashes and control characters.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A YAML flow list of plain words: `[testimonial, contact-info]`.
    public static func list(_ words: [String]) -> String {
        "[" + words.joined(separator: ", ") + "]"
    }

    private static func isKey(_ key: String, _ line: String) -> Bool {
        line.hasPrefix(key) && line.dropFirst(key.count).first == ":"
    }

    private static func isContinuation(_ line: String) -> Bool {
        line.first == " " || line.first == "\t" || line.hasPrefix("- ")
    }

    /// Keeps a trailing `# comment` of the line being replaced (`status: pending   # pending | approved`).
    private static func preservingComment(of old: String, _ new: String) -> String {
        guard let hash = old.range(of: " #") else { return new }
        let before = old[..<hash.lowerBound]
        // Only a comment after a plain value: a `#` inside quotes is part of the value.
        guard before.filter({ $0 == "\"" }).count % 2 == 0, before.filter({ $0 == "'" }).count % 2 == 0 else { return new }
        let padding = max(1, before.count - new.count + 1)
        return new + String(repeating: " ", count: padding) + old[old.index(after: hash.lowerBound)...]
    }
}
