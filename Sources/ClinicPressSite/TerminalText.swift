/// Makes text from files safe to print for people and for CI logs: control characters become visible escapes
/// (`\u{1B}`, `\n`), so a value can neither move the cursor, recolour the terminal, hide text behind a
/// right-to-left override, nor start a new line that GitHub Actions would read as a `::command::`.
/// Every human-readable output of file content goes through here; the escaping lives in this one place.
public enum TerminalText {
    /// The text on one line: line breaks, tabs and every other control character are escaped.
    public static func line<S: StringProtocol>(_ text: S) -> String {
        escaped(text, keepingLineBreaks: false)
    }

    /// The text keeping its line feeds and tabs (a file shown whole); a CR before a line feed is dropped, every
    /// other control character is escaped.
    public static func block<S: StringProtocol>(_ text: S) -> String {
        escaped(text, keepingLineBreaks: true)
    }

    /// True when `line(text)` would change the text: the fast test reports of large sites make for every finding.
    public static func needsEscaping<S: StringProtocol>(_ text: S) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable(needsEscaping(bytes:)) { return answer }
        return Array(text.utf8).withUnsafeBufferPointer(needsEscaping(bytes:))
    }

    /// `needsEscaping` over UTF-8 bytes in place: a plain loop, not a generic one (it runs over every finding's
    /// message and excerpt). It reads each byte once through the buffer's own iterator, so never out of bounds;
    /// `ControlCharacterTests` compares it with the escaped characters written plainly, on random text.
    static func needsEscaping(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Printable ASCII (0x20…0x7E) never needs escaping: skip it in a tight loop. Every escaped character starts
        // with a byte outside it (a control, DEL, or the lead byte of its UTF-8 sequence), so the check below can
        // start there.
        // Eight bytes at a time first: a byte below 0x20 sets a high bit of `low`, a byte above 0x7E one of `high`
        // (exact when no byte is out of range, which is what lets the loop skip on). Loads stay below `count`.
        var start = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while start + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)
                let low = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                let high = ((word &+ 0x0101_0101_0101_0101) | word) & 0x8080_8080_8080_8080
                if low | high != 0 { break }
                start += 8
            }
        }
        guard let first = bytes[start...].firstIndex(where: { $0 &- 0x20 >= 0x5F }) else { return false }
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for byte in bytes[first...] {
            // C0 controls and DEL; C1 controls are U+0080…U+009F, encoded C2 80…C2 9F.
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { return true }
            // U+061C (D8 9C); U+200E, U+200F, U+2028…U+202E (E2 80 8E…8F, A8…AE); U+2066…U+2069 (E2 81 A6…A9).
            if previous == 0xD8 && byte == 0x9C { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && ((0x8E...0x8F).contains(byte) || (0xA8...0xAE).contains(byte)) { return true }
            if beforePrevious == 0xE2 && previous == 0x81 && (0xA6...0xA9).contains(byte) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Control characters, line and paragraph separators, and the bidirectional marks, embeddings, overrides and
    /// isolates (the "Trojan Source" characters).
    static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x061C || value == 0x200E || value == 0x200F
            || (0x2028...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    private static func escaped<S: StringProtocol>(_ text: S, keepingLineBreaks: Bool) -> String {
        guard needsEscaping(text) else { return String(text) }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\n" where keepingLineBreaks, "\t" where keepingLineBreaks:
                out.unicodeScalars.append(scalar)
            case "\r" where keepingLineBreaks && index + 1 < scalars.count && scalars[index + 1] == "\n":
                continue
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if isEscaped(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
