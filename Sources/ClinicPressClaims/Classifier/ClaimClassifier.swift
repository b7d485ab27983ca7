import Foundation

/// What the classifier decided about one sentence.
public struct ClaimDecision: Sendable, Equatable {
    /// Whether the sentence is a health claim that needs a source.
    public var isClaim = false
    /// The kinds of claim it makes, in precedence order; empty when it is not a claim.
    public var kinds: [ClaimCategory] = []
    /// The words that made it a claim, as byte ranges of the sentence, in sentence order (at most three).
    public var reasons: [Range<Int>] = []
    /// It calls ketamine (not esketamine) FDA-approved for depression: false, whatever it cites.
    public var callsKetamineFDAApproved = false
    /// The model's score (the decision's margin: at or above the threshold is a claim).
    public var score = 0.0
    /// An exact rule decided it: a question or an exception (no claim), or a regulatory or site phrase (a claim).
    package var excluded = false, forced = false
}

/// Decides whether a sentence asserts a health fact that needs a source (`CLAIMS-LABELLING.md`), and of which kinds.
///
/// The words live in `Resources/claim-lexicon.yaml` and the weights in `Resources/claim-model.tsv` (learned from the
/// labelled corpus by `make train-claims`); this type only combines them:
/// 1. a question or a single word ("Results") is never a claim, nor is a sentence holding an exception phrase (the
///    lexicon's `exceptions`, or `claims.exceptions` in site.yaml), nor a remark that research goes on which asserts
///    no result;
/// 2. exact rules for facts: a regulatory status ("FDA-approved") is always a claim, a site's own phrases
///    (`claims.phrases`) make one, and ketamine called FDA-approved for depression is reported as false;
/// 3. otherwise the model's score decides.
/// The lexicon's kind classes then choose the finding's rule: a claim with none of them is an efficacy claim.
public final class ClaimClassifier: Sendable {
    let lexicon: ClaimLexicon
    let model: ClaimModel
    private let rules: RuleClasses
    /// The headings that introduce a numbered reference list (the lexicon's `reference-headings`), in lower case.
    let referenceHeadings: Set<String>

    /// The class indexes the exact rules read.
    struct RuleClasses: Sendable {
        var kinds: [(classIndex: Int, kind: ClaimCategory)] = []
        var exceptions: [Int] = []
        /// Remarks that research goes on, and the classes that assert a result (which keep such a remark a claim).
        var ongoing: Int?
        var results: [Int] = []
        var regulatory: Int?
        /// Each class's weight in the model, by class index (to rank a claim's phrases as reasons).
        var classWeight: [Double] = []
        /// By class index: the kind of claim a class names, and whether it makes a sentence a claim by itself (the
        /// regulatory status and a site's own phrases).
        var kindOfClass: [ClaimCategory?] = []
        var forcing: [Bool] = []
        var ketamine: Int?, esketamine: Int?, approval: Int?, depression: Int?, negation: Int?
    }

    /// The lexicon and model shipped with ClinicPress, read once. Without them nothing can be checked: a broken
    /// installation stops with a message (exit code 2), not a crash.
    package static let shipped: (lexicon: ClaimLexicon, model: ClaimModel) = {
        do {
            return (try ClaimLexicon(yaml: try resource("claim-lexicon", "yaml")), try ClaimModel(tsv: try resource("claim-model", "tsv")))
        } catch {
            FileHandle.standardError.write(Data("""
            error: ClinicPress cannot read its claim word lists and weights: \(error)
                hint: keep the folder \(resourceBundleName) next to the clinicpress binary when you copy it

            """.utf8))
            exit(2)
        }
    }()

    /// The resource bundle SwiftPM builds beside the binary.
    static let resourceBundleName = "ClinicPress_ClinicPressClaims.resources"

