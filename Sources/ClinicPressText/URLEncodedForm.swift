/// `application/x-www-form-urlencoded`, as browsers send forms: `name=value&…`, `+` for a space and `%XX` for a byte.
/// Read by `clinicpress intake` (the comment form) and the preview's moderation queue.
public enum URLEncodedForm {
    public enum Failure: Error, Equatable {
        /// A `%` not followed by two hex digits.
        case badEscape
        /// A name or value whose decoded bytes are not UTF-8.
        case notUTF8
    }

    /// The name–value pairs, in the order sent (empty pieces between `&&` skipped).
    public static func pairs(_ body: [UInt8]) throws(Failure) -> [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            pairs.append((try decode(parts[0]), parts.count > 1 ? try decode(parts[1]) : ""))
        }
        return pairs
    }

    /// One percent-encoded component as UTF-8 text.
    private static func decode(_ component: ArraySlice<UInt8>) throws(Failure) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(component.count)
        var index = component.startIndex
        while index < component.endIndex {
            let byte = component[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard component.distance(from: index, to: component.endIndex) >= 3, let high = hexValue(component[index + 1]),
                      let low = hexValue(component[index + 2]) else { throw .badEscape }
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
