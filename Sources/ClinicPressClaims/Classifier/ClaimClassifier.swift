/// Decides whether a sentence asserts a health fact a reader could act on, and of which kinds.
///
/// Input is one sentence as a reader sees it: Markdown removed, link text kept, citation markers removed.
/// The sentence is tokenized once by a hand-written byte scanner (`ClaimTokenizer`); each word carries its word
/// classes from one dictionary lookup (`ClaimLexicon`); the rules (`ClaimRules`) combine classes within a clause.
/// Questions, sentences that open with an instruction ("Book…", "Ask us…") and mentions of research in progress
/// ("researchers are testing whether…") are never claims.
public struct ClaimClassifier: Sendable {
    /// Site-specific phrases (from `site.yaml`) that make a sentence a claim of a category.
    public let extraPhrases: [ClaimCategory: [String]]

    /// The extra phrases as spelling hashes, matched word by word, case-insensitively.
    private let phraseTokens: [(category: ClaimCategory, words: [UInt64])]

    /// Creates a classifier, optionally with extra phrases per category.
    public init(extraPhrases: [ClaimCategory: [String]] = [:]) {
        self.extraPhrases = extraPhrases
        var phrases: [(ClaimCategory, [UInt64])] = []
        for category in extraPhrases.keys.sorted() {
            for phrase in extraPhrases[category] ?? [] {
                let words = ClaimTokenizer.tokenize(phrase).map(\.hash)
                if !words.isEmpty { phrases.append((category, words)) }
            }
        }
        phraseTokens = phrases
    }

    /// The categories the sentence's assertion falls in, in precedence order (sorted by `ClaimCategory`'s `<`);
    /// empty when it is not a claim.
    public func classify(_ sentence: String) -> [ClaimCategory] {
        classify(ClaimSentence(sentence))
    }

    /// Both questions the checker asks of a sentence (in UTF-8), from one tokenization into `tokens`, an array
    /// the caller keeps from sentence to sentence so that its storage is reused.
    func analyze(utf8 sentence: UnsafeBufferPointer<UInt8>, tokens: inout [ClaimToken]) -> (categories: [ClaimCategory], callsKetamineFDAApproved: Bool) {
        ClaimTokenizer.tokenize(sentence, into: &tokens)
        let s = ClaimSentence(tokens: tokens)
        return (classify(s), s.callsKetamineApprovedForDepression)
    }

    private func classify(_ s: ClaimSentence) -> [ClaimCategory] {
        var found: [ClaimCategory] = []
        for (category, words) in phraseTokens where !found.contains(category) && s.contains(words) {
            found.append(category)
        }
        if !s.isQuestion && !s.isInstruction && !s.isResearchInProgress {
            if !found.contains(.regulatory), s.isRegulatory { found.append(.regulatory) }
            if !found.contains(.absolute), s.isAbsolute { found.append(.absolute) }
            if !found.contains(.comparative), s.isComparative { found.append(.comparative) }
            if !found.contains(.statistic), s.isStatistic { found.append(.statistic) }
            if !found.contains(.timeToEffect), s.isTimeToEffect { found.append(.timeToEffect) }
            if !found.contains(.research), s.isResearch { found.append(.research) }
        }
        return found.count > 1 ? found.sorted() : found
    }

    /// True when the sentence calls ketamine (not esketamine / Spravato) FDA-approved (or cleared) for depression —
    /// a false statement. Negated sentences ("ketamine is not FDA-approved for depression") are false here.
    public func callsKetamineFDAApprovedForDepression(_ sentence: String) -> Bool {
        ClaimSentence(sentence).callsKetamineApprovedForDepression
    }
}

extension ClaimSentence {
    /// True when the sentence holds the words of a phrase contiguously (hyphens and punctuation between words aside).
    func contains(_ words: [UInt64]) -> Bool {
        guard words.count <= count else { return false }
        var i = 0
        while i + words.count <= count {
            if tokens[i].hash == words[0] {
                var k = 1
                while k < words.count, tokens[i + k].hash == words[k] { k += 1 }
                if k == words.count { return true }
            }
            i += 1
        }
        return false
    }
}
