import ClinicPressMarkdown
import ClinicPressModel
import ClinicPressText

/// A source a post cites, in order of first citation; the numbers of the post's "Sources" list.
public enum SourceReference: Sendable, Hashable {
    case footnote(label: String)
    case reference(key: String)
    /// A web page linked from a claim; the same address cited twice is one source.
    case link(url: String)
}

/// What the claim checker found in one post.
public struct ClaimAnalysis: Sendable {
    /// Uncited claims, citation problems and listed suppressions, in file order.
    public var findings: [Diagnostic] = []
    /// Every source the post cites, numbered from 1 in order of first citation.
    public var sources: [SourceReference] = [] {
        // Looked up once per citation while rendering: a linear search made a post of 10,000 footnotes quadratic.
        didSet { numbers = Dictionary(sources.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first }) }
    }
    private var numbers: [SourceReference: Int] = [:]
    /// The text of each cited link, as first written, by address.
    public var linkTexts: [String: String] = [:]
    /// Sentences found to be claims, and how many of them carry a citation.
    public var claims = 0
    public var citedClaims = 0
    public var suppressedClaims = 0

    /// The number of a source in the post's list.
    public func number(of source: SourceReference) -> Int? {
        numbers[source]
    }
}

/// Finds the health claims of a post, sentence by sentence, and checks that each carries a citation.
public struct ClaimChecker: Sendable {
    private let severities: [ClaimRule: Diagnostic.Severity?]
    private let classifier: ClaimClassifier
    private let references: [String: Reference]
    private let trustedDomains: [String]

    /// Creates a checker from the site's settings and reference list. Problems in the settings (unknown rule
    /// ids or categories) are in `settingsDiagnostics`.
    public init(settings: ClaimSettings = ClaimSettings(), references: [String: Reference] = [:]) {
        var severities: [ClaimRule: Diagnostic.Severity?] = [:]
        for setting in settings.rules {
            if let rule = ClaimRule(rawValue: setting.rule) { severities[rule] = setting.severity }
        }
        var phrases: [ClaimCategory: [String]] = [:]
        for setting in settings.phrases {
            if let category = ClaimCategory(rawValue: setting.category) { phrases[category, default: []] += setting.phrases }
        }
        self.severities = severities
        self.classifier = ClaimClassifier(extraPhrases: phrases, exceptions: settings.exceptions)
        self.references = references
        self.trustedDomains = settings.trustedDomains
    }

    /// Reads the shipped word lists and weights now (they are read once, on first use), so that a caller can do it
    /// beside other work.
    public static func readWordLists() {
        _ = ClaimClassifier.shipped
    }

