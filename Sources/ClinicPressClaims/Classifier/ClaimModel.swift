/// The learned part of the claim decision: a linear model (logistic regression) over `ClaimFeatures`, read from
/// `Resources/claim-model.tsv`, which `make train-claims` writes from the labelled corpus. A sentence whose score
/// reaches the threshold is a claim. A class, so that the checker passes one reference from sentence to sentence, not
/// copies of its tables.
package final class ClaimModel: Sendable {
    /// A line of the weights file that could not be read.
    package struct Problem: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        package var description: String { "claim-model.tsv:\(line): \(message)" }
    }

    let bias: Double
    /// The score at and above which a sentence is a claim (0 is probability one half).
    let threshold: Double
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
    package convenience init(bias: Double, threshold: Double, weightsByName: [String: Double]) {
        var weights: [UInt64: Double] = [:]
        for (name, weight) in weightsByName {
            if let hash = ClaimFeatures.hash(ofName: name) { weights[hash, default: 0] += weight }
        }
        self.init(bias: bias, threshold: threshold, weights: weights)
    }

    /// Reads the weights file: `#` comments, then `bias`, `threshold` and one `feature-name<TAB>weight` a line. It is
    /// read on its bytes (16,000 lines at every start of the command), with no string made per line.
    package convenience init(tsv text: String) throws(Problem) {
        var text = text
        let parsed = text.withUTF8 { bytes -> Result<(bias: Double, threshold: Double, weights: [UInt64: Double]), Problem> in
            var bias = 0.0, threshold = 0.0
            var weights: [UInt64: Double] = [:]
            var lineNumber = 0
            var start = 0
            while start < bytes.count {
                lineNumber += 1
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                defer { start = end + 1 }
                let line = bytes[start..<end]
                guard let first = line.first, first != UInt8(ascii: "#") else { continue }
                guard let tab = line.firstIndex(of: UInt8(ascii: "\t")),
                      let value = Double(String(decoding: line[(tab + 1)...], as: UTF8.self)) else {
                    return .failure(Problem(line: lineNumber, message: "expected `name<TAB>number`"))
                }
                let name = line[..<tab]
                if name.elementsEqual("bias".utf8) {
                    bias = value
                } else if name.elementsEqual("threshold".utf8) {
                    threshold = value
                } else if let hash = ClaimFeatures.hash(ofName: name) {
                    weights[hash, default: 0] += value
                } else {
                    return .failure(Problem(line: lineNumber, message: "unknown feature kind in '\(String(decoding: name, as: UTF8.self))'"))
                }
            }
            return .success((bias, threshold, weights))
        }
        switch parsed {
        case .success(let model): self.init(bias: model.bias, threshold: model.threshold, weights: model.weights)
        case .failure(let problem): throw problem
        }
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
