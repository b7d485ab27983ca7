/// Escaping for text placed in HTML or XML that ClinicPress writes outside templates (feeds, sitemaps,
/// citation lists), and for `{{values}}` inside them.
public enum Markup {
    /// The full stop that closes `text` as a part of a citation: "." unless the text already ends in a full stop, a
    /// question or exclamation mark or an ellipsis (`O'Reardon JP et al.` takes none, so no "et al..").
    public static func stop(after text: String) -> String {
        let last = text.unicodeScalars.reversed().first { !$0.properties.isWhitespace }
        guard let last else { return "." }
        return [".", "?", "!", "…"].contains(Character(last)) ? "" : "."
    }

    /// `&`, `<`, `>`, `"` and `'` as entities; control characters other than tab and newline removed
    /// (XML 1.0 does not allow them at all, and in HTML they only hide things) unless `droppingControlCharacters` is
    /// false, as for template values, which are escaped exactly as swift-mustache's own HTML escaping does.
    public static func escape(_ text: String, droppingControlCharacters: Bool = true) -> String {
        // Byte by byte (the text is valid UTF-8): pages, feeds and sitemaps escape every title and address of a site.
        // Most text needs nothing: none of the five special characters, and no control character to drop.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        // Checked over the bytes in place (a String's are contiguous): the view's own iterator went byte by byte.
        let isPlain = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            droppingControlCharacters
                ? bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F && !special($0)) || $0 == 0x0A || $0 == 0x09 }
                : !bytes.contains(where: special)
        }
        var text = text
        if text.withUTF8(isPlain) { return text }
        let input = Array(text.utf8)
        // The multi-byte cases check `index + k < input.count` before reading ahead and skip only bytes they read.
        // `UnsafeCodeTests` compares the result with a plain escaping of Unicode scalars.
        var out: [UInt8] = []
        out.reserveCapacity(input.count + 16)
        var index = 0
        while index < input.count {
            let byte = input[index]
            // Plain printable ASCII (and bytes of other characters) in runs, copied at once.
            if byte >= 0x20, byte < 0x7F, !special(byte) {
                var end = index + 1
                while end < input.count, input[end] >= 0x20, input[end] < 0x7F, !special(input[end]) { end += 1 }
                out.append(contentsOf: input[index..<end])
                index = end
                continue
            }
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            case 0x09, 0x0A: out.append(byte)
            case ..<0x20 where droppingControlCharacters, 0x7F where droppingControlCharacters: break // control characters
            case 0xC2 where droppingControlCharacters && index + 1 < input.count && (0x80...0x9F).contains(input[index + 1]):
                index += 1 // C1 controls, U+0080…U+009F
            case 0xEF where droppingControlCharacters && index + 2 < input.count && input[index + 1] == 0xBF
                && (input[index + 2] == 0xBE || input[index + 2] == 0xBF):
                index += 2 // the noncharacters U+FFFE and U+FFFF
            default: out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
