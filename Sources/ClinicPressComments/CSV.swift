/// A small RFC 4180 reader: comma-separated fields, double-quoted fields with `""` for a quote and line breaks
/// inside quotes, `\n` or `\r\n` between records.
enum CSV {
    /// One record with the 1-based line it starts on.
    struct Record {
        let line: Int
        let fields: [String]
    }

    enum Failure: Error, CustomStringConvertible {
        case unterminatedQuote(line: Int)
        var description: String {
            switch self {
            case .unterminatedQuote(let line): "a quoted field that starts on line \(line) is never closed"
            }
        }
    }

    static func parse(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1, recordLine = 1, quoteLine = 1
        var characters = Array(text.unicodeScalars)[...]
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }
        var index = characters.startIndex
        func endRecord() {
            fields.append(field)
            field = ""
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }
        while index < characters.endIndex {
            let scalar = characters[index]
            if inQuotes {
                if scalar == "\"" {
                    if index + 1 < characters.endIndex, characters[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
            } else {
                switch scalar {
                case "\"" where field.isEmpty:
                    inQuotes = true
                    quoteLine = line
                case ",":
                    fields.append(field)
                    field = ""
                case "\r":
                    break
                case "\n":
                    endRecord()
                    line += 1
                    recordLine = line
                default:
                    field.unicodeScalars.append(scalar)
                }
            }
            index += 1
        }
        if inQuotes { throw Failure.unterminatedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
