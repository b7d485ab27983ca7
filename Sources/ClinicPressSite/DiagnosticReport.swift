import ClinicPressModel
import Foundation

/// Prints diagnostics in the formats of `clinicpress check --format`: compiler-style text, the JSON of
/// DESIGN.md, or GitHub Actions workflow annotations.
public struct DiagnosticReport: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case text, json, github
    }

    public let diagnostics: [Diagnostic]
    /// The site folder, to read the source line a diagnostic points at.
    public let siteDirectory: URL

    /// Creates a report; diagnostics are sorted by file, line and column.
    public init(_ diagnostics: [Diagnostic], siteDirectory: URL) {
        self.diagnostics = diagnostics.sorted()
        self.siteDirectory = siteDirectory
    }

    /// The report in `format`, ending in a newline (empty text for no diagnostics in text format).
    public func formatted(_ format: Format) -> String {
        var sources = SourceLines(siteDirectory: siteDirectory)
        switch format {
        case .text:
            // In contiguous chunks on all cores (a check of a large site prints hundreds of thousands), joined in order.
            let siteDirectory = siteDirectory
            let chunkSize = 2_000
            let chunks = stride(from: 0, to: diagnostics.count, by: chunkSize).map { diagnostics[$0..<min($0 + chunkSize, diagnostics.count)] }
            return chunks.parallelMap { chunk in
                var sources = SourceLines(siteDirectory: siteDirectory)
                return chunk.map { diagnostic in
                    var text = diagnostic.description
                    if let excerpt = diagnostic.excerpt {
                        text += "\n    | \(excerpt)"
                    } else if let line = sources.line(diagnostic.location), !line.trimmingCharacters(in: .whitespaces).isEmpty {
                        text += "\n    | \(line)"
                    }
                    return text + "\n"
                }.joined()
            }.joined()
        case .json:
            let findings = diagnostics.map { diagnostic in
                JSON.object([
                    "file": .string(diagnostic.location.file),
                    "line": .int(diagnostic.location.line),
                    "column": .int(diagnostic.location.column),
                    "rule": .string(diagnostic.rule),
                    "severity": .string(diagnostic.severity.rawValue),
                    "message": .string(diagnostic.message),
                    "excerpt": .string(diagnostic.excerpt ?? sources.line(diagnostic.location)?.trimmingCharacters(in: .whitespaces) ?? ""),
                ])
            }
            return JSON.object(["findings": .array(findings)]).serialized(pretty: true) + "\n"
        case .github:
            return diagnostics.map { diagnostic in
                let level = diagnostic.severity == .info ? "notice" : diagnostic.severity.rawValue
                let location = diagnostic.location
                let message = "\(diagnostic.message) [\(diagnostic.rule)]" + (diagnostic.hint.map { "\n\($0)" } ?? "")
                return "::\(level) file=\(Self.escapeProperty(location.file)),line=\(location.line),col=\(location.column),title=\(Self.escapeProperty(diagnostic.rule))::\(Self.escapeData(message))\n"
            }.joined()
        }
    }

    // GitHub's workflow command escaping: data escapes %, CR, LF; properties also `:` and `,`.
    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// Reads source lines for excerpts, each file once.
struct SourceLines {
    let siteDirectory: URL
    private var cache: [String: [Substring]] = [:]

    init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    mutating func line(_ location: SourceLocation) -> String? {
        if cache[location.file] == nil {
            let url = siteDirectory.appendingPathComponent(location.file)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(validating: data, as: UTF8.self) else { return nil }
            cache[location.file] = text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        guard let lines = cache[location.file], location.line >= 1, location.line <= lines.count else { return nil }
        return String(lines[location.line - 1]).replacingOccurrences(of: "\r", with: "")
    }
}
