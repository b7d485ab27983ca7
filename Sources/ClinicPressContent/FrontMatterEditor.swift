import ClinicPressText
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
    /// list items) are replaced with it. A file with CRLF line ends keeps them: written lines end like the
    /// file's first line.
    public static func set(_ values: [(key: String, value: String?)], in text: String) throws -> String {
        var lines = splitLines(text)
        let lineEnd = lines.first?.hasSuffix("\r") == true ? "\r" : ""
        let (_, closing) = try frontMatterLines(lines)
        var end = closing
        for (key, value) in values {
            if let start = (1..<end).first(where: { isKey(key, lines[$0]) }) {
                var stop = start + 1
                while stop < end, isContinuation(lines[stop]) { stop += 1 }
                let old = lines[start].hasSuffix("\r") ? String(lines[start].dropLast()) : lines[start]
                let replacement = value.map { [preservingComment(of: old, "\(key): \($0)") + lineEnd] } ?? []
                lines.replaceSubrange(start..<stop, with: replacement)
                end += replacement.count - (stop - start)
            } else if let value {
                lines.insert("\(key): \(value)\(lineEnd)", at: end)
                end += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The text with its body (everything after the closing `---` line) passed through `transform`, the front matter
    /// kept exactly as it was.
    public static func replacingBody(in text: String, _ transform: (String) -> String) throws -> String {
        let lines = splitLines(text)
        let (_, closing) = try frontMatterLines(lines)
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return lines[...closing].joined(separator: "\n") + "\n" + transform(body)
    }

    /// The value written for a top-level key, as a plain string: quotes and a trailing `# comment` removed. Nil when
    /// the key is not there. Meant for short scalar values such as `status`, which moderation compares.
    public static func value(of key: String, in text: String) throws -> String? {
        let lines = splitLines(text)
        let (_, closing) = try frontMatterLines(lines)
        guard let line = lines[1..<closing].first(where: { isKey(key, $0) }) else { return nil }
        var value = line.dropFirst(key.count + 1).trimmingWhitespace
        if let quote = value.first, quote == "\"" || quote == "'", let end = value.dropFirst().firstIndex(of: quote) {
            value = String(value[value.index(after: value.startIndex)..<end])
        } else if let hash = value.range(of: " #") {
            value = value[..<hash.lowerBound].trimmingWhitespace
        }
        return value
    }

    /// The text after the closing `---` line: the comment or post body as written.
    public static func body(of text: String) throws -> String {
        let lines = splitLines(text)
        let (_, closing) = try frontMatterLines(lines)
        return lines[(closing + 1)...].joined(separator: "\n")
    }

    /// The lines of `text` split at each LF, a CR before it kept on its line. Split by scalars: as a `Character`,
    /// "\r\n" is one grapheme that is not equal to "\n".
    private static func splitLines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    /// The indices of the opening and closing `---` lines (which may end in `\r`).
    private static func frontMatterLines(_ lines: [String]) throws -> (opening: Int, closing: Int) {
        guard lines.first.map(isDelimiter) == true, let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) }) else {
            throw Failure.noFrontMatter
        }
        return (0, closing)
    }

    private static func isDelimiter(_ line: String) -> Bool {
        (line.hasSuffix("\r") ? line.dropLast() : Substring(line)).isFrontMatterDelimiter
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
