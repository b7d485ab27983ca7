import ArgumentParser
import ClinicPressClaims
import ClinicPressClaimsTraining
import Foundation

/// `train-claims`: scores the claim checker on the labelled corpus, and trains its model (`make train-claims`).
@main
struct TrainClaims: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the claim checker on the labelled corpus, or train its model.",
        subcommands: [Evaluate.self]
    )
}

/// Where the labelled data is.
struct CorpusOptions: ParsableArguments {
    @Option(help: "The folder of tagged articles.")
    var corpus = "Tests/Fixtures/ClaimCorpus/articles"

    @Option(help: "The shared claims folder with the seed articles and their labels (skipped when missing).")
    var seed = "../shared/claims"

    func articles() throws -> (corpus: [LabelledArticle], seed: [LabelledArticle]?) {
        (try ClaimCorpus.taggedArticles(in: URL(fileURLWithPath: corpus)), try ClaimCorpus.seedArticles(in: URL(fileURLWithPath: seed)))
    }
}

extension TrainClaims {
    /// Scores the checker as it is, end to end, per specialty.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Score the current checker end to end, per specialty.")

        @OptionGroup var options: CorpusOptions

        @Flag(help: "Print every scored sentence the checker gets wrong.")
        var mistakes = false

        func run() throws {
            let (corpus, seed) = try options.articles()
            let checker = ClaimChecker()
            var sets = [("corpus", corpus)]
            if let seed { sets.append(("seed articles", seed)) } else { print("seed articles: skipped (\(options.seed) not found)") }
            for (name, articles) in sets {
                let (scores, sentences) = ClaimEvaluation.endToEnd(articles, checker: checker)
                print("\(name): \(articles.count) articles, \(scores.values.reduce(ClaimScore(), +))")
                for specialty in scores.keys.sorted() { print("  \(specialty): \(scores[specialty]!)") }
                if mistakes {
                    for s in sentences where s.label != .ambiguous && s.flagged != (s.label == .must) {
                        print("  \(s.flagged ? "FP" : "FN") \(s.article):\(s.line) [\(s.label.rawValue)] \(s.text)")
                    }
                }
            }
        }
    }
}
