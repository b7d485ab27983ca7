/// Absolute claims: cures, guarantees, permanence, no risk, universal success.
extension ClaimSentence {
    /// Absolute promises: cure, guaranteed, permanent, no side effects, 100% safe, works for everyone, never again.
    var isAbsolute: Bool {
        guard hasAbsolute else { return false }
        let healthy = !classes.isDisjoint(with: Self.healthWords)
        for i in 0..<count where !tokens[i].isInert {
            let t = tokens[i]
            let c = t.classes
            // A cure that is not denied ("can't promise a cure" is).
            // (Others' marketing — "some clinics advertise miracle cures" — is not our promise.)
            if c.contains(.cure), !isNegated(i),
                !(max(0, i - 3)..<i).contains(where: {
                    tokens[$0].key.isOne(of: .advertise, .advertises, .tout, .touts, .hype, .peddle, .sell, .sells)
                })
            {
                return true
            }
            // "guaranteed", or "guarantee(s)" used as a verb (followed by what is promised), about health.
            if c.contains(.guarantee), healthy, !isNegated(i) {
                if t.key == .guaranteed { return true }
                let next = i + 1 < count ? tokens[i + 1] : nil
                if let next, next.kind == .word,
                    next.classes.contains(.secondPerson) || next.key == .that || next.key == .to
                        || next.classes.contains(.determiner) || !next.classes.isDisjoint(with: Self.healthWords)
                {
                    return true
                }
            }
            // Permanence about a health outcome: "permanent relief", "stays off permanently", "lifelong".
            if c.contains(.permanence), healthy, !isNegated(i) { return true }
            // "for good" at the end of a clause and "once and for all".
            if t.key == .good, isWord(i - 1, .for), healthy,
                i + 1 == count || isClauseBreak(i + 1) || tokens[i + 1].kind == .punct
                    || kw(i + 1).isOne(of: .after, .with, .and, .once, .so, .because, .when, .by, .in, .without)
            {
                return true
            }
            if t.key == .all, isWord(i - 1, .for), isWord(i - 2, .and), isWord(i - 3, .once) { return true }
            // No risk at all: "no side effects", "zero risks", "risk-free", "without any complications".
            if isRiskNoun(i) {
                // Up to two words may stand between: "no serious side effects", "no chance of complications".
                for j in max(0, i - 3)..<i where !hasBreak(in: j..<i) {
                    if kw(j).isOne(of: .no, .zero, .without) || (tokens[j].kind == .number && tokens[j].value == 0) { return true }
                }
                let after = t.key == .side ? i + 2 : i + 1
                if after < count, tokens[after].key == .free, tokens[after].joined { return true }
            }
            // "harmless" needs no intensifier; "safe" and "painless" do (below).
            if t.key == .harmless, !isNegated(i) { return true }
            // An intensifier on safety or efficacy: "100% safe", "completely painless", "totally effective".
            if c.contains(.intensifier) || (t.kind == .number && t.value == 100) {
                var j = i + 1
                if t.kind == .number {
                    guard j < count, tokens[j].kind == .percent else { continue }
                    j += 1
                }
                if isClass(j, [.safety, .cure]) || isWord(j, .effective) || isRiskFree(j) { return true }
            }
            // Universal efficacy: "works for everyone", "safe for every skin type", "helps all patients".
            // The universal must range over people or bodies ("every skin type"), not "every budget" or "every phone".
            let overPeople = t.key.isOne(of: .everyone, .everybody, .anyone, .anybody)
                || has([.population, .bioNoun, .condition, .outcomeNoun], in: i + 1..<i + 4)
            if c.contains(.universal), overPeople, kw(i - 1).isOne(of: .for, .on, .with)
                || (isClass(i - 1, .intensifier) && isWord(i - 2, .for))
            {
                let verb = kw(i - 1).isOne(of: .for, .on, .with) ? i - 2 : i - 3
                if isNegated(verb) { continue }
                if isClass(verb, [.workVerb, .safety]) || kw(verb).isOne(of: .helps, .help, .effective, .suitable, .safe) {
                    return true
                }
            }
            // "no exceptions", "without exception".
            if healthy, (t.key == .exception || t.key == .exceptions), isWord(i - 1, .no) || isWord(i - 1, .without) { return true }
            // (A hedge before the quantifier keeps it absolute: "almost everyone", "virtually every patient".)
            let opens = i == 0 || isClauseBreak(i - 1) || (kw(i - 1).isOne(of: .almost, .nearly, .virtually) && (i == 1 || isClauseBreak(i - 2)))
            if c.contains(.universal), opens {
                // "Every single guest leaves feeling better", "Everyone who finishes the program improves".
                let range = clause(around: i)
                let person = t.key.isOne(of: .everyone, .everybody, .anyone, .anybody) || has(.population, in: i + 1..<i + 7)
                // ("Everyone deserves to feel better" wishes; it asserts nothing.)
                if person, has([.improvedState, .outcomeVerb], in: i + 1..<range.upperBound), !has(.pending, in: i + 1..<range.upperBound) {
                    return true
                }
            }
            // Nobody left with the condition: "Nobody walks out still depressed", "No patient leaves without relief".
            if t.key == .nobody || (t.key == .one && isWord(i - 1, .no)) || (t.key == .no && isClass(i + 1, .population)) {
                let range = clause(around: i)
                if has([.condition, .improvedState, .effectNoun], in: i + 1..<range.upperBound) { return true }
            }
            // "always works", "works every time": unfailing efficacy of a treatment, not a person's effort.
            if t.classes.contains(.workVerb), !hasPersonSubject(i), !isWord(i + 1, .to),
                isWord(i - 1, .always) || (isWord(i + 1, .every) && isWord(i + 2, .time))
            {
                return true
            }
            // An intensified outcome: "completely eliminates cravings", "wipes out acne scars completely".
            if c.contains(.outcomeVerb) || c.contains(.cure), !hasPersonSubject(i), !isNegated(i) {
                let range = clause(around: i)
                for k in max(range.lowerBound, i - 2)..<min(range.upperBound, i + 6) where k != i {
                    if tokens[k].key.isOne(of: .completely, .totally, .entirely, .fully, .permanently, .forever) { return true }
                }
            }
            // "eliminates all of your symptoms": a total outcome.
            if c.contains(.outcomeVerb), !hasPersonSubject(i), isWord(i + 1, .all),
                has([.outcomeNoun, .condition], in: i + 2..<i + 5)
            {
                return true
            }
            // "depression-free for life", "results for life".
            if t.key == .life, isWord(i - 1, .for), healthy, !isNegated(i) { return true }
            // "never … again / another / comes back / fails".
            // ("won't come back", "will not come back" too.)
            if t.key == .never || ((t.key == .wont || t.key == .not) && isWord(i + 1, .come) && healthy) {
                var k = i + 1
                while k < count, k <= i + 4 {
                    switch tokens[k].key {
                    case .again, .another, .back, .recur, .recurs, .relapse, .relapses, .fail, .fails, .returns,
                        .return:
                        return true
                    case .cause, .causes, .caused:
                        // "never causes irritation / side effects"
                        if isRiskNoun(k + 1) || has(.condition, in: k + 1..<k + 3) { return true }
                        k += 1
                    default: k += 1
                    }
                }
            }
        }
        return false
    }

    /// A noun of risk at `i`: "side effects" (at "side"), risk(s), complications, downsides.
    func isRiskNoun(_ i: Int) -> Bool {
        switch kw(i) {
        case .side: return isWord(i + 1, .effects) || isWord(i + 1, .effect)
        case .risk, .risks, .complication, .complications, .downside, .downsides, .danger, .dangers: return true
        default: return false
        }
    }

    /// "risk-free" or "side-effect-free" starting at `i`.
    func isRiskFree(_ i: Int) -> Bool {
        guard isRiskNoun(i) else { return false }
        let after = isWord(i, .side) ? i + 2 : i + 1
        return after < count && tokens[after].key == .free
    }
}
