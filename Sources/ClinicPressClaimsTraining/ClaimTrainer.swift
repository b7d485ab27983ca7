import ClinicPressClaims
import ClinicPressMarkdown

/// One labelled sentence as the checker sees it, ready for training: its features by vocabulary index.
public struct TrainingExample: Sendable {
    public var article: String
    public var specialty: String
    /// The scoring label (MUST, CITED, NEG; AMBIG rows are kept for training through their lean).
    public var label: ClaimLabel
    /// Whether it is a claim, for training.
    public var isClaim: Bool
    /// Whether the checker found a citation in it.
    public var cited: Bool
    public var text: String
    /// For a list item, what introduces the list.
    public var leadIn: String
    var features: [Int]
}

/// Trains the claim model: a logistic regression over the classifier's features, fitted by full-batch gradient
/// descent with AdaGrad steps and an L2 penalty, from a fixed start, so that the same corpus always gives the same
/// weights. Features seen in fewer than `minimumCount` training sentences are left out.
public struct ClaimTrainer: Sendable {
    public var l2 = 0.001
    public var iterations = 400
    public var stepSize = 0.5
    public var minimumCount = 2
    /// How much a sentence of a real clinic's article (the seed articles) counts against one written for the corpus:
    /// real prose is what the checker must read, and there is little of it.
    public var realWeight = 3.0

    public init() {}

    /// The feature names, by index.
    public private(set) var vocabulary: [String] = []

    /// Turns articles into examples; every sentence of every article that has a training label.
    public mutating func examples(_ articles: [LabelledArticle]) -> [TrainingExample] {
        var index: [String: Int] = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        var examples: [TrainingExample] = []
        let checker = ClaimChecker()
        let classifier = ClaimClassifier()
        for article in articles {
            let sentences = checker.sentences(MarkdownTree(article.body, firstLine: article.bodyFirstLine).root)
            var seen: Set<Int> = []
            for sentence in sentences {
                guard let labelIndex = article.labelIndex(line: sentence.line, column: sentence.column), seen.insert(labelIndex).inserted else { continue }
                let label = article.labels[labelIndex]
                guard let isClaim = label.trainingClaim else { continue }
                let names = classifier.featureNames(sentence.text, leadIn: sentence.leadIn)
                let features = names.map { name -> Int in
                    if let i = index[name] { return i }
                    index[name] = vocabulary.count
                    vocabulary.append(name)
                    return vocabulary.count - 1
                }
                examples.append(TrainingExample(article: article.id, specialty: article.specialty, label: label.label, isClaim: isClaim,
                                                cited: sentence.cited, text: sentence.text, leadIn: sentence.leadIn, features: features))
            }
        }
        return examples
    }

    /// Fits weights on `examples`; returns (bias, weight by vocabulary index).
    public func fit(_ examples: [TrainingExample]) -> (bias: Double, weights: [Double]) {
        var counts = [Int](repeating: 0, count: vocabulary.count)
        for example in examples { for f in Set(example.features) { counts[f] += 1 } }
        let usable = counts.map { $0 >= minimumCount }
        let rows = examples.map { example in example.features.filter { usable[$0] } }
        let exampleWeights = examples.map { $0.specialty == "seed" ? realWeight : 1 }
        var weights = [Double](repeating: 0, count: vocabulary.count)
        var bias = 0.0
        var accumulated = [Double](repeating: 1e-8, count: vocabulary.count)
        var biasAccumulated = 1e-8
        let n = exampleWeights.reduce(0, +)
        for _ in 0..<iterations {
            var gradient = [Double](repeating: 0, count: vocabulary.count)
            var biasGradient = 0.0
            for ((row, example), exampleWeight) in zip(zip(rows, examples), exampleWeights) {
                var z = bias
                for f in row { z += weights[f] }
                let p = 1 / (1 + exp(-z))
                let error = (p - (example.isClaim ? 1 : 0)) * exampleWeight
                biasGradient += error
                for f in row { gradient[f] += error }
            }
            biasGradient /= n
            biasAccumulated += biasGradient * biasGradient
            bias -= stepSize * biasGradient / biasAccumulated.squareRoot()
            for f in 0..<weights.count where usable[f] {
                let g = gradient[f] / n + l2 * weights[f]
                accumulated[f] += g * g
                weights[f] -= stepSize * g / accumulated[f].squareRoot()
            }
        }
        return (bias, weights)
    }