    /// A resource file's text: from the bundle beside the running binary, else from the source tree this binary was
    /// built from. (SwiftPM's `Bundle.module` would crash the process when neither exists, as when the binary alone is
    /// copied to another machine.)
    static func resource(_ name: String, _ ext: String) throws -> String {
        let file = "\(name).\(ext)"
        // The running binary: /proc/self/exe on Linux, else how it was started.
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let besideBinary = URL(fileURLWithPath: binary).deletingLastPathComponent()
            .appendingPathComponent(resourceBundleName).appendingPathComponent(file)
        let sourceTree = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Resources").appendingPathComponent(file)
        for url in [besideBinary, sourceTree] where FileManager.default.fileExists(atPath: url.path) {
            return try String(contentsOf: url, encoding: .utf8)
        }
        throw MissingResource(description: "\(file) is neither in \(besideBinary.deletingLastPathComponent().path) nor in \(sourceTree.deletingLastPathComponent().path)")
    }

    /// A resource file found nowhere.
    struct MissingResource: Error, CustomStringConvertible {
        let description: String
    }

    /// The shipped classifier, with a site's own phrases (claims of a kind) and exceptions (never claims).
    public convenience init(extraPhrases: [ClaimCategory: [String]] = [:], exceptions: [String] = []) {
        self.init(lexicon: Self.shipped.lexicon, model: Self.shipped.model, extraPhrases: extraPhrases, exceptions: exceptions)
    }

    /// A classifier over a given lexicon and model (the trainer's and the tests').
    package init(lexicon: ClaimLexicon, model: ClaimModel, extraPhrases: [ClaimCategory: [String]] = [:], exceptions: [String] = []) {
        var lexicon = lexicon
        if !extraPhrases.isEmpty || !exceptions.isEmpty {
            lexicon = lexicon.adding(extraPhrases.sorted { $0.key < $1.key }.map { ("site-" + $0.key.rawValue, $0.value) }
                + [("site-exceptions", exceptions)])
        }
        self.lexicon = lexicon
        self.model = model
        referenceHeadings = Set(lexicon.phraseClasses.filter { $0.name == "reference-headings" }.flatMap(\.phrases).map { $0.lowercased() })
        var rules = RuleClasses()
        for (index, name) in lexicon.classNames.enumerated() {
            switch name {
            case "exceptions", "site-exceptions": rules.exceptions.append(index)
            case "regulatory": rules.regulatory = index; rules.kinds.append((index, .regulatory))
            case "ketamine": rules.ketamine = index
            case "esketamine": rules.esketamine = index
            case "approval": rules.approval = index
            case "depression": rules.depression = index
            case "negation": rules.negation = index
            case "ongoing": rules.ongoing = index
            case "attribution": rules.kinds.append((index, .research))
            default:
                let kindName = name.hasPrefix("site-") ? String(name.dropFirst(5)) : name
                if let kind = ClaimCategory(rawValue: kindName) { rules.kinds.append((index, kind)) }
            }
        }
        rules.classWeight = lexicon.classNames.indices.map { model.weight(ofClass: $0, in: lexicon) }
        rules.kindOfClass = lexicon.classNames.indices.map { index in rules.kinds.first { $0.classIndex == index }?.kind }
        rules.forcing = lexicon.classNames.enumerated().map { index, name in
            index == rules.regulatory || (name.hasPrefix("site-") && !rules.exceptions.contains(index))
        }
        // What keeps a remark that research goes on a claim: a result attributed to research, a figure, a regulatory
        // status, a promise or a comparison. An effect named as the topic of the research ("how it might help") does not.
        rules.results = rules.kinds.filter { ["attribution", "statistic", "regulatory", "absolute", "comparative"].contains(lexicon.classNames[$0.classIndex]) }
            .map(\.classIndex)
        self.rules = rules
    }

    /// Scratch arrays a caller keeps from sentence to sentence, so their storage is reused.
    public struct Scratch {
        var words: [ClaimWord] = []
        var matches: [(classIndex: Int, words: Range<Int>)] = []
        var leadInWords: [ClaimWord] = []
        var features: [ClaimFeature] = []
        public init() {}
    }

