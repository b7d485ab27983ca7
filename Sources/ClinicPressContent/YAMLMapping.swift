import ClinicPressModel
import ClinicPressText
import Yams

/// A YAML mapping read with positions, for `site.yaml`, post front matter and comment files.
///
/// Every accessor reports a diagnostic at the value's own line and column when the value has the wrong
/// shape, and returns nil, so a loader can collect all problems of a file in one pass.
struct YAMLMapping {
    /// One `key: value` pair as written, in file order.
    struct Entry {
        let key: String
        let keyLocation: SourceLocation
        let value: Node
    }

    let file: String
    let entries: [Entry]
    /// The location of the mapping as a whole (the first key, or the start of the YAML text).
    let location: SourceLocation
    private let firstLine: Int
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `yaml`, which starts on line `firstLine` of `file`. Returns nil (with diagnostics) when the text is
    /// not YAML or not a mapping.
    ///
    /// Every scalar is read as text (Yams's basic resolver): the typed accessors below read the text themselves. The
    /// default resolver tries a regular expression per type on every scalar, and Yams hashes every key (which resolves
    /// its tag) to find duplicates: that was a twentieth of `check` on a 10,000-post site.
    private static let resolver = Resolver.basic

    static func parse(_ yaml: String, file: String, firstLine: Int, diagnostics: inout [Diagnostic]) -> YAMLMapping? {
        guard yaml.utf8.count <= SourceText.yamlSizeLimit else {
            diagnostics.append(.error("the YAML is \(yaml.utf8.count) bytes, more than the limit of \(SourceText.yamlSizeLimit)",
                                      at: SourceLocation(file: file, line: firstLine), rule: "input-limit",
                                      hint: "front matter and settings are a few lines; move long text into the body"))
            return nil
        }
        let node: Node?
        do {
            // `.utf8` is what Yams picks for native strings anyway, but its `.default` reads the process environment on
            // every call, which showed up in profiles of 10,000-post sites. The resolver keeps the rules whose tags this
            // code reads (null, bool, int, float): each rule is a regular expression tried on every scalar.
            node = try Yams.compose(yaml: yaml, Self.resolver, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, file: file, firstLine: firstLine))
            return nil
        } catch {
            diagnostics.append(.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: firstLine), rule: "yaml"))
            return nil
        }
        guard let node else {
            return YAMLMapping(file: file, entries: [], location: SourceLocation(file: file, line: firstLine), firstLine: firstLine)
        }
        guard let mapping = node.mapping else {
            let location = shiftedLocation(node.mark, file: file, firstLine: firstLine)
            diagnostics.append(.error("expected `key: value` lines, found \(describe(node))", at: location, rule: "yaml",
                                      hint: "write one setting per line, such as `title: \"My post\"`"))
            return nil
        }
        var entries: [Entry] = []
        var valueBudget = expandedValueLimit
        for (keyNode, value) in mapping {
            let keyLocation = shiftedLocation(keyNode.mark, file: file, firstLine: firstLine)
            guard spend(&valueBudget, on: keyNode), spend(&valueBudget, on: value) else {
                diagnostics.append(.error("the YAML holds more than \(expandedValueLimit) values once its aliases (`*name`) are expanded",
                                          at: keyLocation, rule: "input-limit",
                                          hint: "write the values out instead of repeating anchors (`&name`) with aliases"))
                return nil
            }
            guard let key = keyNode.scalar?.string else {
                diagnostics.append(.error("a key must be a plain word, found \(describe(keyNode))", at: keyLocation, rule: "yaml"))
                continue
            }
            entries.append(Entry(key: key, keyLocation: keyLocation, value: value))
        }
        let location = entries.first?.keyLocation ?? SourceLocation(file: file, line: firstLine)
        return YAMLMapping(file: file, entries: entries, location: location, firstLine: firstLine)
    }

    /// The most values (scalars, lists and mappings) a YAML document may hold once its aliases are expanded. Each
    /// alias stands for a whole copy of its anchor, so 300 bytes of anchors of aliases expand to billions of values
    /// (the "billion laughs"); a real front matter holds a few dozen.
    static let expandedValueLimit = 100_000

    /// Takes the values of `node` (aliases expanded) from `budget`; false when it runs out. It stops there, so the
    /// cost is bounded by the budget, never by the expanded size.
    private static func spend(_ budget: inout Int, on node: Node) -> Bool {
        var pending = [node]
        while let current = pending.popLast() {
            budget -= 1
            if budget < 0 { return false }
            switch current {
            case .sequence(let sequence):
                pending.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append(key)
                    pending.append(value)
                }
            case .scalar, .alias:
                break
            }
        }
        return true
    }

    private init(file: String, entries: [Entry], location: SourceLocation, firstLine: Int) {
        self.file = file
        self.entries = entries
        self.location = location
        self.firstLine = firstLine
    }

    /// The entry for `key`, if written.
    subscript(key: String) -> Entry? { entries.first { $0.key == key } }

    /// Where a value starts in the file.
    func location(of node: Node) -> SourceLocation {
        Self.shiftedLocation(node.mark, file: file, firstLine: firstLine)
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    // MARK: - Typed values

    /// A non-empty text value. Numbers and dates are accepted as their text (`title: 2026` is "2026").
    mutating func string(_ key: String) -> String? {
        guard let entry = self[key] else { return nil }
        guard let scalar = entry.value.scalar, entry.value.null == nil else {
            expected("text", for: entry)
            return nil
        }
        let text = scalar.string.trimmingWhitespace
        guard !text.isEmpty else {
            report(.error("`\(key)` is empty", at: location(of: entry.value), rule: "front-matter"))
            return nil
        }
        return text
    }

    /// `true` or `false` (YAML's `yes`/`no` are not accepted: they are a classic YAML trap).
    mutating func bool(_ key: String) -> Bool? {
        guard let entry = self[key] else { return nil }
        guard let value = Self.boolean(entry.value) else {
            expected("`true` or `false`", for: entry)
            return nil
        }
        return value
    }

    /// `true` or `false` in any case, or nil.
    static func boolean(_ node: Node) -> Bool? {
        switch node.scalar?.string.lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// A whole number no smaller than `minimum`.
    mutating func integer(_ key: String, minimum: Int) -> Int? {
        guard let entry = self[key] else { return nil }
        guard let text = entry.value.scalar?.string, let value = Int(text.trimmingWhitespace), value >= minimum else {
            expected("a whole number of at least \(minimum)", for: entry)
            return nil
        }
        return value
    }

    /// A date, `2026-09-08`, or a date and time, `2026-09-08T14:05:00Z`.
    mutating func timestamp(_ key: String) -> Timestamp? {
        guard let entry = self[key] else { return nil }
        guard let text = entry.value.scalar?.string, let value = Timestamp(parsing: text.trimmingWhitespace) else {
            let written = entry.value.scalar.map { " '\($0.string)'" } ?? ""
            report(.error("cannot read the date\(written) of `\(key)`", at: location(of: entry.value), rule: "front-matter",
                          hint: "write dates as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SSZ with a time"))
            return nil
        }
        return value
    }

    /// An address a button may link to: `https://…`, `http://…`, `mailto:…`, `tel:…`, or a path of the site (`/book/`).
    /// Anything else (`javascript:…`, a relative `book.html`) is an error at the value.
    mutating func link(_ key: String) -> String? {
        guard let text = string(key) else { return nil }
        guard Self.isLinkAddress(text) else {
            report(.error("`\(key)` must be an address such as `https://clinic.example/book/`, `tel:+15550100`, or a path of the site such as `/contact/`",
                          at: location(of: self[key]!.value), rule: "front-matter"))
            return nil
        }
        return text
    }

    /// `https://…`, `http://…`, `mailto:…` or `tel:…` with something after the scheme, or a path of the site (`/book/`,
    /// not `//host`); no white space, quotes or angle brackets. What a button or a menu entry may link to.
    static func isLinkAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        let allowed = ["https://", "http://", "mailto:", "tel:"].contains { lower.hasPrefix($0) && lower.count > $0.count }
            || (text.hasPrefix("/") && !text.hasPrefix("//"))
        return allowed && !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
    }

    /// A list of texts; a single text with commas (`tags: ketamine, depression`) is accepted as a list.
    mutating func stringList(_ key: String) -> [String]? {
        guard let entry = self[key] else { return nil }
        if let sequence = entry.value.sequence {
            var values: [String] = []
            for item in sequence {
                guard let text = item.scalar?.string.trimmingWhitespace, !text.isEmpty else {
                    report(.error("every item of `\(key)` must be text, found \(Self.describe(item))", at: location(of: item), rule: "front-matter"))
                    continue
                }
                values.append(text)
            }
            return values
        }
        if let scalar = entry.value.scalar, entry.value.null == nil {
            return scalar.string.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        }
        expected("a list such as `[ketamine, depression]`", for: entry)
        return nil
    }

    /// Any value, converted for templates. A plain (unquoted) `true` or `false` is a boolean and a plain number
    /// (`4`, `-2`, `4.5`) a number; everything else is text as written, including numbers with a leading zero (`02139`,
    /// a postcode) and YAML 1.1's `yes`, `0x1F` or `.inf`.
    func metaValue(_ node: Node) -> MetaValue {
        switch node {
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            let text = scalar.string
            switch text {
            case "true", "True", "TRUE": return .bool(true)
            case "false", "False", "FALSE": return .bool(false)
            default: break
            }
            guard Self.isPlainNumber(text) else { return .string(text) }
            if let value = Int(text) { return .int(value) }
            if let value = Double(text), value.isFinite { return .double(value) }
            return .string(text)
        case .sequence(let sequence):
            return .list(sequence.map(metaValue))
        case .mapping(let mapping):
            return .map(mapping.compactMap { key, value in key.scalar.map { (key: $0.string, value: metaValue(value)) } })
        case .alias:
            return .string("")
        }
    }

    /// An optional sign, digits with no leading zero (but `0` itself), then optionally a fraction: `-12`, `0.5`, `4.25`.
    static func isPlainNumber(_ text: String) -> Bool {
        func isDigits(_ part: Substring) -> Bool { !part.isEmpty && part.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, isDigits(whole), whole == "0" || whole.first != "0" else { return false }
        return parts.count == 1 || isDigits(parts[1])
    }

    /// Warns about keys that are not in `known` but close to one of them (`titel` → `title`).
    mutating func warnAboutMisspelledKeys(known: [String], rule: String) {
        for entry in entries where !known.contains(entry.key) {
            if let likely = Spelling.closest(to: entry.key, among: known) {
                report(.warning("unknown key `\(entry.key)`; did you mean `\(likely)`?", at: entry.keyLocation, rule: rule,
                                hint: "rename it to `\(likely)`, or keep it as a custom key for your templates"))
            }
        }
    }

    private mutating func expected(_ what: String, for entry: Entry) {
        report(.error("`\(entry.key)` must be \(what), found \(Self.describe(entry.value))", at: location(of: entry.value), rule: "front-matter"))
    }

    // MARK: - Positions and errors

    private static func shiftedLocation(_ mark: Mark?, file: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    /// What a value is, for messages: `'text'`, `nothing`, `a list`, `a nested mapping`.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): node.null != nil ? "nothing" : "'\(scalar.string)'"
        case .sequence: "a list"
        case .mapping: "a nested mapping"
        case .alias: "an alias"
        }
    }

    private static func diagnostic(for error: YamlError, file: String, firstLine: Int) -> Diagnostic {
        let hint = "check the indentation and quote values that contain `: ` or start with a special character"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let problemLocation = shiftedLocation(mark, file: file, firstLine: firstLine)
            guard let context else {
                return .error("invalid YAML: \(problem)", at: problemLocation, rule: "yaml", hint: hint)
            }
            // Point at where the broken construct starts (an unclosed quote, say): that is what the author fixes. A block
            // mapping or list is the whole file, though: there the line where reading stopped is the one to fix.
            let start = shiftedLocation(context.mark, file: file, firstLine: firstLine)
            if context.text.hasPrefix("while parsing a block") {
                return .error("invalid YAML: \(problem) \(context.text) that starts at line \(start.line), column \(start.column)",
                              at: problemLocation, rule: "yaml", hint: hint)
            }
            return .error("invalid YAML: \(problem) \(context.text) that starts here (noticed at line \(problemLocation.line), column \(problemLocation.column))",
                          at: start, rule: "yaml", hint: context.text.contains("quoted") ? "close the quote, or escape quotes inside the value" : hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("key `\(duplicates.joined(separator: "`, `"))` is written twice", at: shiftedLocation(context.mark, file: file, firstLine: firstLine),
                          rule: "yaml", hint: "keep one of them")
        default:
            return .error("invalid YAML: \(error)", at: SourceLocation(file: file, line: firstLine), rule: "yaml", hint: hint)
        }
    }
}
