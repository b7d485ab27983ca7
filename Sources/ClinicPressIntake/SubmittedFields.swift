import ClinicPressText
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

    /// Decodes `name=value&…` with `+` for spaces and `%XX` escapes, as browsers send forms (`URLEncodedForm`).
    static func urlEncoded(_ body: [UInt8]) throws(IntakeRejection) -> SubmittedFields {
        let pairs: [(name: String, value: String)]
        do {
            pairs = try URLEncodedForm.pairs(body)
        } catch {
            switch error {
            case .badEscape: throw .badRequest("encoding", "The form data is not correctly encoded.")
            case .notUTF8: throw .notUTF8
            }
        }
        var fields = SubmittedFields()
        for (name, value) in pairs { try fields.add(name, value) }
        return fields
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
