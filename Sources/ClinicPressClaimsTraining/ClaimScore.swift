import ClinicPressClaims
import ClinicPressMarkdown

/// Precision and recall of "flag this sentence" against the labels: MUST should be flagged; NEG and CITED should
/// not; AMBIG is not scored.
public struct ClaimScore: Sendable, CustomStringConvertible {
    public var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0

    public init() {}

    public var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
    public var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    public var scored: Int { truePositives + falsePositives + falseNegatives + trueNegatives }

    /// Counts one scored sentence.
    public mutating func add(flagged: Bool, label: ClaimLabel) {
        switch (flagged, label) {
        case (true, .must): truePositives += 1
        case (false, .must): falseNegatives += 1
        case (true, .neg), (true, .cited): falsePositives += 1
        case (false, .neg), (false, .cited): trueNegatives += 1
        case (_, .ambiguous): break
        }
    }

    public static func + (a: ClaimScore, b: ClaimScore) -> ClaimScore {
        var s = a
        s.truePositives += b.truePositives
        s.falsePositives += b.falsePositives
        s.falseNegatives += b.falseNegatives
        s.trueNegatives += b.trueNegatives
        return s
    }

    public var description: String {
        "precision \(Self.format(precision)), recall \(Self.format(recall)), F1 \(Self.format(f1)) "
            + "(TP \(truePositives), FP \(falsePositives), FN \(falseNegatives), TN \(trueNegatives))"
    }

    static func format(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        return "\(thousandths / 1000).\(String(thousandths % 1000).leftPadded(to: 3))"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// One labelled sentence the checker flagged or let pass, for reading mistakes.
public struct ScoredSentence: Sendable {
    public var article: String
    public var line: Int
    public var label: ClaimLabel
    public var flagged: Bool
    public var text: String
}

/// Scores a checker on labelled articles end to end: each article goes through cmark-gfm, the sentence splitter,
/// the classifier and citation resolution as a post does, and a label counts as flagged when an uncited-claim or
/// `fda-ketamine` finding starts inside its sentence.
public enum ClaimEvaluation {
    public static func endToEnd(_ articles: [LabelledArticle], checker: ClaimChecker) -> (bySpecialty: [String: ClaimScore], sentences: [ScoredSentence]) {
        var scores: [String: ClaimScore] = [:]
        var sentences: [ScoredSentence] = []
        for article in articles {
            let analysis = checker.check(MarkdownTree(article.body, firstLine: article.bodyFirstLine).root, file: article.id)
            var flagged: Set<Int> = []
            for finding in analysis.findings where finding.rule.hasPrefix("uncited-") || finding.rule == "fda-ketamine" {
                if let index = article.labelIndex(line: finding.location.line, column: finding.location.column) { flagged.insert(index) }
            }
            let lines = article.body.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, label) in article.labels.enumerated() {
                scores[article.specialty, default: ClaimScore()].add(flagged: flagged.contains(index), label: label.label)
                let lineIndex = label.line - article.bodyFirstLine
                let text = lineIndex >= 0 && lineIndex < lines.count ? String(lines[lineIndex].unicodeScalars.dropFirst(label.column - 1)) : ""
                sentences.append(ScoredSentence(article: article.id, line: label.line, label: label.label, flagged: flagged.contains(index),
                                                text: String(text.prefix(160))))
            }
        }
        return (scores, sentences)
    }
}
