import ArgumentParser
import ClinicPressClaims
import ClinicPressClaimsTraining
import Foundation

/// `train-claims`: scores the claim checker on the labelled corpus, and trains its model (`make train-claims`).
@main
struct TrainClaims: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the claim checker on the labelled corpus, or train its model.",
        subcommands: [Evaluate.self, Train.self, Explain.self]
    )
}

/// Where the labelled data is.
struct CorpusOptions: ParsableArguments {
    @Option(help: "The folder of tagged articles.")
    var corpus = "Tests/Fixtures/ClaimCorpus/articles"

    @Option(help: "The shared claims folder with the seed articles and their labels (skipped when missing).")
    var seed = "../shared/claims"

    /// The corpus for training (without `final/`, the untouched test set), the seed articles when present, and the
    /// untouched test set.
    func articles() throws -> (corpus: [LabelledArticle], seed: [LabelledArticle]?, final: [LabelledArticle]) {
        let all = try ClaimCorpus.taggedArticles(in: URL(fileURLWithPath: corpus))
        return (all.filter { !$0.id.hasPrefix("final/") }, try ClaimCorpus.seedArticles(in: URL(fileURLWithPath: seed)),
                all.filter { $0.id.hasPrefix("final/") })
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
            let (corpus, seed, final) = try options.articles()
            let checker = ClaimChecker()
            var sets = [("corpus", corpus)]
            if let seed { sets.append(("seed articles", seed)) } else { print("seed articles: skipped (\(options.seed) not found)") }
            if !final.isEmpty { sets.append(("untouched test set", final)) }
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

extension TrainClaims {
    /// Fits the model on every labelled article, picks the threshold by grouped cross-validation, writes the
    /// weights file and prints the cross-validated scores per specialty.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Train the claim model and write Resources/claim-model.tsv.")

        @OptionGroup var options: CorpusOptions

        @Option(help: "Where to write the weights.")
        var output = "Sources/ClinicPressClaims/Resources/claim-model.tsv"

        @Option(help: "The L2 penalty.")
        var l2 = 0.001

        @Option(help: "Gradient steps.")
        var iterations = 400

        @Option(help: "Leave out features seen in fewer training sentences than this.")
        var minimumCount = 2

        @Option(help: "How much a sentence of the real seed articles counts against one of the corpus.")
        var realWeight = 3.0

        @Flag(help: "Print the cross-validated mistakes.")
        var mistakes = false

        func run() throws {
            let (corpus, seed, _) = try options.articles()
            var trainer = ClaimTrainer()
            trainer.l2 = l2
            trainer.iterations = iterations
            trainer.minimumCount = minimumCount
            trainer.realWeight = realWeight
            let articles = corpus + (seed ?? [])
            if seed == nil { print("seed articles: not found at \(options.seed); training on the corpus alone") }
            let examples = trainer.examples(articles)
            print("\(examples.count) training sentences from \(articles.count) articles, \(trainer.vocabulary.count) features")

            let predictions = trainer.crossValidate(examples)
            // The threshold with the best F1 on the held-out predictions, between -3 and 3, the real seed sentences
            // counting `realWeight` times, as in training.
            var best = (threshold: 0.0, f1: -1.0)
            for step in -30...30 {
                let threshold = Double(step) / 10
                let scores = ClaimTrainer.score(predictions, threshold: threshold)
                var pooled = scores.filter { $0.key != "seed" }.values.reduce(ClaimScore(), +)
                for _ in 0..<Int(realWeight) { pooled = pooled + (scores["seed"] ?? ClaimScore()) }
                if pooled.f1 > best.f1 { best = (threshold, pooled.f1) }
            }
            let scores = ClaimTrainer.score(predictions, threshold: best.threshold)
            let all = scores.values.reduce(ClaimScore(), +)
            print("grouped 5-fold cross-validation at threshold \(best.threshold): \(all)")
            for specialty in scores.keys.sorted() { print("  \(specialty): \(scores[specialty]!)") }
            print("threshold: corpus held out | seed held out")
            for step in stride(from: -10, through: 10, by: 2) {
                let threshold = Double(step) / 10
                let scores = ClaimTrainer.score(predictions, threshold: threshold)
                let corpus = scores.filter { $0.key != "seed" }.values.reduce(ClaimScore(), +)
                print("  \(threshold): P \(String(format: "%.3f", corpus.precision)) R \(String(format: "%.3f", corpus.recall))"
                      + (scores["seed"].map { " | P \(String(format: "%.3f", $0.precision)) R \(String(format: "%.3f", $0.recall))" } ?? ""))
            }
            if mistakes {
                for p in predictions where p.example.label != .ambiguous && p.flagged(at: best.threshold) != (p.example.label == .must) {
                    print("  \(p.flagged(at: best.threshold) ? "FP" : "FN") \(String(format: "%+.2f", p.score)) \(p.example.article) [\(p.example.label.rawValue)] \(p.example.text)")
                }
            }

            let (bias, weights) = trainer.fit(examples)
            let header = [
                "ClinicPress claim model: logistic regression over the features of ClaimFeatures.swift. Written by `make train-claims`;",
                "do not edit by hand: change the corpus or Resources/claim-lexicon.yaml and train again.",
                "Trained on \(examples.count) sentences of \(articles.count) articles (l2 \(l2), \(iterations) steps, features seen \(minimumCount)+ times, seed sentences weigh \(realWeight)).",
                "Grouped 5-fold cross-validation: \(all)",
            ]
            try trainer.weightsFile(bias: bias, weights: weights, threshold: best.threshold, header: header)
                .write(toFile: output, atomically: true, encoding: .utf8)
            print("wrote \(output)")
        }
    }
}

extension TrainClaims {
    /// Shows how the shipped classifier reads sentences: its decision, kinds, score and reasons.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the classifier's decision on each sentence given.")

        @Argument(help: "Sentences to classify.")
        var sentences: [String]

        func run() {
            let classifier = ClaimClassifier()
            for sentence in sentences {
                let decision = classifier.decide(sentence)
                let bytes = Array(sentence.utf8)
                let reasons = decision.reasons.map { "\"" + String(decoding: bytes[$0], as: UTF8.self) + "\"" }
                print("\(decision.isClaim ? "claim" : "no claim") \(String(format: "%+.2f", decision.score)) "
                      + "\(decision.kinds.map(\.rawValue)) \(reasons.joined(separator: ", ")): \(sentence)")
            }
        }
    }
}