    /// Diagnostics for rule ids and categories in `site.yaml` that do not exist.
    public static func validate(_ settings: ClaimSettings) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let ruleNames = ClaimRule.allCases.map(\.rawValue)
        for setting in settings.rules where ClaimRule(rawValue: setting.rule) == nil {
            let likely = Spelling.closest(to: setting.rule, among: ruleNames).map { "did you mean `\($0)`? " } ?? ""
            diagnostics.append(.error("unknown claim rule `\(setting.rule)`", at: setting.location, rule: "site-config",
                                      hint: "\(likely)the rules are: \(ruleNames.joined(separator: ", "))"))
        }
        let categories = ClaimCategory.allCases.map(\.rawValue)
        for setting in settings.phrases where ClaimCategory(rawValue: setting.category) == nil {
            diagnostics.append(.error("unknown claim category `\(setting.category)`", at: setting.location, rule: "site-config",
                                      hint: "the categories are: \(categories.joined(separator: ", "))"))
        }
        return diagnostics
    }

    /// The severity a rule runs at, or nil when switched off.
    public func severity(of rule: ClaimRule) -> Diagnostic.Severity? {
        severities[rule] ?? rule.defaultSeverity
    }

    /// Checks one post: `document` is its tree, `file` its path in the site.
    public func check(_ document: MarkdownNode, file: String) -> ClaimAnalysis {
        let walker = ProseWalker(document)
        var analysis = ClaimAnalysis()
        var context = Context(file: file, walker: walker, checker: self)
        let references = NumberedReferences(document, headings: classifier.referenceHeadings)
        forEachSentence(walker, references: references) { sentence, marks, numbered, decision in
            marks.forEach { context.number($0) }
            // Like a footnote without a definition, a number the list lacks is reported as such, and the author meant to cite.
            context.checkNumbered(numbered, in: sentence, references: references, analysis: &analysis)
            let numberedCited = !numbered.isEmpty
            guard decision.isClaim || decision.callsKetamineFDAApproved else { return }
            context.checkClaim(sentence, decision: decision, marks: marks, numberedCited: numberedCited, analysis: &analysis)
        } afterBlock: { block in
            // Citation marks outside any claim still have to resolve.
            for mark in block.marks { context.checkResolves(mark, analysis: &analysis) }
        }
        context.reportUnusedFootnotes(document, analysis: &analysis)
        for directive in walker.invalidDirectives {
            context.report(.suppressionInvalid, directive.message, at: directive.position, hint: directive.hint, into: &analysis)
        }
        for suppression in walker.suppressions where suppression.uses == 0 {
            context.report(.suppressionUnused, "this suppression lets no claim pass", at: suppression.position,
                           hint: "remove the comment, or move it right before the paragraph it is meant for", into: &analysis)
        }
        analysis.sources = context.sources
        analysis.linkTexts = context.linkTexts
        analysis.findings.sort()
        return analysis
    }

    /// Splits every prose block into sentences and decides each, with the citation marks and bracketed numbers
    /// (`[3]`, offsets in the sentence) that fall in it. The entries of a numbered reference list are skipped.
    private func forEachSentence(_ walker: ProseWalker, references: NumberedReferences,
                                 _ body: (Sentence, [CitationMark], [(offset: Int, numbers: [Int])], ClaimDecision) -> Void,
                                 afterBlock: (ProseBlock) -> Void = { _ in }) {
        var scratch = ClaimClassifier.Scratch()
        for block in walker.blocks where !references.contains(line: block.position(at: 0).line) {
            let sentences = SentenceSplitter.split(block.text)
            var marksBySentence = Array(repeating: [CitationMark](), count: sentences.count)
            for mark in block.marks where !sentences.isEmpty {
                marksBySentence[sentences.lastIndex { $0.lowerBound <= mark.citedOffset } ?? 0].append(mark)
            }
            for (index, range) in sentences.enumerated() {
                let (decision, numbered) = block.text.withUnsafeBufferPointer { text in
                    block.leadIn.withUnsafeBufferPointer { leadIn in
                        // `range` is a sentence of this block's text (SentenceSplitter), so inside the buffer; neither
                        // buffer is kept past the closure (the decision holds byte ranges, not pointers).
                        let bytes = UnsafeBufferPointer(rebasing: text[range])
                        let numbered = NumberedReferences.marks(in: bytes)
                        // Only an uncited claim's finding names its reasons.
                        let explain = marksBySentence[index].isEmpty && numbered.isEmpty
                        return (classifier.decide(utf8: bytes, leadIn: leadIn, explain: explain, scratch: &scratch), numbered)
                    }
                }
                body(Sentence(block: block, range: range), marksBySentence[index], numbered, decision)
            }
            afterBlock(block)
        }
    }

    /// One sentence of a post as the checker reads it (the claim trainer's view of a post).
    public struct CheckedSentence: Sendable {
        /// The sentence as a reader sees it: Markdown removed, link text kept, citation markers removed.
        public var text: String
        public var line: Int
        public var column: Int
        /// Whether a citation mark (footnote, reference or link) falls in it.
        public var cited: Bool
        /// For a list item, what introduces the list ("Benefits include:"); empty elsewhere.
        public var leadIn: String
    }

    /// Every sentence of a post's prose, in order, with its position and whether it carries a citation.
    public func sentences(_ document: MarkdownNode) -> [CheckedSentence] {
        var result: [CheckedSentence] = []
        let references = NumberedReferences(document, headings: classifier.referenceHeadings)
        forEachSentence(ProseWalker(document), references: references) { sentence, marks, numbered, _ in
            let position = sentence.position
            result.append(CheckedSentence(text: sentence.text, line: position.line, column: position.column, cited: !marks.isEmpty || !numbered.isEmpty,
                                          leadIn: String(decoding: sentence.block.leadIn, as: UTF8.self)))
        }
        return result
    }

    // MARK: - One post's state

    /// A sentence of a prose block; its text and position are made only when it is reported.
    private struct Sentence {
        let block: ProseBlock
        let range: Range<Int>

        var text: String { block.string(range) }
        var position: TextPosition { block.position(at: range.lowerBound) }
    }

    private struct Context {
        let file: String
        let walker: ProseWalker
        let checker: ClaimChecker
        var sources: [SourceReference] = []
        /// The same sources, to tell in constant time whether one is listed already.
        var listedSources: Set<SourceReference> = []
        var linkTexts: [String: String] = [:]
        var referencedFootnotes: Set<String> = []
        var reportedMarks: Set<TextPosition> = []

        init(file: String, walker: ProseWalker, checker: ClaimChecker) {
            self.file = file
            self.walker = walker
            self.checker = checker
        }

        /// Numbers footnotes and `[@key]` as they first appear (links are numbered only when they cite a claim).
        mutating func number(_ mark: CitationMark) {
            switch mark.kind {
            case .footnote(let label):
                referencedFootnotes.insert(label)
                add(.footnote(label: label))
            case .undefinedFootnote(let label):
                referencedFootnotes.insert(label)
            case .reference(let key):
                if checker.references[key] != nil { add(.reference(key: key)) }
            case .link:
                break
            }
        }

        private mutating func add(_ source: SourceReference) {
            if listedSources.insert(source).inserted { sources.append(source) }
        }

        /// Checks the citations of a sentence the classifier found to be a claim.
        mutating func checkClaim(_ sentence: Sentence, decision: ClaimDecision, marks: [CitationMark], numberedCited: Bool,
                                 analysis: inout ClaimAnalysis) {
            analysis.claims += 1

            var cited = numberedCited
            var weakFootnotes: [String] = []
            for mark in marks {
                switch mark.kind {
                case .footnote(let label):
                    if let definition = walker.definitions[label], SourceCheck.namesSource(definition.text, hasLink: definition.hasLink) {
                        cited = true
                    } else {
                        weakFootnotes.append(label)
                    }
                case .undefinedFootnote, .reference:
                    // Reported by checkResolves when broken; either way the author meant to cite.
                    cited = true
                case .link(let url, let text):
                    cited = true
                    add(.link(url: url))
                    if linkTexts[url] == nil { linkTexts[url] = text }
                    if !checker.isTrusted(url) {
                        report(.untrustedSource, "source \(SourceCheck.host(of: url)) is not on the list of trusted domains", at: mark.position,
                               hint: "cite a primary source (a journal, PubMed, a health agency), or add the domain to claims.trusted_domains",
                               excerpt: sentence.text, into: &analysis)
                    }
                }
            }
            let reasons = decision.reasons.map { sentence.block.string(sentence.range.lowerBound + $0.lowerBound..<sentence.range.lowerBound + $0.upperBound) }
            if decision.callsKetamineFDAApproved {
                // A false statement is fixed by correcting it, not by citing it: report it alone.
                reportClaim(.fdaKetamine, "ketamine is not FDA-approved for depression; esketamine (Spravato) is",
                            hint: "say that ketamine is used off-label for depression, or name esketamine if that is what you mean",
                            sentence: sentence, reasons: reasons, analysis: &analysis)
                if cited { analysis.citedClaims += 1 }
                return
            }
            if cited {
                analysis.citedClaims += 1
                return
            }
            // The sentence is reported once, under its most severe kind (precedence breaks ties).
            func severity(_ kind: ClaimCategory) -> Int { checker.severity(of: .uncited(kind)).map { Diagnostic.Severity.allCases.firstIndex(of: $0)! } ?? -1 }
            guard let category = decision.kinds.sorted().max(by: { severity($0) < severity($1) }) else { return }
            var message = category.uncitedMessage
            if !weakFootnotes.isEmpty {
                message += ": footnote \(weakFootnotes.map { "[^\($0)]" }.joined(separator: ", ")) names no source"
            }
            reportClaim(.uncited(category), message, hint: category.hint, sentence: sentence, reasons: reasons, analysis: &analysis)
        }

        private mutating func reportClaim(_ rule: ClaimRule, _ message: String, hint: String, sentence: Sentence, reasons: [String],
                                          analysis: inout ClaimAnalysis) {
            guard checker.severity(of: rule) != nil else { return }
            if let suppression = sentence.block.suppression, suppression.covers(rule) {
                suppression.uses += 1
                analysis.suppressedClaims += 1
                report(.claimSuppressed, "\(rule.rawValue) suppressed: \(suppression.reason)", at: sentence.position, excerpt: sentence.text,
                       into: &analysis)
                return
            }
            report(rule, message, at: sentence.position, hint: hint, excerpt: sentence.text, reasons: reasons, into: &analysis)
        }

        /// Bracketed numbers cite a numbered reference list (`## References` and an ordered list). Reports each
        /// bracket whose numbers the list does not hold.
        mutating func checkNumbered(_ numbered: [(offset: Int, numbers: [Int])], in sentence: Sentence, references: NumberedReferences,
                                    analysis: inout ClaimAnalysis) {
            let count = references.count
            for mark in numbered {
                let missing = mark.numbers.filter { !references.holds($0) }
                guard !missing.isEmpty else { continue }
                let position = sentence.block.position(at: sentence.range.lowerBound + mark.offset)
                guard reportedMarks.insert(position).inserted else { continue }
                let hint = count == 0
                    ? "end the post with a `## References` heading and a numbered list of sources, or use a footnote [^\(missing[0])]"
                    : "the References list has \(count) entr\(count == 1 ? "y" : "ies"); add the missing source or fix the number"
                report(.citationNumberUndefined, "[\(missing.map(String.init).joined(separator: ", "))] refers to no entry of a numbered reference list",
                       at: position, hint: hint, into: &analysis)
            }
        }

        /// Reports footnotes without definitions, definitions that name no source, and unknown `[@key]`s, once each.
        mutating func checkResolves(_ mark: CitationMark, analysis: inout ClaimAnalysis) {
            guard reportedMarks.insert(mark.position).inserted else { return }
            switch mark.kind {
            case .undefinedFootnote(let label):
                report(.footnoteUndefined, "footnote [^\(label)] is used but never defined", at: mark.position,
                       hint: "add a line `[^\(label)]: Author, Title, Year, URL` at the end of the post", into: &analysis)
            case .footnote(let label):
                if let definition = walker.definitions[label], !SourceCheck.namesSource(definition.text, hasLink: definition.hasLink),
                   reportedMarks.insert(definition.position).inserted {
                    report(.citationNoSource, "footnote [^\(label)] names no source: '\(definition.text)'", at: definition.position,
                           hint: "name the author or organisation, the title and the year, or give a DOI, PMID or URL", into: &analysis)
                }
            case .reference(let key):
                if checker.references[key] == nil {
                    let likely = ClaimChecker.likelyReferences(for: key, among: checker.references.keys.sorted())
                    report(.referenceUnknown, "reference [@\(key)] is not in references.yaml", at: mark.position,
                           hint: likely.isEmpty ? "add `\(key):` with a title and a url, doi or pmid to references.yaml"
                               : "did you mean " + likely.map { "[@\($0)]" }.joined(separator: " or ") + "?", into: &analysis)
                }
            case .link:
                break
            }
        }

        /// Footnote definitions that no sentence cites (the tree keeps those cmark-gfm drops).
        func reportUnusedFootnotes(_ document: MarkdownNode, analysis: inout ClaimAnalysis) {
            for node in document.children where node.kind == .footnoteDefinition {
                let label = node.literal ?? ""
                guard !referencedFootnotes.contains(label) else { continue }
                report(.footnoteUnused, "footnote [^\(label)] is defined but never used", at: node.start,
                       hint: "cite it in the sentence it supports, or remove the definition", into: &analysis)
            }
        }

        func report(_ rule: ClaimRule, _ message: String, at position: TextPosition, hint: String? = nil, excerpt: String? = nil,
                    reasons: [String] = [], into analysis: inout ClaimAnalysis) {
            guard let severity = checker.severity(of: rule) else { return }
            analysis.findings.append(Diagnostic(severity, message, at: SourceLocation(file: file, line: position.line, column: position.column),
                                                rule: rule.rawValue, hint: hint, excerpt: excerpt, reasons: reasons))
        }
    }

    /// The existing keys an unknown `[@key]` was likely meant to be, nearest first, at most three: a misspelling
    /// (`fda2019` → `fda-2019`), or a key cut short or run on (`fda-tms` → `fda-tms-2008`, `fda-tms-2008a` →
    /// `fda-tms-2008`). Empty when no key is close, and the hint says to add one.
    public static func likelyReferences(for key: String, among known: [String]) -> [String] {
        if let closest = Spelling.closest(to: key, among: known) { return [closest] }
        let lowered = key.lowercased()
        let near = Spelling.close(to: key, among: known, limit: 3)
        if !near.isEmpty { return near }
        // The key with a suffix added: the longest existing key it starts with.
        let prefixes = known.filter { lowered.count >= 3 && $0.count >= 3 && lowered.hasPrefix($0.lowercased()) }
        return prefixes.max { ($0.count, $1) < ($1.count, $0) }.map { [$0] } ?? []
    }

    fileprivate func isTrusted(_ url: String) -> Bool {
        guard !trustedDomains.isEmpty else { return true }
        let host = SourceCheck.host(of: url)
        return trustedDomains.contains { host == $0 || host.hasSuffix("." + $0) }
    }
}

