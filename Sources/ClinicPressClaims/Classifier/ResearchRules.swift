/// Research claims: research asserting a result, passive evidence, efficacy and mechanisms stated as fact.
extension ClaimSentence {
    /// Research asserting a result, passive evidence ("has been shown"), "clinically proven", and mechanisms stated as fact.
    var isResearch: Bool {
        for i in 0..<count {
            // An unknown word can only matter here as an unlisted verb: in -s, or after a modal.
            if tokens[i].isInert, !tokens[i].flags.contains(.endsS), !isClass(i - 1, .modal) { continue }
            let t = tokens[i]
            let c = t.classes
            // A research subject followed in its clause by a reporting verb: "studies show", "the literature points to".
            if c.contains(.researchSubject) || (t.key == .work && (isClass(i - 1, .researchModifier) || isWord(i + 1, .published))) {
                var k = i + 1
                while k < count, k <= i + 8, !isClauseBreak(k) {
                    if isReport(k) {
                        if !has(.pending, in: k - 3..<k) { return true }
                        break
                    }
                    k += 1
                }
            }
            // "There is strong evidence that…", "there's evidence for …": evidence asserted to exist, or not.
            if t.key == .evidence, isWord(i + 1, .that) || (isWord(i + 1, .for) && has([.be], in: i - 4..<i)) { return true }
            // "The research is clear", "the evidence is strong / consistent".
            if c.contains(.researchSubject), let b = first(.be, in: i + 1..<i + 5), !hasBreak(in: i + 1..<b),
                kw(b + 1).isOne(of: .clear, .consistent, .conclusive, .strong, .compelling, .overwhelming, .solid, .convincing, .robust)
            {
                return true
            }
            // A research frame with a result: "In trials, ketamine reduced suicidal thoughts", "Across studies, TMS eased …".
            if t.key.isOne(of: .in, .across, .during, .from), i == 0 || isClauseBreak(i - 1),
                let r = first(.researchSubject, in: i + 1..<i + 5), r + 1 < count, isClauseBreak(r + 1) || isWord(r + 1, .of)
            {
                let rest = clause(around: min(r + 2, count - 1))
                if has([.outcomeVerb, .mechanismVerb, .reportVerb], in: rest) { return true }
            }
            // A result set in research at the end: "… produced lasting antidepressant effects in a 2021 trial".
            if t.key.isOne(of: .in, .during, .across), i > 2, let r = first(.researchSubject, in: i + 1..<i + 5),
                !hasBreak(in: i..<r), has([.outcomeVerb, .effectNoun, .improvedState, .mechanismVerb], in: 0..<i)
            {
                return true
            }
            // "according to research", "per one randomized trial".
            if (t.key == .according && isWord(i + 1, .to)) || (t.key == .per && (i == 0 || isClauseBreak(i - 1))) {
                if has(.researchSubject, in: i + 1..<i + 6) { return true }
            }
            // Passive evidence: "has been shown to", "is proven to", "are linked to", "is well established".
            if c.contains(.reportVerb), isEvidential(i) { return true }
            // "clinically proven", "scientifically shown".
            if c.contains(.evidentialAdverb), t.flags.contains(.endsAlly), isClass(i + 1, .reportVerb), ends(i + 1, .endsN) || ends(i + 1, .endsEd) {
                return true
            }
            // Efficacy stated as fact: "TMS is effective for depression", "magnesium works against migraines".
            if t.key == .effective || t.key == .efficacious || ((t.key == .works || t.key == .work) && !hasPersonSubject(i)),
                !isNegated(i), !isEmbeddedQuestion(before: i)
            {
                // "TMS is highly effective.", "Spravato is safe and effective": efficacy as a predicate of a treatment.
                // (Our own things — "our scheduling system is effective" — need a health word to count.)
                if t.key != .works && t.key != .work, !hasPersonSubject(i), let b = (max(0, i - 4)..<i).last(where: { isClass($0, .be) }),
                    !hasBreak(in: b..<i), !isClass(b - 1, .pronoun) || isWord(b - 1, .it),
                    !has([.firstPerson, .secondPerson], in: max(0, b - 4)..<b) || !classes.isDisjoint(with: Self.healthWords.union(.treatment))
                {
                    return true
                }
                var k = i + 1
                if kw(k).isOne(of: .for, .against, .in, .at) {
                    k += 1
                    let range = clause(around: i)
                    if has([.condition, .outcomeNoun], in: k..<min(k + 4, range.upperBound)) { return true }
                }
            }
            // An outcome that comes faster or better: "patients with higher NAD+ levels recover faster".
            if c.contains(.outcomeVerb), !hasPersonSubject(i), !isNegated(i),
                kw(i + 1).isOne(of: .faster, .better, .sooner, .quicker, .quickly, .more)
            {
                if !isWord(i + 1, .more) || isWord(i + 2, .quickly) || isWord(i + 2, .fully) { return true }
            }
            // A treatment doing something unlisted to a health outcome: "semaglutide curbs cravings", "a touch-up keeps
            // lines at bay", "Spravato can pull patients out of a depressive episode". The verb is a word the lexicon does
            // not know, either ending in -s after its subject or right after a modal.
            // The subject comes first in its clause (no preposition or "we" before the verb), so plural nouns
            // ("a trial on IV fluids") are not read as verbs.
            if c.isEmpty, t.kind == .word, let s = subject(before: i), !Self.isLightVerb(t.key),
                (t.flags.contains(.endsS) && !t.flags.contains(.endsSS) && s == i - 1) || isClass(i - 1, .modal),
                !isClass(s, [.firstPerson, .secondPerson, .staff, .condition, .determiner, .population, .pronoun, .occasion, .imperative]),
                !isEmbeddedQuestion(before: i), !isDefinition(before: i), !isNegated(i)
            {
                let range = clause(around: i)
                let before = range.lowerBound..<i
                // It must be the clause's first verb-like word ("TMS sends magnetic pulses": not "pulses"), and not a noun
                // followed by its own verb ("Dermal fillers are gels…").
                let earlierVerb = before.contains { j in
                    (tokens[j].classes.isEmpty && tokens[j].flags.contains(.endsS) && j > range.lowerBound)
                        || isClass(j, [.mechanismVerb, .outcomeVerb, .reportVerb, .be, .have, .modal, .workVerb, .prevalenceVerb]) && j != i - 1
                }
                if !earlierVerb, !isClass(i + 1, [.be, .have, .modal]),
                    has(.outcomeNoun.union(.condition), in: i + 1..<min(i + 7, range.upperBound)),
                    !has([.handlingVerb, .firstPerson], in: range), !before.contains(where: { Self.isPreposition(tokens[$0].key) })
                {
                    return true
                }
            }
            // A treatment that relieves, cures or prevents something — whatever it is: "fractional lasers can fade melasma",
            // "hormone therapy eliminates hot flashes". The subject is a thing, and the verb follows a modal or is in -s.
            if Self.isEfficacyVerb(t.key), let s = subject(before: i), !hasPersonSubject(i),
                !isClass(s, [.determiner, .pronoun, .condition, .population, .occasion]), !isEmbeddedQuestion(before: i),
                !isDefinition(before: i),
                t.flags.contains(.endsS) || isClass(i - 1, [.modal, .negation]) && !kw(i - 1).isOne(of: .no, .without, .nothing, .none_),
                i + 1 < count, tokens[i + 1].kind == .word, !isClass(i + 1, [.priceCue, .occasion, .secondPerson, .firstPerson])
            {
                return true
            }
            // A treatment that brings relief from a condition: "TMS offers relief without the weight gain…".
            if t.key.isOne(of: .offers, .offer, .provides, .provide, .brings, .bring, .delivers, .deliver, .gives, .give),
                !hasPersonSubject(i),
                isClass(i + 1, .effectNoun) || (isClass(i + 2, .effectNoun) && isClass(i + 1, .improvedState.union(.comparative))),
                !classes.isDisjoint(with: [.condition, .outcomeNoun])
            {
                return true
            }
            // Tolerability is a safety finding: "Spravato is well tolerated", "almost everyone tolerates TMS well".
            if t.key.isOne(of: .tolerated, .tolerates, .tolerate), isWord(i - 1, .well) || isWord(i + 2, .well) || isWord(i + 1, .well),
                !hasPersonSubject(i) || isClass(subject(before: i) ?? -1, .universal)
            {
                return true
            }
            // "the most common side effect", "rare side effects": how often a harm happens is a finding.
            if t.key == .side, isWord(i + 1, .effect) || isWord(i + 1, .effects), kw(i - 1).isOne(of: .common, .rare, .frequent, .serious),
                !isNegated(i - 1), !isClass(i - 2, .secondPerson)
            {
                return true
            }
            // "Benefits of NAD+ include sharper focus", "A possible benefit of IV therapy is better hydration".
            if t.key == .benefit || t.key == .benefits || t.key == .effects || t.key == .advantages, !classes.contains(.priceCue),
                let v = (i + 1..<min(count, i + 6)).first(where: { tokens[$0].key.isOne(of: .include, .includes, .is, .are) }),
                !hasBreak(in: i..<v), v + 1 < count, !isClass(v + 1, [.determiner, .pronoun]) || isWord(v + 1, .a) || isWord(v + 1, .an),
                !isEmbeddedQuestion(before: i)
            {
                return true
            }
            // A mechanism stated as fact: a treatment rebuilds / activates / boosts something in the body.
            if c.contains(.mechanismVerb) || (c.contains(.outcomeVerb) && t.flags.contains(.endsS)), !hasPersonSubject(i),
                !isEmbeddedQuestion(before: i), subject(before: i) != nil,
                !isDefinition(before: i)
            {
                if (t.key == .act || t.key == .acts) && !isWord(i + 1, .on) { continue }
                // A base form is a verb only after a modal, "to", an adverb or a plural subject ("GLP-1 drugs slow…");
                // after a singular noun it is a noun ("the intake form asks…").
                if !t.flags.contains(.endsS), !t.flags.contains(.endsEd) {
                    let p = kw(i - 1)
                    let verbal = isClass(i - 1, [.modal, .negation]) || p == .to || p == .also || p == .often
                    if !(verbal || ends(i - 1, .endsLy) || ends(i - 1, .endsS)) {
                        continue
                    }
                }
                if (t.key == .wake || t.key == .wakes) && !isWord(i + 1, .up) { continue }
                let range = clause(around: i)
                if has(.bioNoun, in: i + 1..<min(i + 7, range.upperBound)) { return true }
                // With a condition or outcome as the object, the subject must not itself be a condition
                // ("ketamine dissolves suicidal thoughts" is a claim; "stress lowers your mood" describes stress).
                if let s = subject(before: i), !isClass(s, .condition),
                    has([.condition, .outcomeNoun], in: i + 1..<min(i + 7, range.upperBound))
                {
                    return true
                }
            }
        }
        return false
    }

