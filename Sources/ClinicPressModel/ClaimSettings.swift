/// The `claims:` section of `site.yaml`: which claim rules run at which severity, extra phrases per claim
/// category, and which source domains are trusted. Names are kept as written, with their locations, so the
/// claim checker (which knows its rules) can report a misspelled one where it is written.
public struct ClaimSettings: Sendable {
    /// One `rule-id: severity` line; a nil severity (`off`) switches the rule off.
    public struct RuleSetting: Sendable {
        public var rule: String
        public var severity: Diagnostic.Severity?
        public var location: SourceLocation

        public init(rule: String, severity: Diagnostic.Severity?, location: SourceLocation) {
            self.rule = rule
            self.severity = severity
            self.location = location
        }
    }

    /// Extra phrases that make a sentence a claim of a category (`absolute: ["miracle cure"]`).
    public struct PhraseSetting: Sendable {
        public var category: String
        public var phrases: [String]
        public var location: SourceLocation

        public init(category: String, phrases: [String], location: SourceLocation) {
            self.category = category
            self.phrases = phrases
            self.location = location
        }
    }

    public var rules: [RuleSetting]
    public var phrases: [PhraseSetting]
    /// Phrases that make a sentence no claim, whatever else it says (`claims.exceptions`): a site's answer to a
    /// false flag, such as "our own patient survey".
    public var exceptions: [String]
    /// Domains whose links count as trusted sources (`nih.gov` covers `www.ncbi.nlm.nih.gov`). Empty: no check.
    public var trustedDomains: [String]

    /// Creates settings; the defaults switch every rule on at its default severity.
    public init(rules: [RuleSetting] = [], phrases: [PhraseSetting] = [], exceptions: [String] = [], trustedDomains: [String] = []) {
        self.rules = rules
        self.phrases = phrases
        self.exceptions = exceptions
        self.trustedDomains = trustedDomains
    }
}

/// One entry of the site's reference list (`references.yaml`), cited in posts as `[@key]`.
public struct Reference: Sendable, Hashable {
    public var key: String
    public var title: String
    public var author: String?
    public var year: Int?
    /// The journal, publisher or agency.
    public var publisher: String?
    public var url: String?
    public var doi: String?
    public var pmid: String?

    /// Creates a reference.
    public init(key: String, title: String, author: String? = nil, year: Int? = nil, publisher: String? = nil,
                url: String? = nil, doi: String? = nil, pmid: String? = nil) {
        self.key = key
        self.title = title
        self.author = author
        self.year = year
        self.publisher = publisher
        self.url = url
        self.doi = doi
        self.pmid = pmid
    }

    /// The best address to link: the URL, else the DOI resolver, else PubMed.
    public var link: String? {
        if let url { return url }
        if let doi { return "https://doi.org/\(doi)" }
        if let pmid { return "https://pubmed.ncbi.nlm.nih.gov/\(pmid)/" }
        return nil
    }
}

/// A source a post cites, numbered in order of first citation, as the "Sources" list shows it.
public struct CitedSource: Sendable, Hashable {
    /// 1-based number shown in the superscript and the list.
    public var number: Int
    /// The list entry as HTML (already escaped).
    public var html: String
    /// A plain-text name for JSON-LD.
    public var name: String
    /// The source's address, when it has one.
    public var url: String?
    /// The entry of `references.yaml` when the source was cited as `[@key]`, so that templates can format it field
    /// by field (author, title, publisher, year, url).
    public var reference: Reference?

    /// Creates a source.
    public init(number: Int, html: String, name: String, url: String?, reference: Reference? = nil) {
        self.number = number
        self.html = html
        self.name = name
        self.url = url
        self.reference = reference
    }
}
