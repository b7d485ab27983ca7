import ClinicPressClaims
import ClinicPressMarkdown
import ClinicPressModel
import Foundation
import Testing

/// The claim checker measured on the labelled corpus (`Tests/Fixtures/ClaimCorpus`), end to end: each sentence
/// goes through cmark-gfm, the sentence splitter, the classifier and citation resolution, exactly as in a post.
/// A sentence should be flagged (an `uncited-*` finding) exactly when it is a claim and carries no citation.
@Suite struct ClaimCorpusTests {
    struct Entry: Decodable {
        let id: String
        let claim: Bool
        let cited: Bool
        let text: String
    }

    struct Score: CustomStringConvertible {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        var description: String {
            "precision \(String(format: "%.3f", precision)), recall \(String(format: "%.3f", recall)) (TP \(truePositives), FP \(falsePositives), FN \(falseNegatives), TN \(trueNegatives))"
        }
    }

    /// Footnote definitions the corpus sentences' `[^1]`…`[^9]` refer to.
    static let definitions = (1...9).map { "[^\($0)]: Example Author, Other Author. An example study. Journal of Examples. 2021. https://doi.org/10.5555/\($0)" }
        .joined(separator: "\n")

    static func score(_ file: String) throws -> (Score, [String]) {
        let url = Fixtures.root.appendingPathComponent("ClaimCorpus/\(file)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let checker = ClaimChecker()
        var score = Score()
        var mistakes: [String] = []
        for line in lines {
            let entry = try JSONDecoder().decode(Entry.self, from: Data(line.utf8))
            let body = entry.text + "\n\n" + definitions + "\n"
            let analysis = checker.check(MarkdownDocument(body).tree(), body: body, bodyFirstLine: 1, file: "corpus.md")
            let flagged = analysis.findings.contains { $0.rule.hasPrefix("uncited-") || $0.rule == "fda-ketamine" }
            let expected = entry.claim && !entry.cited
            switch (flagged, expected) {
            case (true, true): score.truePositives += 1
            case (true, false): score.falsePositives += 1; mistakes.append("FP \(entry.id): \(entry.text)")
            case (false, true): score.falseNegatives += 1; mistakes.append("FN \(entry.id): \(entry.text)")
            case (false, false): score.trueNegatives += 1
            }
        }
        return (score, mistakes)
    }

    /// The development set: the checker was tuned on it, so it must stay at or above 0.90.
    @Test func developmentSetScoresAtLeastNinetyPercent() throws {
        let (score, mistakes) = try Self.score("corpus.jsonl")
        report("corpus.jsonl", score, mistakes)
        #expect(score.precision >= 0.90, "corpus.jsonl: \(score)")
        #expect(score.recall >= 0.90, "corpus.jsonl: \(score)")
    }

    /// Sets written separately to measure how the checker generalises: `holdout.jsonl` (its errors were looked at
    /// once, so it now half counts as development data) and `holdout-2.jsonl` (written by someone who never saw the
    /// other sets or the rules). Their scores are reported in the README; do not tune the rules against them.
    @Test(arguments: [("holdout.jsonl", 0.90, 0.85), ("holdout-2.jsonl", 0.90, 0.90)])
    func generalisationSetsDoNotRegress(file: String, precisionFloor: Double, recallFloor: Double) throws {
        let (score, mistakes) = try Self.score(file)
        report(file, score, mistakes)
        #expect(score.precision >= precisionFloor, "\(file): \(score)")
        #expect(score.recall >= recallFloor, "\(file): \(score)")
    }

    private func report(_ file: String, _ score: Score, _ mistakes: [String]) {
        print("claim checker on \(file): \(score)")
        if ProcessInfo.processInfo.environment["SHOW_CLAIM_MISTAKES"] == "1" {
            mistakes.forEach { print($0) }
        }
    }
}
