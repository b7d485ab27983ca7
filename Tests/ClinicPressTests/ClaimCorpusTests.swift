@testable import ClinicPressClaims
import ClinicPressClaimsTraining
import ClinicPressMarkdown
import Foundation
import Testing

/// The claim checker measured end to end on labelled articles: each goes through cmark-gfm, the sentence splitter,
/// the classifier and citation resolution as a post does. MUST sentences should be flagged; NEG and CITED not.
@Suite struct ClaimCorpusTests {
    static let articles = Fixtures.root.appendingPathComponent("ClaimCorpus/articles")
    /// `shared/claims/` beside the repository (CI has it; a plain clone may not).
    static let seedFolder = Fixtures.repository.deletingLastPathComponent().appendingPathComponent("shared/claims")

    /// The bar the product was designed against: the five real seed articles, precision and recall at least 0.92.
    @Test func seedArticlesMeetTheBar() throws {
        guard let seed = try ClaimCorpus.seedArticles(in: Self.seedFolder) else {
            print("SKIPPED seedArticlesMeetTheBar: \(Self.seedFolder.path) does not exist (CI has it)")
            return
        }
        let score = ClaimEvaluation.endToEnd(seed, checker: ClaimChecker()).bySpecialty.values.reduce(ClaimScore(), +)
        print("claim checker on the seed articles: \(score)")
        #expect(score.scored >= 70)
        #expect(score.precision >= 0.92, "\(score)")
        #expect(score.recall >= 0.92, "\(score)")
    }

    /// The articles written after the checker was frozen, never trained on: the untouched test set.
    @Test func untouchedTestSetScores() throws {
        let articles = try ClaimCorpus.taggedArticles(in: Self.articles.appendingPathComponent("final"))
        try #require(articles.count >= 30)
        let score = ClaimEvaluation.endToEnd(articles, checker: ClaimChecker()).bySpecialty.values.reduce(ClaimScore(), +)
        print("claim checker on the untouched test set: \(score)")
        #expect(score.precision >= ClaimCorpusFloors.finalPrecision, "\(score)")
        #expect(score.recall >= ClaimCorpusFloors.finalRecall, "\(score)")
    }

    /// Sentence sets from earlier rounds (one sentence a line, written to test the rule-based checker).
    @Test(arguments: [("holdout.jsonl", ClaimCorpusFloors.holdoutPrecision, ClaimCorpusFloors.holdoutRecall),
                      ("holdout-2.jsonl", ClaimCorpusFloors.holdout2Precision, ClaimCorpusFloors.holdout2Recall)])
    func sentenceSetsDoNotRegress(file: String, precisionFloor: Double, recallFloor: Double) throws {
        struct Entry: Decodable { let claim: Bool; let cited: Bool; let text: String }
        let lines = try String(contentsOf: Fixtures.root.appendingPathComponent("ClaimCorpus/\(file)"), encoding: .utf8).split(separator: "\n")
        let definitions = (1...9).map { "[^\($0)]: Example Author. An example study. Journal of Examples. 2021. https://doi.org/10.5555/\($0)" }
            .joined(separator: "\n")
        let checker = ClaimChecker()
        var score = ClaimScore()
        for line in lines {
            let entry = try JSONDecoder().decode(Entry.self, from: Data(line.utf8))
            let body = entry.text + "\n\n" + definitions + "\n"
            let findings = checker.check(MarkdownTree(body).root, file: "corpus.md").findings
            let flagged = findings.contains { $0.rule.hasPrefix("uncited-") || $0.rule == "fda-ketamine" }
            score.add(flagged: flagged, label: entry.claim ? (entry.cited ? .cited : .must) : .neg)
        }
        print("claim checker on \(file): \(score)")
        #expect(score.precision >= precisionFloor, "\(file): \(score)")
        #expect(score.recall >= recallFloor, "\(file): \(score)")
    }

    /// `make train-claims` is deterministic: the same articles give the same weights file, byte for byte.
    @Test func trainingIsDeterministic() throws {
        let articles = Array(try ClaimCorpus.taggedArticles(in: Self.articles).filter { !$0.id.hasPrefix("final/") }.prefix(12))
        func train() -> String {
            var trainer = ClaimTrainer()
            trainer.iterations = 50
            let examples = trainer.examples(articles)
            let (bias, weights) = trainer.fit(examples)
            return trainer.weightsFile(bias: bias, weights: weights, threshold: 0, header: [])
        }
        let first = train()
        #expect(first.split(separator: "\n").count > 100)
        #expect(first == train())
    }
}

/// Floors for the scores above: each is the score measured when the model was last trained (see docs/claims.md),
/// rounded down, so a change that makes the checker worse fails here.
enum ClaimCorpusFloors {
    /// Measured 0.934 / 0.924 (the model retrained with the round-3 articles; the frozen model measured 0.925 / 0.945
    /// on the set's first and only earlier look).
    static let finalPrecision = 0.93
    static let finalRecall = 0.92
    /// Measured 0.780 / 0.653.
    static let holdoutPrecision = 0.78
    static let holdoutRecall = 0.65
    /// Measured 0.846 / 0.904.
    static let holdout2Precision = 0.84
    static let holdout2Recall = 0.90
}
