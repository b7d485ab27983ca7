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
        /// A word or lexicon class of the list's lead-in, for a list item: `l:benefit`, `l:c:efficacy`.
        case leadIn

        var prefix: String {
            switch self {
            case .word: "w:"
            case .pair: "b:"
            case .lexicon: "c:"
            case .first: "f:"
            case .question: "s:"
            case .leadIn: "l:"
            }
        }

        /// The hash of the prefix, from which the kind's feature hashes start.
        var seed: UInt64 { Self.seeds[Int(rawValue)] }
        private static let seeds = allCases.map { FNV.hash($0.prefix) }
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

    /// Appends the features of `words` (a sentence whose last byte is `lastByte`, whose lexicon phrases are
    /// `matches`) to `features` (emptied first).
    static func extract(_ words: [ClaimWord], matches: [(classIndex: Int, words: Range<Int>)], lexicon: ClaimLexicon, lastByte: UInt8?,
                        into features: inout [ClaimFeature]) {
        features.removeAll(keepingCapacity: true)
        let wordSeed = ClaimFeature.Kind.word.seed, pairSeed = ClaimFeature.Kind.pair.seed
        var pairStart = pairSeed  // the pair seed combined with the previous word, ready for the next pair
        for (i, word) in words.enumerated() {
            features.append(ClaimFeature(kind: .word, hash: FNV.combine(wordSeed, word.stem), words: i..<i + 1))
            if i > 0 {
                features.append(ClaimFeature(kind: .pair, hash: FNV.combine(pairStart, word.stem), words: i - 1..<i + 1))
            }
            pairStart = FNV.combine(pairSeed, word.stem)
        }
        if let first = words.first {
            features.append(ClaimFeature(kind: .first, hash: FNV.combine(ClaimFeature.Kind.first.seed, first.stem), words: 0..<1))
        }
        for (classIndex, range) in matches {
            features.append(ClaimFeature(kind: .lexicon, hash: lexicon.classFeatureHashes[classIndex], words: range))
        }
        if lastByte == UInt8(ascii: "?") {
            features.append(ClaimFeature(kind: .question, hash: questionHash, words: 0..<0))
        }
    }

    /// Appends the features of a list item's lead-in: each of its words and lexicon classes, prefixed `l:`. They
    /// cover no words of the sentence, so they are never named as reasons.
    static func extractLeadIn(_ leadIn: [ClaimWord], lexicon: ClaimLexicon, into features: inout [ClaimFeature]) {
        let seed = ClaimFeature.Kind.leadIn.seed
        for word in leadIn.prefix(maximumLeadInWords) {
            features.append(ClaimFeature(kind: .leadIn, hash: FNV.combine(seed, word.stem), words: 0..<0))
        }
        lexicon.forEachMatch(in: Array(leadIn.prefix(maximumLeadInWords))) { classIndex, _ in
            features.append(ClaimFeature(kind: .leadIn, hash: lexicon.leadInClassHashes[classIndex], words: 0..<0))
        }
    }

    /// How many words of a lead-in count ("Benefits of NAD+ infusions include:" is seven).
    static let maximumLeadInWords = 12

    /// The names of a lead-in's features, in the order `extractLeadIn` appends them (the trainer's side).
    static func leadInNames(_ leadIn: [ClaimWord], bytes: [UInt8], lexicon: ClaimLexicon) -> [String] {
        let words = Array(leadIn.prefix(maximumLeadInWords))
        var names = words.map { "l:" + stemText(of: $0, in: bytes) }
        lexicon.forEachMatch(in: words) { classIndex, _ in names.append("l:c:" + lexicon.classNames[classIndex]) }
        return names
    }

    /// A word's stem as text, or its number shape.
    static func stemText(of word: ClaimWord, in sentence: [UInt8]) -> String {
        switch word.kind {
        case .number:
            switch word.stem {
            case ClaimWords.percentShape: return "<pct>"
            case ClaimWords.yearShape: return "<year>"
            case ClaimWords.moneyShape: return "<money>"
            default: return "<num>"
            }
        case .word:
            // The word's bytes as the tokenizer spelled it: lower case, apostrophes dropped.
            var spelling: [UInt8] = []
            var j = word.range.lowerBound
            while j < word.range.upperBound {
                let b = sentence[j]
                if b == 0x27 {
                    j += 1
                } else if b == 0xE2, j + 2 < word.range.upperBound, sentence[j + 1] == 0x80, sentence[j + 2] == 0x99 {
                    j += 3
                } else {
                    if spelling.count < ClaimWords.maximumSpelling { spelling.append(b >= 0x41 && b <= 0x5A ? b + 32 : b) }
                    j += 1
                }
            }
            return String(decoding: ClaimWords.stem(spelling), as: UTF8.self)
        }
    }

    /// The hash of a feature written by name in the weights file (`w:improv`, `b:most patient`, `c:research`), or nil
    /// for a name of no known kind.
    static func hash(ofName name: String) -> UInt64? {
        var name = name
        return name.withUTF8 { hash(ofName: $0[...]) }
    }

    /// `hash(ofName:)` on the name's UTF-8 bytes (the weights file is read this way: 16,000 names, no strings made).
    static func hash(ofName name: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        guard name.count >= 2, name[name.startIndex + 1] == UInt8(ascii: ":"),
              let kind = ClaimFeature.Kind.allCases.first(where: { $0.prefix.utf8.first == name[name.startIndex] }) else { return nil }
        let rest = name.dropFirst(2)
        switch kind {
        case .pair:
            guard let space = rest.firstIndex(of: UInt8(ascii: " ")), !rest[(space + 1)...].contains(UInt8(ascii: " ")) else { return nil }
            return FNV.combine(FNV.combine(kind.seed, FNV.add(rest[..<space], to: FNV.offset)), FNV.add(rest[(space + 1)...], to: FNV.offset))
        case .word, .first, .lexicon, .question, .leadIn:
            return FNV.combine(kind.seed, FNV.add(rest, to: FNV.offset))
        }
    }

    /// The name of a feature, as the weights file writes it (the trainer's side).
    static func name(of feature: ClaimFeature, words: [ClaimWord], sentence: [UInt8], lexicon: ClaimLexicon) -> String {
        func stem(_ i: Int) -> String { stemText(of: words[i], in: sentence) }
        switch feature.kind {
        case .word, .first: return feature.kind.prefix + stem(feature.words.lowerBound)
        case .pair: return feature.kind.prefix + stem(feature.words.lowerBound) + " " + stem(feature.words.lowerBound + 1)
        case .lexicon: return feature.kind.prefix + (lexicon.className(ofFeature: feature.hash) ?? "?")
        case .question: return "s:question"
        case .leadIn: preconditionFailure("a lead-in feature covers no words of the sentence: leadInNames names it")
        }
    }
}