    /// Verbs that only a treatment's effect on a health problem takes as their object.
    static func isEfficacyVerb(_ k: Keyword) -> Bool {
        switch k {
        case .relieve, .relieves, .ease, .eases, .fade, .fades, .cure, .cures, .prevent, .prevents, .treat, .treats,
            .heal, .heals, .eliminate, .eliminates, .reverse, .reverses, .soothe, .soothes, .alleviate, .alleviates,
            .erase, .erases, .banish, .banishes, .shrink, .shrinks, .clear, .clears, .smooth, .smooths: true
        default: false
        }
    }

    /// Unlisted verbs that describe rather than act: "needs", "means", "includes", "uses"…
    static func isLightVerb(_ k: Keyword) -> Bool {
        switch k {
        case .needs, .means, .seems, .looks, .sounds, .tends, .happens, .varies, .depends, .differs, .includes,
            .contains, .involves, .uses, .stands, .offers, .provides, .comes, .goes, .gets, .runs, .takes, .makes,
            .lets, .wants, .says, .asks, .appears, .remains, .becomes, .belongs, .exists, .matters: true
        default: false
        }
    }

    /// Prepositions that show a word is inside a phrase, not a clause's subject.
    static func isPreposition(_ k: Keyword) -> Bool {
        switch k {
        case .of, .on, .in, .at, .for, .with, .to, .from, .about, .into, .by, .during, .after, .before, .like: true
        default: false
        }
    }

