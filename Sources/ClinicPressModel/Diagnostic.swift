/// A finding about the site's input: an error that stops the build, or a warning or note for the author.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible, Error {
    /// How serious a diagnostic is. Ordered: `info < warning < error`.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case info, warning, error

        private var rank: Int {
            switch self {
            case .info: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// Where the problem is.
    public var location: SourceLocation
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in one sentence without a final period.
    public var message: String
    /// A stable identifier of the check that found it (`front-matter`, `duplicate-slug`, …).
    public var rule: String
    /// How to fix it, when we can tell.
    public var hint: String?
    /// The text the diagnostic is about when it is more than the source line: a claim's whole sentence.
    public var excerpt: String?
    /// For a claim: the words that made it one (`"safe for"`, `"all skin types"`), so a writer sees the logic and an
    /// editor can report a false flag.
    public var reasons: [String]

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation, rule: String, hint: String? = nil, excerpt: String? = nil,
                reasons: [String] = []) {
        self.location = location
        self.severity = severity
        self.message = message
        self.rule = rule
        self.hint = hint
        self.excerpt = excerpt
        self.reasons = reasons
    }

    /// `because: "safe for", "all skin types"`, or nil without reasons.
    public var because: String? {
        reasons.isEmpty ? nil : "because: " + reasons.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    /// Compiler style: `Posts/a.md:3:1: error: missing title [front-matter]`, then the hint on its own line.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    /// Appends `description` to `text`.
    public func write(to text: inout String) {
        write { piece, _ in text += piece }
    }

    /// Writes `description` piece by piece, saying of each whether it can come from a file (the path, message, rule,
    /// reasons and hint), which a report to a terminal escapes, or is fixed text (separators, numbers, the severity).
    /// Reports of large sites write hundreds of thousands of diagnostics this way, with no string built for each.
    public func write(_ piece: (_ text: String, _ fromFile: Bool) -> Void) {
        piece(location.file, true)
        piece(":", false)
        piece(String(location.line), false)
        piece(":", false)
        piece(String(location.column), false)
        piece(": ", false)
        piece(severity.rawValue, false)
        piece(": ", false)
        piece(message, true)
        piece(" [", false)
        piece(rule, true)
        piece("]", false)
        for (index, reason) in reasons.enumerated() {
            piece(index == 0 ? "\n    because: \"" : ", \"", false)
            piece(reason, true)
            piece("\"", false)
        }
        if let hint {
            piece("\n    hint: ", false)
            piece(hint, true)
        }
    }

    /// Diagnostics sort by file, line, column, then message, so reports are stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return (lhs.message, lhs.rule) < (rhs.message, rhs.rule)
    }
}

extension Diagnostic {
    /// An error-level diagnostic.
    public static func error(_ message: String, at location: SourceLocation, rule: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, rule: rule, hint: hint)
    }

    /// A warning-level diagnostic.
    public static func warning(_ message: String, at location: SourceLocation, rule: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, rule: rule, hint: hint)
    }
}

/// Thrown when a stage found errors it cannot build past; carries every diagnostic found so far, sorted.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    /// All diagnostics, errors and warnings, in file order.
    public let diagnostics: [Diagnostic]

    /// Creates the error from the collected diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    /// The diagnostics at error level.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Diagnostic {
    /// Rules whose errors mean the site could not be read at all (as opposed to findings in content that was read).
    public static let inputRules: Set<String> = [
        "yaml", "front-matter", "encoding", "site-config", "site-layout", "template", "slug", "duplicate-slug", "io", "references", "comment",
        "input-limit",
    ]

    /// True for an error that kept the site from being read: `check` exits 2 for these, 1 for other findings.
    public var isInputError: Bool { severity == .error && Self.inputRules.contains(rule) }
}

extension Array where Element == Diagnostic {
    /// True when any diagnostic is at error level.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}

extension Result where Failure == Diagnostic {
    /// The value, or nil after appending the diagnostic to `diagnostics`: for loaders that collect every problem.
    public func value(reportingTo diagnostics: inout [Diagnostic]) -> Success? {
        switch self {
        case .success(let value):
            return value
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
    }
}
