import Foundation

/// A label of the claims standard (`CLAIMS-LABELLING.md`).
public enum ClaimLabel: String, Sendable, CaseIterable {
    /// A claim that needs a source and has none.
    case must = "MUST"
    /// A claim that carries its own citation.
    case cited = "CITED"
    /// A borderline case, not scored.
    case ambiguous = "AMBIG"
    /// Not a claim.
    case neg = "NEG"
}

/// An article with a label for each body sentence: one of the corpus's tagged Markdown files, or a seed article with
/// its labels from `seed-labels.json`.
public struct LabelledArticle: Sendable {
    /// Where a labelled sentence starts (1-based line, and column in Unicode scalars), and its label.
    public struct Label: Sendable {
        public var line: Int
        public var column: Int
        public var label: ClaimLabel
        /// For the seed articles' AMBIG rows, the stricter annotator's call (training only, never scoring).
        public var lean: ClaimLabel?
        /// The label for training: MUST and CITED are claims, NEG is not; AMBIG counts as its lean, when it has one.
        public var trainingClaim: Bool? {
            switch label {
            case .must, .cited: true
            case .neg: false
            case .ambiguous: lean.flatMap { $0 == .ambiguous ? nil : $0 != .neg }
            }
        }
    }

    /// The article's path, relative to the corpus folder (or `seed/<name>`).
    public var id: String
    public var specialty: String
    /// The Markdown after the front matter, tags removed.
    public var body: String
    /// The line of the file on which `body` starts.
    public var bodyFirstLine: Int
    /// The labels in file order.
    public var labels: [Label]

    /// A corpus article: Markdown with `{MUST}`, `{CITED}`, `{AMBIG}` or `{NEG}` (and one space) before each body sentence.
    public init(tagged text: String, id: String) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (specialty, firstBodyLine) = try Self.frontMatter(lines, id: id)
        var labels: [Label] = []
        var body: [String] = []
        for (offset, line) in lines.enumerated() where offset >= firstBodyLine - 1 {
            var out = ""
            var rest = Substring(line)
            var column = 1
            while let open = rest.firstIndex(of: "{") {
                let before = rest[..<open]
                out += before
                column += before.unicodeScalars.count
                let afterOpen = rest[rest.index(after: open)...]
                if let close = afterOpen.firstIndex(of: "}"), let label = ClaimLabel(rawValue: String(afterOpen[..<close])) {
                    labels.append(Label(line: offset + 1, column: column, label: label))
                    rest = afterOpen[afterOpen.index(after: close)...]
                    if rest.first == " " { rest = rest.dropFirst() }
                } else {
                    out += "{"
                    column += 1
                    rest = afterOpen
                }
            }
            out += rest
            body.append(out)
        }
        self.id = id
        self.specialty = specialty ?? id.split(separator: "/").first.map(String.init) ?? "unknown"
        self.body = body.joined(separator: "\n")
        self.bodyFirstLine = firstBodyLine
        self.labels = labels
    }

    /// A seed article (untagged Markdown) with its rows from `seed-labels.json`.
    public init(seed text: String, id: String, rows: [(line: Int, column: Int, label: ClaimLabel, lean: ClaimLabel?)]) throws {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (_, firstBodyLine) = try Self.frontMatter(lines, id: id)
        self.id = id
        specialty = "seed"
        body = lines[(firstBodyLine - 1)...].joined(separator: "\n")
        bodyFirstLine = firstBodyLine
        labels = rows.map { Label(line: $0.line, column: $0.column, label: $0.label, lean: $0.lean) }
            .sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The `specialty:` of the front matter, and the line after its closing `---` (1 without front matter).
    private static func frontMatter(_ lines: [String], id: String) throws -> (String?, Int) {
        guard lines.first == "---" else { return (nil, 1) }
        guard let close = lines.dropFirst().firstIndex(of: "---") else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(id): front matter is not closed"])
        }
        let specialty = lines[1..<close].first { $0.hasPrefix("specialty:") }
            .map { $0.dropFirst("specialty:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        return (specialty, close + 2)
    }

    /// The label a finding or sentence at this position belongs to: the last label that starts at or before it.
    public func labelIndex(line: Int, column: Int) -> Int? {
        labels.lastIndex { ($0.line, $0.column) <= (line, column) }
    }
}

/// Reads the labelled articles: the corpus's tagged files, and the seed articles where `shared/claims/` exists.
public enum ClaimCorpus {
    /// Every `*.md` below `folder`, sorted by path, as tagged articles.
    public static func taggedArticles(in folder: URL) throws -> [LabelledArticle] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "md" && url.lastPathComponent != "README.md" {
            paths.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
        }
        return try paths.sorted().map { path in
            try LabelledArticle(tagged: String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8), id: path)
        }
    }

    /// The five seed articles with their agreed labels, or nil when `claimsFolder` (`shared/claims/`) is missing.
    public static func seedArticles(in claimsFolder: URL) throws -> [LabelledArticle]? {
        let labelsURL = claimsFolder.appendingPathComponent("seed-labels.json")
        guard FileManager.default.fileExists(atPath: labelsURL.path) else { return nil }
        struct Row: Decodable { var line: Int; var column: Int; var label: String; var lean: String? }
        struct File: Decodable { var articles: [String: [Row]] }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: labelsURL))
        return try file.articles.keys.sorted().map { name in
            let text = try String(contentsOf: claimsFolder.appendingPathComponent("seed-articles/\(name)"), encoding: .utf8)
            let rows = try file.articles[name]!.map { row in
                guard let label = ClaimLabel(rawValue: row.label) else {
                    throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "seed-labels.json: unknown label \(row.label)"])
                }
                return (row.line, row.column, label, row.lean.flatMap(ClaimLabel.init(rawValue:)))
            }
            return try LabelledArticle(seed: text, id: "seed/\(name)", rows: rows)
        }
    }
}
