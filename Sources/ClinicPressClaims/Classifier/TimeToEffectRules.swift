/// Time-to-effect claims: relief within a time, or benefits lasting for a time.
extension ClaimSentence {
    /// Relief within a time, or benefits lasting for a time — not a session's duration or a schedule.
    var isTimeToEffect: Bool {
        guard hasTime else { return false }
        for i in 0..<count where !tokens[i].isInert {
            let t = tokens[i]
            // An effect that lasts: "benefits last six months", "results can last 12 to 18 months".
            // The subject may be an effect ("benefits last six months") or a treatment ("Botox lasts three months"),
            // but not one of the clinic's occasions ("a session lasts 19 minutes").
            // ("the last 90 days", "last year": "last" as an adjective is no verb; "last years" is.)
            let adjective = isClass(i - 1, .determiner) || (isClass(i + 1, [.timeUnit, .courseUnit]) && !ends(i + 1, .endsS))
            if t.classes.contains(.lastVerb), !adjective, !isClass(i + 1, .treatment) {
                let range = clause(around: i)
                let effect = has([.effectNoun, .outcomeNoun, .improvedState], in: range.lowerBound..<i)
                let occasion = has([.occasion, .courseUnit], in: range.lowerBound..<i)
                if effect || !occasion, has(.timeUnit, in: i + 1..<min(i + 7, range.upperBound)), !hasPersonSubject(i) {
                    return true
                }
            }
            // "take four to eight weeks to work", "take six weeks to reach their full effect".
            // Also "need only three sessions to see results".
            if t.key.isOne(of: .take, .takes, .took, .need, .needs, .require, .requires) {
                var k = i + 1
                while k < count, k <= i + 7, !isClauseBreak(k) {
                    if isClass(k, [.timeUnit, .courseUnit]), isWord(k + 1, .to) || (isWord(k + 1, .or) && isWord(k + 3, .to)) {
                        let verb = isWord(k + 1, .to) ? k + 2 : k + 4
                        if isClass(verb, [.workVerb, .outcomeVerb, .perceiveVerb]) || kw(verb).isOne(of: .reach, .show, .take, .start, .begin) {
                            return true
                        }
                    }
                    k += 1
                }
            }
            // An improvement and a time expression in the same clause: "feel lighter within 24 hours".
            // (Not when the clinic handles something at that time: "results are reviewed at two weeks".)
            if let range = timeExpression(at: i), !has(.handlingVerb, in: clause(around: i)) {
                var clause = clause(around: i)
                // A fronted time expression governs the next clause: "Within a few sessions, many people feel…".
                if clause.lowerBound == 0, range.lowerBound == 0, clause.upperBound < count - 1, tokens[clause.upperBound].key == .comma {
                    clause = self.clause(around: clause.upperBound + 1)
                } else if clause.lowerBound == range.lowerBound, clause.lowerBound > 1,
                    (range.upperBound..<clause.upperBound).allSatisfy({ tokens[$0].kind == .punct })
                {
                    // A time expression set off by commas at the end belongs to what came before:
                    // "Most patients look refreshed, not frozen, within a week."
                    clause = 0..<clause.lowerBound
                }
                for j in clause where !range.contains(j) && isImprovement(j) && !isEmbeddedQuestion(before: j) { return true }
                // Otherwise an outcome or effect in a clause that is not about the clinic's own doings:
                // "a touch-up keeps lines at bay for months".
                if isHealthClause(clause, excluding: range) { return true }
            }
        }
        return false
    }

