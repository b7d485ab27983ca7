/// Shared grammar for the rules: health words, subjects, embedded questions, definitions, research in progress.
extension ClaimSentence {
    /// Words that tie a health fact to a sentence (outcomes, conditions, effects, the body).
    static let healthWords: WordClass = [.outcomeVerb, .outcomeNoun, .condition, .effectNoun, .improvedState, .bioNoun]

    /// True when an interrogative word ("why", "how", "whether") opens an embedded question before `i` in its clause:
    /// "scientists are studying why ketamine acts so quickly" asserts nothing about how it acts.
    func isEmbeddedQuestion(before i: Int) -> Bool {
        let range = clause(around: i)
        var j = range.lowerBound
        while j < i {
            switch tokens[j].key {
            case .why, .how, .whether, .what, .which, .if: return true
            default: j += 1
            }
        }
        return false
    }

    /// The word before `i`, skipping adverbs, modals and auxiliaries, that acts as the subject of the verb at `i`.
    func subject(before i: Int) -> Int? {
        var j = i - 1
        while j >= 0 {
            let t = tokens[j]
            if t.kind != .word { return nil }
            if t.classes.contains(.modal) || t.classes.contains(.be) || t.classes.contains(.have) || t.flags.contains(.endsLy)
                || t.key == .also || t.key == .often || t.key == .still || t.key == .not || t.key == .to
            {
                j -= 1
                continue
            }
            return j
        }
        return nil
    }

    /// True when the verb at `i` is done by a person — we, you, our staff, patients — rather than asserted of a treatment.
    func hasPersonSubject(_ i: Int) -> Bool {
        guard let s = subject(before: i) else { return false }
        return isClass(s, [.firstPerson, .secondPerson, .staff]) || isWord(s, .they) || isWord(s, .i)
    }

    /// True when the sentence only mentions research in progress or planned: a research subject followed by
    /// "will", "plans", "hope", or a progressive verb ("are testing", "is recruiting"), with no result reported.
    var isResearchInProgress: Bool {
        guard !classes.isDisjoint(with: [.researchSubject]) || classes.contains(.researchModifier) else { return false }
        for i in 0..<count where tokens[i].classes.contains(.researchSubject) || tokens[i].key == .team {
            let range = clause(around: i)
            var k = i + 1
            // Skip a parenthetical relative clause: "The study, which begins in May, will track…".
            if k < count, tokens[k].key == .comma, isWord(k + 1, .which) || isWord(k + 1, .who) {
                k += 2
                while k < count, tokens[k].key != .comma { k += 1 }
                k += 1
            }
            let end = min(count, k + 6)
            var j = k
            while j < end {
                if isReport(j) { return false }
                let w = tokens[j]
                if w.classes.contains(.pending) && w.key != .if && w.key != .whether { return true }
                if w.classes.contains(.be), j + 1 < count, tokens[j + 1].flags.contains(.endsIng) || tokens[j + 1].key == .still {
                    return !(j + 2 < count && isReport(j + 1))
                }
                if j > range.upperBound { break }
                j += 1
            }
        }
        return false
    }

    /// True when the verb at `i` sits in a relative clause of a definition: "Botox is a purified protein that relaxes
    /// muscles", "Fillers are gels that add volume" describe what something is.
    func isDefinition(before i: Int) -> Bool {
        guard let rel = (max(0, i - 4)..<i).last(where: { tokens[$0].key.isOne(of: .that, .which) }) else { return false }
        var j = rel - 1
        while j >= 0, j >= rel - 5, !isClauseBreak(j) {
            if isClass(j, .be), isWord(j + 1, .a) || isWord(j + 1, .an) || isWord(j + 1, .the) { return true }
            j -= 1
        }
        return false
    }
}
