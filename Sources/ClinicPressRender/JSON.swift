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
        var out = ""
        write(to: &out, htmlSafe: htmlSafe, indent: pretty ? "" : nil)
        return out
    }

    private func write(to out: inout String, htmlSafe: Bool, indent: String?) {
        switch self {
        case .string(let value): Self.writeString(value, to: &out, htmlSafe: htmlSafe)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .array(let values):
            writeContainer(values, open: "[", close: "]", to: &out, indent: indent) { value, out, inner in
                value.write(to: &out, htmlSafe: htmlSafe, indent: inner)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &out, indent: indent) { member, out, inner in
                Self.writeString(member.key, to: &out, htmlSafe: htmlSafe)
                out += inner == nil ? ":" : ": "
                member.value.write(to: &out, htmlSafe: htmlSafe, indent: inner)
            }
        }
    }

    private func writeContainer<T>(_ items: [T], open: String, close: String, to out: inout String, indent: String?,
                                   element: (T, inout String, String?) -> Void) {
        out += open
        guard !items.isEmpty else {
            out += close
            return
        }
        let inner = indent.map { $0 + "  " }
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            if let inner { out += "\n" + inner }
            element(item, &out, inner)
        }
        if let indent { out += "\n" + indent }
        out += close
    }

    private static func writeString(_ value: String, to out: inout String, htmlSafe: Bool) {
        out += "\""
        // Most strings need no escape at all (a check report writes hundreds of thousands): copy them whole.
        let plain = value.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0xE2 && !(htmlSafe && (byte == 0x3C || byte == 0x3E || byte == 0x26))
        }
        if plain {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where htmlSafe: out += "\\u003c"
            case ">" where htmlSafe: out += "\\u003e"
            case "&" where htmlSafe: out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
