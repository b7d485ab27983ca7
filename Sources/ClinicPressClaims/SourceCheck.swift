import Foundation

/// Decides whether a citation names a source someone could find, and reads hosts out of URLs.
enum SourceCheck {
    /// True when a footnote's text identifies a source: it links somewhere, gives a DOI or PMID, or names an
    /// author or organisation and a title (several capitalised words) — with a year, or at length.
    /// "Studies." and "Research shows this." do not.
    static func namesSource(_ text: String, hasLink: Bool) -> Bool {
        if hasLink { return true }
        let lowered = text.lowercased()
        for marker in ["doi", "pmid", "pmcid", "isbn", "http://", "https://", "www."] where lowered.contains(marker) {
            return true
        }
        let words = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        let hasYear = words.contains { $0.count == 4 && ($0.hasPrefix("19") || $0.hasPrefix("20")) && $0.allSatisfy(\.isNumber) }
        return (hasYear && words.count >= 3 && capitalised >= 1) || (capitalised >= 3 && words.count >= 5)
    }

    /// `https://www.fda.gov/news` → `www.fda.gov`.
    static func host(of url: String) -> String {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        return host.lowercased()
    }
}