    /// The names of a sentence's features, as the weights file writes them (the trainer's view).
    package func featureNames(_ sentence: String, leadIn: String = "") -> [String] {
        var scratch = Scratch()
        var text = sentence
        var names = text.withUTF8 { bytes in
            ClaimWords.tokenize(bytes, into: &scratch.words)
            let lastByte = Self.lastByte(bytes)
            var matches: [(classIndex: Int, words: Range<Int>)] = []
            lexicon.forEachMatch(in: scratch.words) { matches.append(($0, $1)) }
            ClaimFeatures.extract(scratch.words, matches: matches, lexicon: lexicon, lastByte: lastByte, into: &scratch.features)
            let array = Array(bytes)
            return scratch.features.map { ClaimFeatures.name(of: $0, words: scratch.words, sentence: array, lexicon: lexicon) }
        }
        names += ClaimFeatures.leadInNames(ClaimWords.tokenize(leadIn), bytes: Array(leadIn.utf8), lexicon: lexicon)
        return names
    }

    /// The kinds of claim a sentence makes; empty when it is none (tests and tools).
    public func classify(_ sentence: String) -> [ClaimCategory] {
        decide(sentence).kinds
    }

    /// The whole decision about a sentence given as text (with its list's lead-in, for a list item).
    public func decide(_ sentence: String, leadIn: String = "") -> ClaimDecision {
        var scratch = Scratch()
        var text = sentence, introduction = leadIn
        return text.withUTF8 { bytes in introduction.withUTF8 { decide(utf8: bytes, leadIn: $0, scratch: &scratch) } }
    }

