import ClinicPressText

/// Word classes for the claim classifier, read from `Resources/claim-lexicon.yaml`: each class is a list of words
/// and phrases, matched on word stems (so "study", "studies" and "studied" are one entry). Every class is a feature
/// the model weighs; a few also drive exact rules (see the file's header).
///
/// The file is a small subset of YAML, so that someone who does not write Swift can edit it: a line `name:` starts a
/// class, each following line `  - phrase` adds a phrase to it, and `#` starts a comment.
///
/// A class, so that the checker passes one reference from sentence to sentence, not copies of its tables.
package final class ClaimLexicon: Sendable {
    /// A phrase that failed to load, with its line in the file.
    package struct Problem: Error, Equatable, CustomStringConvertible {
        var line: Int
        var message: String
        package var description: String { "claim-lexicon.yaml:\(line): \(message)" }
    }

    /// The classes as read, so that a site's own can be added.
    let phraseClasses: [(name: String, phrases: [String])]
    /// The class names, in file order.
    let classNames: [String]
    /// Each class's feature hash (`c:<name>`), by class index.
    let classFeatureHashes: [UInt64]
    /// Each class's feature hash in a list item's lead-in (`l:c:<name>`), by class index.
    let leadInClassHashes: [UInt64]
    /// Every phrase as its class and the place of its stems in `stems`, grouped by first word, longest first.
    private let phrases: [(classIndex: Int, start: Int, count: Int)]
    /// The stems of every phrase, one after the other.
    private let stems: [UInt64]
    /// The phrases (a range of `phrases`) that start with a stem. Flat arrays of plain values: a lookup retains nothing.
    private let phrasesByFirstWord: HashTable<Range<Int>>

    /// Builds a lexicon from classes of phrases.
    init(classes: [(name: String, phrases: [String])]) {
        var names: [String] = []
        var index: [String: Int] = [:]
        var byFirst: [UInt64: [(Int, [UInt64])]] = [:]
        for (name, phrases) in classes {
            let classIndex: Int
            if let existing = index[name] {
                classIndex = existing
            } else {
                classIndex = names.count
                index[name] = classIndex
                names.append(name)
            }
            // Heading names are looked up whole, not matched in sentences: they are no feature of a sentence.
            guard name != "reference-headings" else { continue }
            for phrase in phrases {
                let stems = ClaimWords.tokenize(phrase).map(\.stem)
                guard let first = stems.first else { continue }
                byFirst[first, default: []].append((classIndex, stems))
            }
        }
        phraseClasses = classes
        classNames = names
        classFeatureHashes = names.map { FNV.combine(ClaimFeature.Kind.lexicon.seed, FNV.hash($0)) }
        leadInClassHashes = names.map { FNV.combine(ClaimFeature.Kind.leadIn.seed, FNV.hash("c:" + $0)) }
        // Longer phrases first, so that a match can prefer them.
        var phrases: [(classIndex: Int, start: Int, count: Int)] = []
        var stems: [UInt64] = []
        var byFirstWord: [UInt64: Range<Int>] = [:]
        for first in byFirst.keys.sorted() {
            let from = phrases.count
            // Longer phrases first; among equals, the order of the file.
            for (classIndex, phraseStems) in byFirst[first]!.enumerated().sorted(by: { ($0.element.1.count, $1.offset) > ($1.element.1.count, $0.offset) }).map(\.element) {
                phrases.append((classIndex, stems.count, phraseStems.count))
                stems += phraseStems
            }
            byFirstWord[first] = from..<phrases.count
        }
        self.phrases = phrases
        self.stems = stems
        phrasesByFirstWord = HashTable(byFirstWord, filler: 0..<0)
    }

    /// Parses the lexicon file's text.
    package convenience init(yaml text: String) throws(Problem) {
        var classes: [(name: String, phrases: [String])] = []
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let trimmed = line.trimmingWhitespace
            if trimmed.hasPrefix("- ") {
                guard !classes.isEmpty else { throw Problem(line: offset + 1, message: "a phrase before any class name") }
                var phrase = trimmed.dropFirst(2).trimmingWhitespace
                if phrase.count >= 2, phrase.hasPrefix("\""), phrase.hasSuffix("\"") { phrase = String(phrase.dropFirst().dropLast()) }
                guard !ClaimWords.tokenize(phrase).isEmpty else { throw Problem(line: offset + 1, message: "the phrase '\(phrase)' has no words") }
                classes[classes.count - 1].phrases.append(phrase)
            } else if trimmed.hasSuffix(":"), !line.hasPrefix(" "), !trimmed.dropLast().contains(" ") {
                classes.append((String(trimmed.dropLast()), []))
            } else {
                throw Problem(line: offset + 1, message: "expected `class-name:` or `  - phrase`, found '\(trimmed)'")
            }
        }
        self.init(classes: classes)
    }

    /// The index of a class by name.
    func classIndex(_ name: String) -> Int? { classNames.firstIndex(of: name) }

    /// The class a `c:` feature hash stands for.
    func className(ofFeature hash: UInt64) -> String? {
        classFeatureHashes.firstIndex(of: hash).map { classNames[$0] }
    }

    /// Calls `body` for every phrase found in `words`, with its class and the words it covers. Where phrases of
    /// the same class overlap at one position, only the longest counts.
    func forEachMatch(in words: [ClaimWord], _ body: (Int, Range<Int>) -> Void) {
        // The classes matched at this position: a bit each for the first 64 (the shipped file has 21, a site adds a
        // few), a list for any beyond, so that no array is allocated per sentence.
        var seenBits: UInt64 = 0
        var seenBeyond: [Int] = []
        for start in words.indices {
            guard let candidates = phrasesByFirstWord[words[start].stem] else { continue }
            seenBits = 0
            seenBeyond.removeAll(keepingCapacity: true)
            for candidate in candidates {
                let (classIndex, from, count) = phrases[candidate]
                let seen = classIndex < 64 ? seenBits & (1 << UInt64(classIndex)) != 0 : seenBeyond.contains(classIndex)
                guard !seen, start + count <= words.count else { continue }
                var k = 1
                while k < count, words[start + k].stem == stems[from + k] { k += 1 }
                if k == count {
                    if classIndex < 64 { seenBits |= 1 << UInt64(classIndex) } else { seenBeyond.append(classIndex) }
                    body(classIndex, start..<start + count)
                }
            }
        }
    }
}
