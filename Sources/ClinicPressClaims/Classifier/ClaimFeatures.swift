/// One feature of a sentence: a hash the model's weights are looked up by, and the words it came from (for the
/// reasons a finding gives).
struct ClaimFeature: Sendable, Equatable {
    /// What the feature is made of; the weights file writes it as the prefix of the feature's name.
    enum Kind: UInt8, Sendable, CaseIterable {
        /// One word's stem: `w:improv`.
        case word
        /// Two neighbouring words: `b:most patient`.
        case pair
        /// A lexicon class matched by a phrase: `c:research`.
        case lexicon
        /// The sentence's first word: `f:call`.
        case first
        /// The sentence ends with a question mark: `s:question`.
        case question

        var prefix: String {
            switch self {
            case .word: "w:"
            case .pair: "b:"
            case .lexicon: "c:"
            case .first: "f:"
            case .question: "s:"
            }
        }

        var seed: UInt64 { FNV.hash(prefix) }
    }

    var kind: Kind
    var hash: UInt64
    /// The words (indexes into the sentence's `ClaimWord`s) the feature covers; empty for sentence-wide features.
    var words: Range<Int>
}

/// Turns a sentence's words into features: each word, each pair of neighbours, each lexicon phrase's class, the
/// first word, and whether it is a question. The same code serves the trainer and the checker, so the weights
/// always mean what they were trained to mean.
enum ClaimFeatures {
    static let questionHash = FNV.combine(ClaimFeature.Kind.question.seed, FNV.hash("question"))

    /// Appends the features of `words` (a sentence whose last byte is `lastByte`) to `features` (emptied first).
    static func extract(_ words: [ClaimWord], lexicon: ClaimLexicon, lastByte: UInt8?, into features: inout [ClaimFeature]) {
        features.removeAll(keepingCapacity: true)
        let wordSeed = ClaimFeature.Kind.word.seed, pairSeed = ClaimFeature.Kind.pair.seed
        for (i, word) in words.enumerated() {
            features.append(ClaimFeature(kind: .word, hash: FNV.combine(wordSeed, word.stem), words: i..<i + 1))
            if i > 0 {
                features.append(ClaimFeature(kind: .pair, hash: FNV.combine(FNV.combine(pairSeed, words[i - 1].stem), word.stem), words: i - 1..<i + 1))
            }
        }
        if let first = words.first {
            features.append(ClaimFeature(kind: .first, hash: FNV.combine(ClaimFeature.Kind.first.seed, first.stem), words: 0..<1))
        }
        lexicon.forEachMatch(in: words) { classIndex, range in
            features.append(ClaimFeature(kind: .lexicon, hash: lexicon.classFeatureHashes[classIndex], words: range))
        }
        if lastByte == UInt8(ascii: "?") {
            features.append(ClaimFeature(kind: .question, hash: questionHash, words: 0..<0))
        }
    }

    /// The hash of a feature written by name in the weights file (`w:improv`, `b:most patient`, `c:research`), or nil
    /// for a name of no known kind.
    static func hash(ofName name: String) -> UInt64? {
        guard let kind = ClaimFeature.Kind.allCases.first(where: { name.hasPrefix($0.prefix) }) else { return nil }
        let rest = String(name.dropFirst(kind.prefix.count))
        switch kind {
        case .pair:
            let parts = rest.split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            return FNV.combine(FNV.combine(kind.seed, FNV.hash(String(parts[0]))), FNV.hash(String(parts[1])))
        case .word, .first, .lexicon, .question:
            return FNV.combine(kind.seed, FNV.hash(rest))
        }
    }

    /// The name of a feature, as the weights file writes it (the trainer's side).
    static func name(of feature: ClaimFeature, words: [ClaimWord], sentence: [UInt8], lexicon: ClaimLexicon) -> String {
        func stem(_ i: Int) -> String {
            let word = words[i]
            switch word.kind {
            case .number:
                return word.stem == ClaimWords.percentShape ? "<pct>" : word.stem == ClaimWords.yearShape ? "<year>" : "<num>"
            case .word:
                var spelling: [UInt8] = []
                var j = word.range.lowerBound
                while j < word.range.upperBound {
                    let b = sentence[j]
                    if ClaimWords.isLetter(b) || ClaimWords.isDigit(b) { spelling.append(b >= 0x41 && b <= 0x5A ? b + 32 : b); j += 1 }
                    else if b == 0xE2 { j += 3 } else { j += 1 }
                }
                return String(decoding: ClaimWords.stem(spelling), as: UTF8.self)
            }
        }
        switch feature.kind {
        case .word, .first: return feature.kind.prefix + stem(feature.words.lowerBound)
        case .pair: return feature.kind.prefix + stem(feature.words.lowerBound) + " " + stem(feature.words.lowerBound + 1)
        case .lexicon: return feature.kind.prefix + (lexicon.className(ofFeature: feature.hash) ?? "?")
        case .question: return "s:question"
        }
    }
}