    /// The decision about one sentence in UTF-8, tokenized once. `leadIn` is what introduces the list the sentence is
    /// an item of ("Benefits include:"), empty elsewhere.
    /// `explain: false` leaves `reasons` empty (a cited sentence is reported without them).
    /// The buffers are read during the call only; the decision keeps byte ranges into `sentence`, never a pointer.
    public func decide(utf8 sentence: UnsafeBufferPointer<UInt8>, leadIn: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0),
                       explain: Bool = true, scratch: inout Scratch) -> ClaimDecision {
        ClaimWords.tokenize(sentence, into: &scratch.words)
        scratch.matches.removeAll(keepingCapacity: true)
        lexicon.forEachMatch(in: scratch.words) { scratch.matches.append(($0, $1)) }
        let matches = scratch.matches
        func has(_ index: Int?) -> Bool { index.map { i in matches.contains { $0.classIndex == i } } ?? false }

        var decision = ClaimDecision()
        let lastByte = Self.lastByte(sentence)
        if lastByte == UInt8(ascii: "?") || scratch.words.count < 2 {
            decision.excluded = true
            return decision
        }
        decision.callsKetamineFDAApproved = callsKetamineApproved(scratch.words, matches: matches, sentence: sentence)
        if rules.exceptions.contains(where: { has($0) }) || (has(rules.ongoing) && !rules.results.contains(where: { has($0) })) {
            decision.excluded = true
            return decision
        }

        ClaimFeatures.extract(scratch.words, matches: matches, lexicon: lexicon, lastByte: lastByte, into: &scratch.features)
        if !leadIn.isEmpty {
            ClaimWords.tokenize(leadIn, into: &scratch.leadInWords)
            ClaimFeatures.extractLeadIn(scratch.leadInWords, lexicon: lexicon, into: &scratch.features)
        }
        decision.score = model.score(scratch.features) - model.threshold
        decision.forced = matches.contains { rules.forcing[$0.classIndex] }
        decision.isClaim = decision.forced || decision.score >= 0
        guard decision.isClaim else { return decision }

        var kinds: [ClaimCategory] = []
        for match in matches {
            if let kind = rules.kindOfClass[match.classIndex], !kinds.contains(kind) { kinds.append(kind) }
        }
        if !kinds.contains(.statistic), scratch.words.contains(where: { $0.stem == ClaimWords.percentShape }) { kinds.append(.statistic) }
        // Efficacy is what a claim is when it is no other kind.
        if kinds.count > 1 { kinds.removeAll { $0 == .efficacy } }
        decision.kinds = kinds.isEmpty ? [.efficacy] : kinds.sorted()
        guard explain || decision.callsKetamineFDAApproved else { return decision }
        let kindPhrases = matches.filter { rules.kindOfClass[$0.classIndex].map { $0 != .efficacy } ?? false }
            .sorted { rules.classWeight[$0.classIndex] > rules.classWeight[$1.classIndex] }
            .map(\.words)
        decision.reasons = reasons(forced: matches.filter { rules.forcing[$0.classIndex] }.map(\.words), kindPhrases: kindPhrases,
                                   features: scratch.features, words: scratch.words)
        return decision
    }

    /// The least weight a feature needs to be named as a reason: weaker ones ("is", "the") explain nothing.
    static let reasonWeight = 0.8

    /// The sentence's last mark, past closing quotes, brackets, emphasis and spaces ("…again?)" ends in "?").
    static func lastByte(_ sentence: UnsafeBufferPointer<UInt8>) -> UInt8? {
        sentence.reversed().first { $0 != 0x20 && $0 != 0x22 && $0 != 0x29 && $0 != 0x2A && $0 != 0x5F && $0 != 0x27 }
    }

    /// The words that made the sentence a claim: the phrases of an exact rule first, then the lexicon phrases of its
    /// kinds, then the words and pairs whose weights count for most (at least `reasonWeight`); at most three, merged
    /// where they touch, in sentence order, as byte ranges.
    private func reasons(forced: [Range<Int>], kindPhrases: [Range<Int>], features: [ClaimFeature], words: [ClaimWord]) -> [Range<Int>] {
        let weighty = features.compactMap { feature -> (weight: Double, words: Range<Int>)? in
            guard !feature.words.isEmpty, feature.kind != .lexicon else { return nil }
            let weight = model.weight(feature)
            return weight >= Self.reasonWeight ? (weight, feature.words) : nil
        }
        .sorted { ($0.weight, $1.words.lowerBound) > ($1.weight, $0.words.lowerBound) }
        .map(\.words)
        var chosen: [Range<Int>] = []
        chosen.reserveCapacity(3)
        for ranked in [forced, kindPhrases, weighty] {
            for range in ranked where chosen.count < 3 && !chosen.contains(where: { $0.overlaps(range) || $0 == range }) {
                chosen.append(range)
            }
        }
        chosen.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in chosen {
            if let last = merged.last, last.upperBound >= range.lowerBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged.map { words[$0.lowerBound].range.lowerBound..<words[$0.upperBound - 1].range.upperBound }
    }

    /// The ketamine fact: ketamine is FDA-approved only as an anaesthetic; esketamine (Spravato) is the depression
    /// product. True when the sentence names ketamine and an approval, depression follows the approval within the
    /// same clause (no comma, semicolon or colon between, at most eight words on), and it names no esketamine and
    /// no negation ("not", "off-label").
    private func callsKetamineApproved(_ words: [ClaimWord], matches: [(classIndex: Int, words: Range<Int>)],
                                       sentence: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let ketamine = rules.ketamine, let approval = rules.approval, let depression = rules.depression,
              matches.contains(where: { $0.classIndex == ketamine }) else { return false }
        if matches.contains(where: { $0.classIndex == rules.esketamine || $0.classIndex == rules.negation }) { return false }
        for approved in matches where approved.classIndex == approval {
            for use in matches where use.classIndex == depression && use.words.lowerBound >= approved.words.upperBound
                && use.words.lowerBound - approved.words.upperBound <= 8 {
                let from = words[approved.words.upperBound - 1].range.upperBound, to = words[use.words.lowerBound].range.lowerBound
                if !sentence[from..<to].contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x3A }) { return true }
            }
        }
        return false
    }
}

extension ClaimLexicon {
    /// This lexicon with more classes (a site's phrases and exceptions).
    func adding(_ classes: [(String, [String])]) -> ClaimLexicon {
        ClaimLexicon(classes: phraseClasses + classes.map { (name: $0.0, phrases: $0.1) })
    }
}
