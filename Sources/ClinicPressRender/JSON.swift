/// A JSON value with object keys kept in the order they were written, so that JSON-LD and reports are
/// byte-for-byte stable from one build to the next.
public indirect enum JSON: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([Member])

    /// One `"key": value` pair of an object.
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSON

        public init(_ key: String, _ value: JSON) {
            self.key = key
            self.value = value
        }
    }

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// An object from pairs; pairs whose value is nil are left out.
    public static func object(_ pairs: KeyValuePairs<String, JSON?>) -> JSON {
        .object(pairs.compactMap { key, value in value.map { Member(key, $0) } })
    }

    /// Compact JSON text. With `htmlSafe`, `<`, `>` and `&` are escaped as `\u003c` … so the text can sit inside
    /// a `<script>` element without ending it.
    public func serialized(htmlSafe: Bool = false, pretty: Bool = false) -> String {
        // Written as UTF-8 bytes and made a string once: every post page carries its JSON-LD, and appending to a
        // String piece by piece (and an escaped string scalar by scalar) was most of the time its pages took.
        var out: [UInt8] = []
        write(to: &out, htmlSafe: htmlSafe, indent: pretty ? "" : nil)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], htmlSafe: Bool, indent: String?) {
        switch self {
        case .string(let value): Self.writeString(value, to: &out, htmlSafe: htmlSafe)
        case .int(let value): Self.append(String(value), to: &out)
        case .bool(let value): Self.append(value ? "true" : "false", to: &out)
        case .null: Self.append("null", to: &out)
        case .array(let values):
            writeContainer(values, open: "[", close: "]", to: &out, indent: indent) { value, out, inner in
                value.write(to: &out, htmlSafe: htmlSafe, indent: inner)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &out, indent: indent) { member, out, inner in
                Self.writeString(member.key, to: &out, htmlSafe: htmlSafe)
                Self.append(inner == nil ? ":" : ": ", to: &out)
                member.value.write(to: &out, htmlSafe: htmlSafe, indent: inner)
            }
        }
    }

    private func writeContainer<T>(_ items: [T], open: String, close: String, to out: inout [UInt8], indent: String?,
                                   element: (T, inout [UInt8], String?) -> Void) {
        Self.append(open, to: &out)
        guard !items.isEmpty else {
            Self.append(close, to: &out)
            return
        }
        let inner = indent.map { $0 + "  " }
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let inner {
                out.append(UInt8(ascii: "\n"))
                Self.append(inner, to: &out)
            }
            element(item, &out, inner)
        }
        if let indent {
            out.append(UInt8(ascii: "\n"))
            Self.append(indent, to: &out)
        }
        Self.append(close, to: &out)
    }

    /// `text`'s UTF-8 bytes, copied at once.
    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `value` as a JSON string, quotes included. The text is valid UTF-8, so each escaped character is found by its
    /// bytes: the ASCII ones are single bytes, and U+2028 and U+2029 are E2 80 A8 and E2 80 A9. Runs of bytes that need
    /// no escape are copied whole. `UnsafeCodeTests` compares the result with an escaping of Unicode scalars on random text.
    private static func writeString(_ value: String, to out: inout [UInt8], htmlSafe: Bool) {
        out.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Reads are at `index` below `bytes.count`, or at `index + 1` and `index + 2` after checking `index + 2 < bytes.count`.
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var width = 1
                let escape: String
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C where htmlSafe: escape = "\\u003c"
                case 0x3E where htmlSafe: escape = "\\u003e"
                case 0x26 where htmlSafe: escape = "\\u0026"
                case ..<0x20: escape = "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: bytes[copied..<index])
                append(escape, to: &out)
                index += width
                copied = index
            }
            out.append(contentsOf: bytes[copied...])
        }
        out.append(UInt8(ascii: "\""))
    }
}