    /// The score of an example under fitted weights.
    public static func score(_ example: TrainingExample, bias: Double, weights: [Double]) -> Double {
        example.features.reduce(bias) { $0 + weights[$1] }
    }
}

import Foundation

/// A scored held-out example: what grouped cross-validation predicted for it.
public struct HeldOutPrediction: Sendable {
    public var example: TrainingExample
    public var score: Double
    public var excluded: Bool
    public var forced: Bool
    public var ketamineTrap: Bool

    /// Whether the checker would flag it at `threshold`.
    public func flagged(at threshold: Double) -> Bool {
        ketamineTrap || (!example.cited && !excluded && (forced || score >= threshold))
    }
}

extension ClaimTrainer {
    /// The classifier the checker would run with these weights.
    public func classifier(bias: Double, weights: [Double], threshold: Double) -> ClaimClassifier {
        var byName: [String: Double] = [:]
        for (index, weight) in weights.enumerated() where weight != 0 { byName[vocabulary[index]] = weight }
        return ClaimClassifier(lexicon: ClaimClassifier.shipped.lexicon,
                               model: ClaimModel(bias: bias, threshold: threshold, weightsByName: byName))
    }

    /// Grouped cross-validation: articles are dealt into `folds` groups in id order (so each specialty spreads over
    /// every fold); each group is predicted by a model fitted on the others.
    public func crossValidate(_ examples: [TrainingExample], folds: Int = 5) -> [HeldOutPrediction] {
        let articles = Array(Set(examples.map(\.article))).sorted()
        let fold = Dictionary(uniqueKeysWithValues: articles.enumerated().map { ($1, $0 % folds) })
        var predictions: [HeldOutPrediction] = []
        for k in 0..<folds {
            let (bias, weights) = fit(examples.filter { fold[$0.article] != k })
            let classifier = classifier(bias: bias, weights: weights, threshold: 0)
            for example in examples where fold[example.article] == k {
                let decision = classifier.decide(example.text, leadIn: example.leadIn)
                predictions.append(HeldOutPrediction(example: example, score: decision.score, excluded: decision.excluded, forced: decision.forced,
                                                     ketamineTrap: decision.callsKetamineFDAApproved))
            }
        }
        return predictions.sorted { ($0.example.article, $0.example.text) < ($1.example.article, $1.example.text) }
    }

    /// Scores predictions at a threshold, per specialty.
    public static func score(_ predictions: [HeldOutPrediction], threshold: Double) -> [String: ClaimScore] {
        var scores: [String: ClaimScore] = [:]
        for p in predictions where p.example.label != .ambiguous {
            scores[p.example.specialty, default: ClaimScore()].add(flagged: p.flagged(at: threshold), label: p.example.label)
        }
        return scores
    }

    /// The weights file: a header, the bias and threshold, then every non-zero weight by feature name, sorted.
    public func weightsFile(bias: Double, weights: [Double], threshold: Double, header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        lines.append("bias\t\(Self.rounded(bias))")
        lines.append("threshold\t\(Self.rounded(threshold))")
        var named: [(String, String)] = []
        for (index, weight) in weights.enumerated() {
            let text = Self.rounded(weight)
            if text != "0.0", text != "-0.0" { named.append((vocabulary[index], text)) }
        }
        for (name, text) in named.sorted(by: { $0.0 < $1.0 }) { lines.append("\(name)\t\(text)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Four decimals, written the same on every machine.
    static func rounded(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        return String(scaled / 10_000)
    }
}
