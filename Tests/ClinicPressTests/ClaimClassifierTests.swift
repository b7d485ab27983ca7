@testable import ClinicPressClaims
import Foundation
import Testing

/// The claim classifier's mechanics: its data files, tokenizer, stemmer, exact rules and reasons. How well the
/// learned decision does is measured on labelled articles (`ClaimCorpusTests`), not sentence by sentence here.
@Suite struct ClaimClassifierTests {
    let classifier = ClaimClassifier()

    @Test func theShippedLexiconAndModelLoad() throws {
        let (lexicon, model) = ClaimClassifier.shipped
        for name in ["exceptions", "regulatory", "statistic", "research", "time-to-effect", "comparative", "safety", "absolute",
                     "ketamine", "esketamine", "approval", "depression", "negation"] {
            #expect(lexicon.classIndex(name) != nil, "claim-lexicon.yaml has no class `\(name)`")
        }
        #expect(model.weights.count > 1000)
        #expect(model.threshold.isFinite && model.bias.isFinite)
    }

    /// The open-addressing table against the dictionary it is built from, on random keys present and absent.
    @Test func hashTableMatchesADictionary() {
        var generator = SeededGenerator(seed: 7)
        var dictionary: [UInt64: Int] = [:]
        for value in 0..<5000 { dictionary[UInt64.random(in: 0...UInt64.max, using: &generator)] = value }
        dictionary[0] = -1  // a zero key is a key like any other
        let table = HashTable(dictionary, filler: 0)
        for (key, value) in dictionary { #expect(table[key] == value) }
        for _ in 0..<5000 {
            let key = UInt64.random(in: 0...UInt64.max, using: &generator)
            #expect(table[key] == dictionary[key])
        }
        #expect(HashTable([UInt64: Int](), filler: 0).isEmpty)
    }

    @Test func lexiconErrorsNameTheLine() {
        #expect(throws: ClaimLexicon.Problem(line: 2, message: "a phrase before any class name")) {
            try ClaimLexicon(yaml: "# words\n  - study\n")
        }
        #expect(throws: ClaimLexicon.Problem(line: 3, message: "expected `class-name:` or `  - phrase`, found 'study'")) {
            try ClaimLexicon(yaml: "research:\n  - trial\nstudy\n")
        }
    }

    @Test func modelErrorsNameTheLine() {
        #expect(throws: ClaimModel.Problem(line: 3, message: "expected `name<TAB>number`")) { try ClaimModel(tsv: "# weights\nbias\t1\nw:study\tmany\n") }
        #expect(throws: ClaimModel.Problem(line: 1, message: "unknown feature kind in 'z:study'")) { try ClaimModel(tsv: "z:study\t1\n") }
        #expect(throws: ClaimModel.Problem(line: 2, message: "unknown feature kind in 'b:most patient care'")) {
            try ClaimModel(tsv: "bias\t1\nb:most patient care\t1\n")
        }
        #expect(throws: ClaimModel.Problem(line: 1, message: "expected `name<TAB>number`")) { try ClaimModel(tsv: "w:study\t1\t2\n") }
    }

    /// Where phrases of one class overlap at a position, only the longest counts: for the classes kept as bits and for
    /// those beyond the 64th, kept in a list.
    @Test func overlappingPhrasesOfOneClassCountOnce() {
        var classes = (0..<70).map { (name: "filler-\($0)", phrases: ["word\($0)"]) }
        classes[3].phrases += ["alpha beta", "alpha"]
        classes[67].phrases += ["alpha beta", "alpha"]
        classes[68].phrases += ["alpha"]
        let lexicon = ClaimLexicon(classes: classes)
        var matches: [String] = []
        lexicon.forEachMatch(in: ClaimWords.tokenize("alpha beta word5")) { matches.append("\(lexicon.classNames[$0]) \($1)") }
        #expect(matches.sorted() == ["filler-3 0..<2", "filler-5 2..<3", "filler-67 0..<2", "filler-68 0..<1"])
    }

    /// The weights file is read on its bytes; here it is read again with strings, the plain way, feature by feature.
    @Test func theShippedWeightsReadAsThePlainReadingDoes() throws {
        let text = try ClaimClassifier.resource("claim-model", "tsv")
        let model = try ClaimModel(tsv: text)
        var plain: [UInt64: Double] = [:]
        var bias = 0.0, threshold = 0.0
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t")
            let name = String(parts[0]), value = try #require(Double(parts[1]))
            if name == "bias" { bias = value; continue }
            if name == "threshold" { threshold = value; continue }
            let kind = try #require(ClaimFeature.Kind.allCases.first { name.hasPrefix($0.prefix) })
            let words = name.dropFirst(2).split(separator: " ").map { FNV.hash(String($0)) }
            let hash = words.count == 2 ? FNV.combine(FNV.combine(kind.seed, words[0]), words[1]) : FNV.combine(kind.seed, words[0])
            plain[hash, default: 0] += value
        }
        #expect(plain.count > 10_000)
        #expect(model.weights == plain)
        #expect(model.bias == bias && model.threshold == threshold)
    }

    /// The stemmer's byte comparisons against its rules written as plain suffix tests, on random words.
    @Test func theStemmerMatchesItsRulesWrittenPlainly() {
        func plain(_ word: String) -> String {
            var w = word
            if w.count > 4, w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
            if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { w.removeLast() }
            if w.count > 5, w.hasSuffix("ing") { w.removeLast(3) } else if w.count > 4, w.hasSuffix("ed") { w.removeLast(2) }
            if w.count > 4, w.hasSuffix("e") { w.removeLast() }
            return w
        }
        var generator = SeededGenerator(seed: 5)
        let letters = Array("siedungyab")
        for _ in 0..<3000 {
            let word = String((0..<Int.random(in: 1...9, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            #expect(String(decoding: ClaimWords.stem(Array(word.utf8)), as: UTF8.self) == plain(word), "\(word)")
        }
    }

    @Test func theStemmerJoinsInflections() {
        let stems = ["improves", "improved", "improving", "improve"].map(ClaimWords.stemText)
        #expect(Set(stems).count == 1, "\(stems)")
        #expect(ClaimWords.stemText("studies") == ClaimWords.stemText("study"))
        #expect(ClaimWords.stemText("FDA") == "fda")
        #expect(ClaimWords.stemText("less") == "less")
    }

    @Test func numbersReadAsShapes() {
        func shapes(_ text: String) -> [UInt64] { ClaimWords.tokenize(text).filter { $0.kind == .number }.map(\.stem) }
        #expect(shapes("About 45% improved") == [ClaimWords.percentShape])
        #expect(shapes("About 45 percent improved") == [ClaimWords.percentShape])
        #expect(shapes("In 2019, 1,200 people") == [ClaimWords.yearShape, ClaimWords.numberShape])
        #expect(shapes("0.5 mg/kg") == [ClaimWords.numberShape])
        #expect(shapes("$25 off, £40 or €1,200") == [ClaimWords.moneyShape, ClaimWords.moneyShape, ClaimWords.moneyShape])
        let words = ClaimWords.tokenize("12-18% of FDA-approved doses")
        #expect(words.count == 6)
        #expect(words[1].range == 3..<6)
    }

    /// Every ASCII character at every place of the eight-byte scan, inside a word: same words, same ranges as read plainly.
    @Test func everyASCIICharacterEndsOrContinuesAWordAsReadPlainly() {
        for byte in 0x20..<0x7F {
            for before in 0...9 {
                let text = String(repeating: "k", count: before + 1) + String(UnicodeScalar(UInt8(byte))) + "abcdefghij"
                let fast = ClaimWords.tokenize(text)
                let plain = PlainTokenizer.tokenize(text)
                #expect(fast.map(\.kind) == plain.map(\.0) && fast.map(\.range) == plain.map(\.1), "\(text.debugDescription)")
            }
        }
    }

    /// The byte scanner against a plain reading of the same rules on random text: same words, same ranges.
    @Test func tokenizerMatchesAPlainImplementation() {
        var generator = SeededGenerator(seed: 2026)
        let pieces = ["study", "Studies", " ", "  ", "-", "’", "'", "don't", "50", "%", "1,200", "0.5", ".", ",", "é", "FDA", "percent", "?", "\n",
                      "x", "“", "”", "—", "\u{00A0}", "°", "日本", "€", "$", "£",
                      // The ASCII neighbours of digits and letters, and runs long enough for the eight-byte scan.
                      "/", ":", "@", "[", "`", "{", "Zz9", "treatments", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...20, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let words = ClaimWords.tokenize(text)
            let fast = words.map { ($0.kind, $0.range) }
            let plain = PlainTokenizer.tokenize(text)
            #expect(fast.map(\.0) == plain.map(\.0) && fast.map(\.1) == plain.map(\.1), "\(text.debugDescription)")
            // Each word's hash is the hash of its stem, spelled plainly: lower case, apostrophes dropped.
            let utf8 = Array(text.utf8)
            for word in words where word.kind == .word {
                let spelling = String(decoding: utf8[word.range], as: UTF8.self).lowercased().replacingOccurrences(of: "'", with: "")
                    .replacingOccurrences(of: "’", with: "")
                #expect(word.stem == FNV.hash(ClaimWords.stem(Array(spelling.utf8.prefix(ClaimWords.maximumSpelling)))), "\(spelling)")
            }
        }
    }

    @Test func questionsSingleWordsAndExceptionsAreNeverClaims() {
        #expect(classifier.decide("Results").isClaim == false)
        #expect(classifier.decide("Is ketamine FDA-approved for depression?").isClaim == false)
        #expect(classifier.decide("In this post we will explore why studies show that 70% of patients improve.").isClaim == false)
    }

    @Test func aRegulatoryStatusIsAlwaysAClaim() {
        let decision = classifier.decide("Our device is FDA-cleared.")
        #expect(decision.isClaim)
        #expect(decision.kinds.first == .regulatory)
        #expect(decision.reasons.count == 1)
    }

    /// One line of data changes the decision: an exception added to the lexicon file, and one in site.yaml.
    @Test func anExceptionIsAOneLineDataEdit() throws {
        let sentence = "Our patient survey found that 9 in 10 clients would recommend us."
        let (lexicon, model) = ClaimClassifier.shipped
        #expect(ClaimClassifier(lexicon: lexicon, model: model).decide(sentence).isClaim)
        let edited = try ClaimLexicon(yaml: Self.shippedLexiconText + "\nexceptions:\n  - our patient survey\n")
        #expect(ClaimClassifier(lexicon: edited, model: model).decide(sentence).isClaim == false)
        #expect(ClaimClassifier(exceptions: ["our patient survey"]).decide(sentence).isClaim == false)
    }

    /// And a phrase: a site's own words make a claim of the kind they are listed under.
    @Test func aSitePhraseIsAOneLineDataEdit() {
        let sentence = "The glow drip comes in a blue bag."
        #expect(ClaimClassifier().decide(sentence).isClaim == false)
        let site = ClaimClassifier(extraPhrases: [.absolute: ["Glow Drip"]])
        #expect(site.decide(sentence).kinds == [.absolute])
        #expect(site.decide("Our glowing dripping tap comes in a blue bag.").isClaim == false)
        let edited = try! ClaimLexicon(yaml: Self.shippedLexiconText + "\nregulatory:\n  - glow drip\n")
        #expect(ClaimClassifier(lexicon: edited, model: ClaimClassifier.shipped.model).decide(sentence).kinds == [.regulatory])
    }

    @Test func reasonsAreWordsOfTheSentence() {
        let sentence = "Microneedling is completely safe for all skin types and results last for years."
        var text = sentence
        let decision = text.withUTF8 { bytes -> ClaimDecision in
            var scratch = ClaimClassifier.Scratch()
            return classifier.decide(utf8: bytes, scratch: &scratch)
        }
        #expect(decision.isClaim)
        #expect((1...3).contains(decision.reasons.count))
        let utf8 = Array(sentence.utf8)
        for range in decision.reasons {
            let reason = String(decoding: utf8[range], as: UTF8.self)
            #expect(!reason.isEmpty && sentence.contains(reason))
        }
        #expect(decision.reasons == decision.reasons.sorted { $0.lowerBound < $1.lowerBound })
    }

    @Test(arguments: [
        ("IV ketamine is FDA-approved for depression.", true),
        ("The FDA approved ketamine for treatment-resistant depression in 2019.", true),
        ("Ketamine is now cleared by the FDA as an antidepressant.", true),
        ("Esketamine (Spravato) is FDA-approved for treatment-resistant depression.", false),
        ("Unlike ketamine infusions, esketamine is FDA-approved for depression.", false),
        ("Ketamine is not FDA-approved for depression.", false),
        ("Ketamine isn't approved by the FDA for depression, but esketamine is.", false),
        ("Ketamine is FDA-approved as an anesthetic.", false),
        ("Ketamine was FDA-approved in 1970, and doctors now also use it for depression.", false),
        ("Ketamine has been FDA-approved as an anesthetic since 1970, but its use for depression is off-label.", false),
        ("Is ketamine FDA-approved for depression?", false),
        ("The FDA approved Spravato, a nasal spray made from ketamine, for depression.", false),
    ])
    func ketamineApprovalFact(_ sentence: String, _ expected: Bool) {
        #expect(classifier.decide(sentence).callsKetamineFDAApproved == expected, "\(sentence)")
    }

    static let shippedLexiconText = try! ClaimClassifier.resource("claim-lexicon", "yaml")
}

/// The tokenizer's rules, written plainly over Unicode scalars: the reference the byte scanner is compared with.
enum PlainTokenizer {
    static func tokenize(_ text: String) -> [(ClaimWord.Kind, Range<Int>)] {
        // Each scalar with its UTF-8 offset.
        var scalars: [(Unicode.Scalar, Int)] = []
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append((scalar, offset))
            offset += String(scalar).utf8.count
        }
        func end(_ k: Int) -> Int { k < scalars.count ? scalars[k].1 : offset }
        func isPunctuation(_ s: Unicode.Scalar) -> Bool {
            (0x2000...0x206F).contains(s.value) || (0x20A0...0x20BF).contains(s.value) || (0xA0...0xBF).contains(s.value)
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) || (s.value >= 0x80 && !isPunctuation(s)) }
        func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }
        var result: [(ClaimWord.Kind, Range<Int>)] = []
        var percent: [Bool] = []  // whether each token reads as a percentage
        var k = 0
        while k < scalars.count {
            let s = scalars[k].0
            if isDigit(s) {
                let start = k
                while k < scalars.count, isDigit(scalars[k].0)
                    || ((scalars[k].0 == "," || scalars[k].0 == ".") && k > start && k + 1 < scalars.count && isDigit(scalars[k + 1].0)) { k += 1 }
                let isPercent = k < scalars.count && scalars[k].0 == "%"
                if isPercent { k += 1 }
                result.append((.number, scalars[start].1..<end(k)))
                percent.append(isPercent)
            } else if isLetter(s) {
                let start = k
                var word = ""
                while k < scalars.count {
                    let c = scalars[k].0
                    if isApostrophe(c) {
                        guard k + 1 < scalars.count, isLetter(scalars[k + 1].0) else { break }
                        k += 1
                    } else if isLetter(c) || isDigit(c) {
                        word.unicodeScalars.append(c)
                        k += 1
                    } else {
                        break
                    }
                }
                let range = scalars[start].1..<end(k)
                if word.lowercased() == "percent", let last = result.last, last.0 == .number, percent.last == false {
                    result[result.count - 1].1 = last.1.lowerBound..<range.upperBound
                    percent[percent.count - 1] = true
                } else {
                    result.append((.word, range))
                    percent.append(false)
                }
            } else {
                k += 1
            }
        }
        return result
    }
}
