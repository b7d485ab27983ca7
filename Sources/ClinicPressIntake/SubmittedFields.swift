import Foundation

/// The fields of a submitted form, decoded from `application/x-www-form-urlencoded` or from a JSON object. Every
/// value is checked to be UTF-8; a field the form knows may be given once only.
struct SubmittedFields: Sendable, Equatable {
    /// The field names the form sends: the rest are ignored.
    static let known: Set<String> = ["post", "name", "email", "comment", "reply_to", "website", "ts", "sent"]

    private(set) var values: [String: String] = [:]

    subscript(name: String) -> String? { values[name] }

    /// Records a field; a known field given twice is an error (which of two `reply_to`s would be meant?).
    private mutating func add(_ name: String, _ value: String) throws(IntakeRejection) {
        guard Self.known.contains(name) else { return }
        guard values[name] == nil else { throw .badRequest("duplicate-field", "The field \(name) was sent twice.") }
        values[name] = value
    }

    /// Decodes `name=value&…` with `+` for spaces and `%XX` escapes, as browsers send forms.
    static func urlEncoded(_ body: [UInt8]) throws(IntakeRejection) -> SubmittedFields {
        var fields = SubmittedFields()
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
            let name = try decode(parts[0])
            let value = parts.count > 1 ? try decode(parts[1]) : ""
            try fields.add(name, value)
        }
        return fields
    }

    /// One percent-encoded component as UTF-8 text.
    private static func decode(_ component: ArraySlice<UInt8>) throws(IntakeRejection) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(component.count)
        var index = component.startIndex
        while index < component.endIndex {
            let byte = component[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%") {
                guard component.distance(from: index, to: component.endIndex) >= 3, let high = hexValue(component[index + 1]), let low = hexValue(component[index + 2]) else {
                    throw .badRequest("encoding", "The form data is not correctly encoded.")
                }
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

    /// Decodes a JSON object whose values are strings (numbers for `ts` and `sent`; null for "not given").
    static func json(_ body: [UInt8]) throws(IntakeRejection) -> SubmittedFields {
        guard String(validating: body, as: UTF8.self) != nil else { throw .notUTF8 }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(body))
        } catch {
            throw .badRequest("json", "The JSON cannot be read.")
        }
        guard let dictionary = object as? [String: Any] else {
            throw .badRequest("json", "Send one JSON object with the fields post, name, email, comment and reply_to.")
        }
        var fields = SubmittedFields()
        for (name, value) in dictionary.sorted(by: { $0.key < $1.key }) where known.contains(name) {
            switch value {
            case let text as String:
                try fields.add(name, text)
            case let number as NSNumber where name == "ts" || name == "sent":
                try fields.add(name, number.stringValue)
            case is NSNull:
                continue
            default:
                throw .badRequest("json", "The field \(name) must be a string.")
            }
        }
        return fields
    }
}