    /// True when the word at `k` reports a result; "points" needs "to", "backs" needs "up", "tells" needs "us".
    func isReport(_ k: Int) -> Bool {
        let t = tokens[k]
        guard t.classes.contains(.reportVerb) else { return false }
        switch t.key {
        case .point, .points, .pointed: return isWord(k + 1, .to)
        case .find, .finds: return !isWord(k + 1, .out)  // "to find out whether" is a question, not a finding
        case .know, .knows: return !isNegated(k)  // "scientists still don't know why" reports no result
        case .back, .backs, .backed: return isWord(k + 1, .up)
        case .tell, .tells, .told, .teach, .teaches, .taught: return isWord(k + 1, .us)
        case .tie, .ties, .tied, .connect, .connects, .connected, .link, .links, .linked:
            return find(.to, in: k + 1..<k + 5) != nil || find(.with, in: k + 1..<k + 5) != nil
                || has(.outcomeNoun, in: k + 1..<k + 4) || has(.condition, in: k + 1..<k + 5)
        default: return true
        }
    }

    /// A participle of evidence after "is/are/has been", followed by "to", "that", "with" or "effective":
    /// "it has been shown that", "is proven to", "is linked to", "is well established".
    func isEvidential(_ i: Int) -> Bool {
        let t = tokens[i]
        guard t.flags.contains(.endsN) || t.flags.contains(.endsEd) || t.key == .thought else { return false }
        var j = i - 1
        while j >= 0, isClass(j, .evidentialAdverb) || kw(j).isOne(of: .not, .never, .long, .now, .always) { j -= 1 }
        guard j >= 0, isClass(j, .be) || (isClass(j, .have) && t.key != .found) else { return false }
        if isWord(i - 1, .well), t.key == .established || t.key == .documented { return true }
        switch kw(i + 1) {
        case .to, .that, .with, .effective, .safe, .in: return !(t.key == .found && isWord(i + 1, .in))
        default: return false
        }
    }
}