extension ClaimCategory {
    /// "statistic", "research claim", … for messages.
    var description: String {
        switch self {
        case .statistic: "statistic"
        case .research: "research claim"
        case .timeToEffect: "time-to-effect claim"
        case .regulatory: "regulatory claim"
        case .absolute: "absolute promise"
        case .comparative: "comparative claim"
        case .safety: "safety claim"
        case .efficacy: "efficacy claim"
        }
    }

    /// "statistic without a citation", …: the message of an uncited claim of this kind, one string shared by every
    /// finding (a large site has hundreds of thousands) rather than one built for each.
    var uncitedMessage: String {
        switch self {
        case .statistic: "statistic without a citation"
        case .research: "research claim without a citation"
        case .timeToEffect: "time-to-effect claim without a citation"
        case .regulatory: "regulatory claim without a citation"
        case .absolute: "absolute promise without a citation"
        case .comparative: "comparative claim without a citation"
        case .safety: "safety claim without a citation"
        case .efficacy: "efficacy claim without a citation"
        }
    }

    var hint: String {
        switch self {
        case .absolute:
            "promises like cure, guaranteed or no side effects rarely hold: soften the sentence, or cite the source that supports it"
        case .regulatory:
            "link the agency's decision (fda.gov) or add a footnote `[^1]: U.S. FDA, Title, Year, URL`"
        default:
            "add a footnote such as [^1] with `[^1]: Author, Title, Year, URL`, link the source, or cite [@key] from references.yaml"
        }
    }
}