    /// The range of a time expression starting at `i`: "within 24 hours", "by the third session",
    /// "after four weeks", "in three to five days", "for months", "overnight", "the morning after".
    /// Schedules ("every four weeks", "each session") are not time expressions.
    func timeExpression(at i: Int) -> Range<Int>? {
        let t = tokens[i]
        if t.classes.contains(.immediacy) { return i..<i + 1 }
        if t.key == .right, isWord(i + 1, .away) { return i..<i + 2 }
        // "the morning after", "the next day"
        if t.key == .morning || t.key == .day || t.key == .night, isWord(i + 1, .after) || isWord(i - 1, .next) {
            return i..<i + 1
        }
        // "two weeks after", "six months later": a counted span before "after"/"later"/"into".
        if t.classes.contains(.timeUnit), isQuantity(i - 1) || isWord(i - 1, .a), kw(i + 1).isOne(of: .after, .later, .into, .post) {
            return i - 1..<i + 2
        }
        // "walk out feeling lighter", "leave feeling refreshed": the effect is there as the visit ends —
        // unless it is only wished for ("we want every client to leave feeling…").
        if t.key.isOne(of: .walk, .walks, .leave, .leaves, .head, .heads, .go, .goes), !has(.pending, in: clause(around: i).lowerBound..<i) {
            for k in i + 1..<min(i + 5, count) where tokens[k].key == .feeling { return i..<k + 1 }
        }
        // "by the time you leave", "by the time the drip is done"
        if t.key == .by, isWord(i + 1, .the), isWord(i + 2, .time) { return i..<i + 3 }
        // "before you leave"
        if t.key == .before, isClass(i + 1, .pronoun) {
            for k in i + 2..<min(i + 5, count) where tokens[k].key.isOne(of: .leave, .leaves, .walk, .go, .get) { return i..<k + 1 }
        }
        switch t.key {
        case .within, .by, .after, .in, .at, .for, .around, .until, .about, .over, .from:
            break
        default:
            return nil
        }
        var k = i + 1
        var counted = false
        while k < count, k <= i + 7, !isClauseBreak(k) {
            let u = tokens[k]
            switch u.key {
            case .every, .each, .per, .amClock, .pmClock, .business: return nil
            default: break
            }
            if !counted, u.classes.contains(.courseUnit), isWord(k + 1, .of) {
                // "over the course of a few weeks", "after a round of injections"
                k += 1
                continue
            }
            // "the second week", "the second or third infusion": an ordinal, even one that is also a unit.
            let ordinalBeforeUnit = u.ordinal && (isWord(k - 1, .the) || isClass(k + 1, [.timeUnit, .courseUnit]))
            if !ordinalBeforeUnit, u.classes.contains(.timeUnit) || u.classes.contains(.courseUnit) {
                // "by week six", "in month two", "at day 3".
                if isQuantity(k + 1) && !tokens[k + 1].classes.contains(.fraction) { return i..<k + 2 }
                // "within days", "for months": a bare plural unit is a span; otherwise a count or ordinal must come first.
                // "within the hour" names a span too.
                let bare = k == i + 1 && u.flags.contains(.endsS) && u.classes.contains(.timeUnit) && t.key != .at && u.key != .years
                if counted || bare || (t.key == .within && isWord(k - 1, .the)) {
                    return i..<k + 1
                }
                return nil
            }
            if u.isNumeric || u.ordinal || u.classes.contains(.fraction)
                || u.key.isOne(of: .few, .several, .couple, .single, .end, .a, .an, .following)
            {
                if u.year { return nil }
                counted = true
            } else if u.kind != .word {
                return nil
            } else if !(u.classes.contains(.determiner)
                || u.key.isOne(of: .of, .to, .or, .and, .up, .just, .only, .about, .around, .roughly, .as, .little)
                || u.key.isOne(of: .daily, .full, .first, .matter, .under, .less, .than, .very, .single))
            {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// True when a clause speaks of a health outcome or effect as a fact about a treatment, not of the clinic's handling
    /// ("your blood pressure is checked"), our own actions ("we"), what you will go through, or a definition.
    func isHealthClause(_ clause: Range<Int>, excluding range: Range<Int>) -> Bool {
        var health = false
        for j in clause where !range.contains(j) {
            let c = tokens[j].classes
            if c.contains(.handlingVerb) || (c.contains(.firstPerson) && !tokens[j].key.isOne(of: .our, .ours, .ourselves)) || c.contains(.staff) {
                return false
            }
            if !c.isDisjoint(with: [.outcomeNoun, .effectNoun, .improvedState]) { health = true }
        }
        guard health else { return false }
        // "You can expect some redness for a day": what you will go through is aftercare, not an effect.
        if kw(clause.lowerBound).isOne(of: .you, .youll, .youre, .youve) { return false }
        // The clause's first noun must not be one of the clinic's occasions ("Group anxiety workshops meet …").
        if let first = (clause.lowerBound..<min(clause.upperBound, clause.lowerBound + 4)).first(where: { isClass($0, [.occasion, .courseUnit]) }),
            !has([.effectNoun, .outcomeNoun], in: clause.lowerBound..<first)
        {
            return false
        }
        // "Depression is more than just feeling sad for a few days": a definition, not an effect.
        if let b = first(.be, in: clause), isWord(b + 1, .more) || isWord(b + 1, .when) || isWord(b + 1, .a) || isWord(b + 1, .an) {
            return false
        }
        return !isEmbeddedQuestion(before: clause.upperBound - 1)
    }

    /// A word that names an improvement: an outcome verb, an effect, an improved state, or noticing an outcome.
    func isImprovement(_ j: Int) -> Bool {
        let t = tokens[j]
        let c = t.classes
        if c.contains(.improvedState) || c.contains(.effectNoun) { return true }
        if c.contains(.outcomeVerb) {
            switch t.key {
            case .return, .returns, .returned:
                // "appetite returns", "their energy return" — not "return to work".
                return isClass(j - 1, [.outcomeNoun, .condition, .effectNoun]) || isClass(j - 2, [.outcomeNoun, .condition])
            default:
                return (!hasPersonSubject(j) || isClass(j + 1, [.outcomeNoun, .condition])) && !isNegated(j)
            }
        }
        // "the swelling goes down", "symptoms go away", "back to normal".
        if t.key.isOne(of: .go, .goes, .went, .gone, .settle, .settles, .calm, .calms), isWord(j + 1, .away) || isWord(j + 1, .down) {
            return true
        }
        // "less puffiness", "fewer cravings", "more energy".
        if t.key.isOne(of: .less, .fewer, .more), isClass(j + 1, [.outcomeNoun, .condition]) { return true }
        // "wears off within two hours", "clears up in an hour".
        if t.key.isOne(of: .wear, .wears, .wore, .clear, .clears, .cleared), isWord(j + 1, .off) || isWord(j + 1, .up) { return true }
        if t.key == .normal, isWord(j - 1, .to), isWord(j - 2, .back) { return true }
        if c.contains(.perceiveVerb) {
            // "feeling like themselves again".
            if isWord(j + 1, .like), ends(j + 2, .endsSelf) || ends(j + 2, .endsSelf) { return true }
            // "feel more relaxed", "feel less anxious".
            if isWord(j + 1, .more) || isWord(j + 1, .less), j + 2 < count, tokens[j + 2].kind == .word { return true }
            let range = clause(around: j)
            return has([.outcomeNoun, .condition, .effectNoun, .improvedState], in: j + 1..<min(j + 5, range.upperBound))
        }
        if c.contains(.workVerb) {
            if t.key.isOne(of: .kick, .kicks, .kicked) { return isWord(j + 1, .in) }
            if kw(j - 1).isOne(of: .start, .starts, .started, .begin, .begins, .began, .starting) { return true }
            // "ketamine works within hours" — not "return to work", "at work", or a person working.
            return !kw(j - 1).isOne(of: .to, .at, .from, .of, .back, .the, .your, .our) && !hasPersonSubject(j)
                && !isClass(j + 1, .secondPerson) && !isWord(j + 1, .out)
        }
        return false
    }
}
