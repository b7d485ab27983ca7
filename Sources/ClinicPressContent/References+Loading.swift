import ClinicPressModel
import ClinicPressText
import Foundation

/// Reads the site's reference list, `references.yaml`: one entry per source, cited in posts as `[@key]`.
///
/// ```yaml
/// fda-esketamine-2019:
///   title: "FDA approves new nasal spray medication for treatment-resistant depression"
///   author: "U.S. Food and Drug Administration"
///   year: 2019
///   publisher: "FDA News Release"
///   url: "https://www.fda.gov/…"      # or doi: 10.1000/xyz, or pmid: 12345678
/// ```
enum ReferenceList {
    static let file = "references.yaml"
    static let knownKeys = ["title", "author", "year", "publisher", "journal", "url", "doi", "pmid"]

    /// The references by key; empty when the site has no `references.yaml`.
    static func load(from siteDirectory: URL, diagnostics: inout [Diagnostic]) -> [String: Reference] {
        let url = siteDirectory.appendingPathComponent(file)
        // A list that exists but cannot be read is an error: the citations would all look broken otherwise.
        guard !SourceText.isAbsent(url.path),
              let text = SourceText.read(url, relativePath: file, sizeLimit: SourceText.yamlSizeLimit).value(reportingTo: &diagnostics) else { return [:] }
        return parse(text, diagnostics: &diagnostics)
    }

    static func parse(_ text: String, diagnostics: inout [Diagnostic]) -> [String: Reference] {
        guard let list = YAMLMapping.parse(text, file: file, firstLine: 1, diagnostics: &diagnostics) else { return [:] }
        var references: [String: Reference] = [:]
        for entry in list.entries {
            guard entry.value.mapping != nil else {
                diagnostics.append(.error("reference `\(entry.key)` must be a mapping with at least a `title`", at: entry.keyLocation, rule: "references"))
                continue
            }
            let fields = entry.value.mapping!.map { ($0.key.scalar?.string ?? "", $0.value, list.location(of: $0.key)) }
            func value(_ key: String) -> String? {
                fields.first { $0.0 == key }.flatMap { $0.1.scalar?.string.trimmingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
            }
            for (key, _, location) in fields where !knownKeys.contains(key) {
                let likely = Spelling.closest(to: key, among: knownKeys)
                diagnostics.append(.warning("unknown key `\(key)` in reference `\(entry.key)`", at: location, rule: "references",
                                            hint: likely.map { "did you mean `\($0)`?" } ?? "the keys are: \(knownKeys.joined(separator: ", "))"))
            }
            guard let title = value("title") else {
                diagnostics.append(.error("reference `\(entry.key)` has no `title`", at: entry.keyLocation, rule: "references"))
                continue
            }
            let year = value("year").flatMap { Int($0) }
            if let written = value("year"), year == nil {
                diagnostics.append(.error("the year of reference `\(entry.key)` must be a number, found '\(written)'", at: entry.keyLocation, rule: "references"))
            }
            let reference = Reference(
                key: entry.key, title: title, author: value("author"), year: year, publisher: value("publisher") ?? value("journal"),
                url: value("url"), doi: value("doi").map(normalizedDOI), pmid: value("pmid")
            )
            if reference.link == nil, reference.author == nil || reference.year == nil {
                diagnostics.append(.warning("reference `\(entry.key)` names no findable source", at: entry.keyLocation, rule: "references",
                                            hint: "add a `url`, `doi` or `pmid`, or at least `author` and `year`"))
            }
            references[entry.key] = reference
        }
        return references
    }

    /// `https://doi.org/10.1/x` and `doi:10.1/x` → `10.1/x`.
    private static func normalizedDOI(_ doi: String) -> String {
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"] where doi.lowercased().hasPrefix(prefix) {
            return String(doi.dropFirst(prefix.count))
        }
        return doi
    }
}
