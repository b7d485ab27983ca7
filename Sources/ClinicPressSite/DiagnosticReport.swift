import ClinicPressModel
import ClinicPressParallel
import ClinicPressRender
import Foundation

/// Prints diagnostics in the formats of `clinicpress check --format`: compiler-style text, the JSON of
/// DESIGN.md, or GitHub Actions workflow annotations.
public struct DiagnosticReport: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case text, json, github
    }

    /// The diagnostics by file: files in name order, each file's by line, column and message.
    private let files: [[Diagnostic]]
    /// The site folder, to read the source line a diagnostic points at.
    public let siteDirectory: URL
    /// The posts due a medical review, for the JSON format's `reviews_due` (present when site.yaml sets `review_every`).
    public var reviews: ReviewSchedule?

    /// Creates a report; diagnostics are sorted by file, line and column.
    public init(_ diagnostics: [Diagnostic], siteDirectory: URL) {
        self.init(byFile: [:], adding: diagnostics, siteDirectory: siteDirectory)
    }

    /// Creates a report from lists by file, each already sorted (a build's claim findings), and `others` in any
    /// order. Only the lists `others` adds to are sorted again: a large site has hundreds of thousands of findings.
    public init(byFile: [String: [Diagnostic]], adding others: [Diagnostic] = [], siteDirectory: URL) {
        var byFile = byFile
        let added = Dictionary(grouping: others, by: \.location.file)
        for (file, diagnostics) in added { byFile[file] = (byFile[file] ?? []) + diagnostics }
        files = byFile.keys.sorted().compactMap { file in
            let list = byFile[file]!
            guard !list.isEmpty else { return nil }
            return added[file] == nil ? list : list.sorted()
        }
        self.siteDirectory = siteDirectory
    }

    /// Every diagnostic, sorted by file, line and column.
    public var diagnostics: [Diagnostic] { files.flatMap { $0 } }

    /// How many diagnostics the report holds.
    public var count: Int { files.reduce(0) { $0 + $1.count } }

    /// The report in `format`, ending in a newline (empty text for no diagnostics in text format).
    public func formatted(_ format: Format) -> String {
        var bytes: [UInt8] = []
        write(format) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the report in `format` through `output`, part by part, in order. The text report of a large site runs to
    /// tens of megabytes: it is formatted a few chunks at a time on all cores and handed over as it goes, never held
    /// whole (which cost `check` a third of its memory on 10,000 posts).
    public func write(_ format: Format, to output: (UnsafeRawBufferPointer) -> Void) {
        guard format == .text else {
            for part in formattedParts(format) {
                var part = part
                part.withUTF8 { output(UnsafeRawBufferPointer($0)) }
            }
            return
        }
        // Files in chunks of similar size (a check of a large site prints hundreds of thousands of findings); each
        // chunk reads each source file at most once.
        let siteDirectory = siteDirectory
        var chunks: [ArraySlice<[Diagnostic]>] = []
        var chunkStart = 0, chunkCount = 0
        for (index, list) in files.enumerated() {
            chunkCount += list.count
            if chunkCount >= 2_000 || index == files.count - 1 {
                chunks.append(files[chunkStart...index])
                chunkStart = index + 1
                chunkCount = 0
            }
        }
        let window = 2 * ProcessInfo.processInfo.activeProcessorCount
        for start in stride(from: 0, to: chunks.count, by: window) {
            let parts = Array(chunks[start..<min(start + window, chunks.count)]).parallelMap { chunk in
                var sources = SourceLines(siteDirectory: siteDirectory)
                var text: [UInt8] = []
                text.reserveCapacity(chunk.reduce(0) { $0 + $1.count } * 400)
                for list in chunk {
                    for index in list.indices { Self.write(list[index], to: &text, sources: &sources) }
                }
                return text
            }
            for part in parts { part.withUnsafeBytes(output) }
        }
    }

    /// Each diagnostic as an object of the JSON format: `file`, `line`, `column`, `rule`, `severity`, `message`,
    /// `excerpt` (the claim sentence, else the source line) and, for claims, `reasons`. `build --report` lists a failed
    /// build's errors in the same shape.
    var jsonFindings: [JSON] {
        var sources = SourceLines(siteDirectory: siteDirectory)
        return diagnostics.map { diagnostic in
            JSON.object([
                "file": .string(diagnostic.location.file),
                "line": .int(diagnostic.location.line),
                "column": .int(diagnostic.location.column),
                "rule": .string(diagnostic.rule),
                "severity": .string(diagnostic.severity.rawValue),
                "message": .string(diagnostic.message),
                "excerpt": .string(diagnostic.excerpt ?? sources.line(diagnostic.location)?.trimmingCharacters(in: .whitespaces) ?? ""),
                "reasons": diagnostic.reasons.isEmpty ? nil : .array(diagnostic.reasons.map(JSON.string)),
            ])
        }
    }

    /// The JSON and GitHub formats, in parts (`write` formats the text one itself).
    private func formattedParts(_ format: Format) -> [String] {
        switch format {
        case .text:
            preconditionFailure("the text report is written by write(_:to:)")
        case .json:
            var document = [JSON.Member("findings", .array(jsonFindings))]
            if let reviews {
                document.append(JSON.Member("reviews_due", .array(reviews.due.map { due in
                    JSON.object([
                        "file": .string(due.file),
                        "line": .int(due.location.line),
                        "title": .string(due.title),
                        "reviewed_by": due.reviewedBy.map(JSON.string),
                        "last_reviewed": due.lastReviewed.map { JSON.string($0.dayString) },
                        "due": .string(due.due.dayString),
                    ])
                })))
            }
            return [JSON.object(document).serialized(pretty: true) + "\n"]
        case .github:
            return diagnostics.map { diagnostic in
                let level = diagnostic.severity == .info ? "notice" : diagnostic.severity.rawValue
                let location = diagnostic.location
                // Values from files are put on one line first (their own line breaks escaped), so the only line
                // breaks left are the ones before the reasons and the hint, which `escapeData` then encodes as GitHub requires.
                let message = "\(TerminalText.line(diagnostic.message)) [\(TerminalText.line(diagnostic.rule))]"
                    + (diagnostic.because.map { "\n\(TerminalText.line($0))" } ?? "")
                    + (diagnostic.hint.map { "\n\(TerminalText.line($0))" } ?? "")
                return "::\(level) file=\(Self.escapeProperty(location.file)),line=\(location.line),col=\(location.column),title=\(Self.escapeProperty(diagnostic.rule))::\(Self.escapeData(message))\n"
            }
        }
    }

    /// A diagnostic in compiler style, then its excerpt (or its source line) after `    | `. Everything that can come
    /// from a file (paths, messages quoting values, reasons, hints, source lines) has its control characters escaped:
    /// a value can start no line of its own, so neither a terminal nor a CI log reads it as a command. Written as
    /// bytes: a check of a large site prints hundreds of thousands of findings.
    private static func write(_ diagnostic: Diagnostic, to text: inout [UInt8], sources: inout SourceLines) {
        diagnostic.write { piece, fromFile in append(piece, escaping: fromFile, to: &text) }
        if let excerpt = diagnostic.excerpt {
            append("\n    | ", escaping: false, to: &text)
            append(excerpt, escaping: true, to: &text)
        } else if let line = sources.line(diagnostic.location), !line.trimmingCharacters(in: .whitespaces).isEmpty {
            append("\n    | ", escaping: false, to: &text)
            append(line, escaping: true, to: &text)
        }
        text.append(UInt8(ascii: "\n"))
    }

    /// Appends `piece`; with `escaping`, as `TerminalText.line(piece)` (checked on the bytes appended, which the common
    /// case, nothing to escape, keeps).
    private static func append(_ piece: String, escaping: Bool, to text: inout [UInt8]) {
        let start = text.count
        // One copy of the bytes (the generic append of a `UTF8View` went byte by byte: a third of the report's time).
        var piece = piece
        piece.withUTF8 { text.append(contentsOf: $0) }
        guard escaping, text[start...].withUnsafeBufferPointer(TerminalText.needsEscaping(bytes:)) else { return }
        text.removeSubrange(start...)
        text.append(contentsOf: TerminalText.line(piece).utf8)
    }

    // GitHub's workflow command escaping: data escapes %, CR, LF; properties also `:` and `,`.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(TerminalText.line(text)).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

/// Reads source lines for excerpts, each file once.
struct SourceLines {
    private let sitePath: String
    /// Each file read: its bytes, and where each of its lines starts.
    private var cache: [String: (bytes: [UInt8], lineStarts: [Int])?] = [:]

    init(siteDirectory: URL) {
        self.sitePath = siteDirectory.path
    }

    /// The line `location` points at, without its line break, or nil when the file cannot be read or is shorter.
    mutating func line(_ location: SourceLocation) -> String? {
        if cache[location.file] == nil {
            cache[location.file] = Self.quotableContents(sitePath + "/" + location.file).map { bytes in
                var starts = [0]
                for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
                return (bytes, starts)
            }
        }
        guard let (bytes, starts) = cache[location.file] ?? nil, location.line >= 1, location.line <= starts.count else { return nil }
        var end = location.line < starts.count ? starts[location.line] - 1 : bytes.count
        if end > starts[location.line - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard let line = String(validating: bytes[starts[location.line - 1]..<end], as: UTF8.self) else { return nil }
        return line.contains("\r") ? line.replacingOccurrences(of: "\r", with: "") : line
    }

    /// The bytes of a file that may be quoted: a regular file, not a symbolic link (which may lead out of the site, to
    /// `/etc/passwd` say), and no larger than a post may be. Reading a FIFO would block the report for ever.
    private static func quotableContents(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size <= 4 << 20 else { return nil }
        return [UInt8](FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readDataToEndOfFile())
    }
}
