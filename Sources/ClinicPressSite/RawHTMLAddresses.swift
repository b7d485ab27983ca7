/// The addresses in a post's raw HTML (`<a href="/posts/a/">`, `<img src="/assets/p.png">`), rewritten one by one: how
/// root-relative addresses in raw HTML follow a `base_url` with a path, as Markdown links do.
///
/// A small scanner over the tags of the HTML: it reads each start tag's attributes as browsers do (quoted with `"` or
/// `'`, or unquoted up to a space or `>`), skips comments, and rewrites the values of the attributes that hold an
/// address — `href`, `src`, `poster`, `action`, `cite`, `formaction`, and each candidate of `srcset`. Everything else
/// is copied byte for byte. Every delimiter it looks for is ASCII, so it works on the UTF-8 bytes and never splits a
/// character. `RawHTMLAddressTests` checks it on a table of tags and, on random tag soup, that it changes nothing but
/// the values it is asked to and that running it twice gives what running it once gives.
enum RawHTMLAddresses {
    /// The attributes whose value is one address.
    static let addressAttributes: Set<String> = ["href", "src", "poster", "action", "cite", "formaction"]

    /// `html` with each address `rewrite` changes (it returns nil to keep one) replaced; nil when none changed.
    static func rewrite(_ html: String, _ rewrite: (String) -> String?) -> String? {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        var copied = 0
        var changed = false
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            if bytes[index...].starts(with: "<!--".utf8) {
                index = end(of: "-->", in: bytes, from: index + 4)
                continue
            }
            guard index + 1 < bytes.count, isLetter(bytes[index + 1]) else { index += 1; continue }
            index += 1
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "/") { index += 1 }
            // Attributes, up to the end of the tag.
            while index < bytes.count {
                while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
                guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { break }
                let nameStart = index
                while index < bytes.count, !isSpace(bytes[index]), !"=>/".utf8.contains(bytes[index]) { index += 1 }
                let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
                var look = index
                while look < bytes.count, isSpace(bytes[look]) { look += 1 }
                guard look < bytes.count, bytes[look] == UInt8(ascii: "=") else { continue }
                index = look + 1
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                guard index < bytes.count else { break }
                let valueStart: Int, valueEnd: Int
                if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                    let quote = bytes[index]
                    valueStart = index + 1
                    valueEnd = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                    index = min(valueEnd + 1, bytes.count)
                } else {
                    valueStart = index
                    while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                    valueEnd = index
                }
                let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                let replacement: String? = if addressAttributes.contains(name) {
                    rewrite(value)
                } else if name == "srcset" {
                    rewriteSourceSet(value, rewrite)
                } else {
                    nil
                }
                if let replacement, replacement != value {
                    output += bytes[copied..<valueStart]
                    output += replacement.utf8
                    copied = valueEnd
                    changed = true
                }
            }
        }
        guard changed else { return nil }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// A `srcset` (`/a.png 1x, /b.png 2x`) with each candidate's address rewritten; nil when none changed.
    static func rewriteSourceSet(_ value: String, _ rewrite: (String) -> String?) -> String? {
        var changed = false
        let candidates = value.split(separator: ",", omittingEmptySubsequences: false).map { candidate -> String in
            let leading = candidate.prefix { $0.isWhitespace }
            let rest = candidate.dropFirst(leading.count)
            let address = rest.prefix { !$0.isWhitespace }
            guard !address.isEmpty, let rewritten = rewrite(String(address)) else { return String(candidate) }
            changed = true
            return String(leading) + rewritten + String(rest.dropFirst(address.count))
        }
        return changed ? candidates.joined(separator: ",") : nil
    }

    /// The index just after the first `terminator` at or after `start`, or the end.
    private static func end(of terminator: String, in bytes: [UInt8], from start: Int) -> Int {
        let pattern = Array(terminator.utf8)
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index..<index + pattern.count].elementsEqual(pattern) { return index + pattern.count }
            index += 1
        }
        return bytes.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0c || byte == 0x0d
    }
}
