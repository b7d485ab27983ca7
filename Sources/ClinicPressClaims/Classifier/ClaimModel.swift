/// The learned part of the claim decision: a linear model (logistic regression) over `ClaimFeatures`, read from
/// `Resources/claim-model.tsv`, which `make train-claims` writes from the labelled corpus. A sentence whose score
/// reaches the threshold is a claim.
package struct ClaimModel: Sendable {
    /// A line of the weights file that could not be read.
    package struct Problem: Error, CustomStringConvertible {
        var line: Int
        var message: String
        package var description: String { "claim-model.tsv:\(line): \(message)" }
    }

    var bias: Double
    /// The score at and above which a sentence is a claim (0 is probability one half).
    var threshold: Double
    /// Weights by feature hash.
    let weights: [UInt64: Double]
    /// The same weights, for fast lookups.
    private let table: HashTable<Double>

    /// A model that calls nothing a claim (the trainer's starting point).
    init(bias: Double = 0, threshold: Double = 0, weights: [UInt64: Double] = [:]) {
        self.bias = bias
        self.threshold = threshold
        self.weights = weights
        table = HashTable(weights, filler: 0)
    }

    /// A model from weights by feature name (the trainer's folds).
    package init(bias: Double, threshold: Double, weightsByName: [String: Double]) {
        var weights: [UInt64: Double] = [:]
        for (name, weight) in weightsByName {
            if let hash = ClaimFeatures.hash(ofName: name) { weights[hash, default: 0] += weight }
        }
        self.init(bias: bias, threshold: threshold, weights: weights)
    }

    /// Reads the weights file: `#` comments, then `bias`, `threshold` and one `feature-name<TAB>weight` a line.
    package init(tsv text: String) throws(Problem) {
        var bias = 0.0, threshold = 0.0
        var weights: [UInt64: Double] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard parts.count == 2, let value = Double(parts[1]) else {
                throw Problem(line: offset + 1, message: "expected `name<TAB>number`")
            }
            switch parts[0] {
            case "bias": bias = value
            case "threshold": threshold = value
            default:
                guard let hash = ClaimFeatures.hash(ofName: String(parts[0])) else {
                    throw Problem(line: offset + 1, message: "unknown feature kind in '\(parts[0])'")
                }
                weights[hash, default: 0] += value
            }
        }
        self.init(bias: bias, threshold: threshold, weights: weights)
    }

    /// The score of a sentence's features: the bias plus the weight of each.
    func score(_ features: [ClaimFeature]) -> Double {
        var total = bias
        for feature in features { total += table[feature.hash] ?? 0 }
        return total
    }

    func weight(_ feature: ClaimFeature) -> Double { table[feature.hash] ?? 0 }

    /// The weight of a lexicon class's feature (`c:<name>`).
    func weight(ofClass index: Int, in lexicon: ClaimLexicon) -> Double { table[lexicon.classFeatureHashes[index]] ?? 0 }
}
