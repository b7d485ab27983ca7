/// Comparative claims: one treatment faster, better, or as good as another.
extension ClaimSentence {
    /// Comparative efficacy: "-er than", "more/less … than", "as … as", "outperforms", "on par with", "nothing … like".
    var isComparative: Bool {
        guard hasComparison else { return false }
        // Comparisons only count in a sentence about health: a treatment, an outcome, or efficacy itself.
        let healthy = !classes.isDisjoint(with: Self.healthWords.union([.treatment, .workVerb]))
            || tokens.contains { $0.key == .effective || $0.key == .efficacious }
        // Explicit verbs and phrases of comparison ("outperforms", "on par with") need no health word, only no talk of
        // prices, ratings or ourselves ("our service is on par with a hotel").
        let explicit = healthy || classes.isDisjoint(with: [.priceCue, .marketingCue, .firstPerson])
        for i in 0..<count where !tokens[i].isInert {
            let t = tokens[i]
            // "-er than" / "more … than" with a noun phrase after "than", outside prices and quantities.
            if healthy, t.key == .than, isComparisonTarget(i + 1) {
                let range = clause(around: i)
                if let c = last(.comparative, in: max(range.lowerBound, i - 6)..<i), !has(.priceCue, in: range) {
                    // "more than 1,200" and "less than a week" count things, they don't compare treatments.
                    // "more like a conversation than an exam" is a simile.
                    if (tokens[c].key == .more || tokens[c].key == .less), isWord(c + 1, .like) { continue }
                    if c == i - 1, tokens[c].key.isOne(of: .more, .less, .fewer, .greater, .higher, .lower),
                        isQuantity(i + 1) || isClass(i + 1, .timeUnit) || isWord(i + 1, .a) && isClass(i + 2, .timeUnit) || isWord(i + 1, .half)
                    {
                        continue
                    }
                    return true
                }
            }
            // "as effective as", "twice as fast as", "works as well as" (not the conjunction "as well as").
            if healthy, t.key == .as, isClass(i + 1, .efficacy) || isClass(i + 1, .comparative), isWord(i + 2, .as), isComparisonTarget(i + 3) {
                if tokens[i + 1].key == .well || tokens[i + 1].key == .good {
                    let before = i - 1
                    let degree = kw(before).isOne(of: .just, .nearly, .almost, .about, .equally, .works, .work)
                    if !(isClass(before, [.workVerb, .multiplier]) || degree) {
                        continue
                    }
                }
                return true
            }
            // "twice as much weight as those on placebo", "three times as many patients as".
            if healthy, t.classes.contains(.multiplier), isWord(i + 1, .as), isWord(i + 2, .much) || isWord(i + 2, .many),
                find(.as, in: i + 3..<i + 7) != nil
            {
                return true
            }
            // A verb of comparison with a treatment or outcome as its subject: "outperforms", "matched ECT", "beats".
            // ("Nothing beats …" is left to the denied-rival rule below.)
            if explicit, t.classes.contains(.compareVerb), !hasPersonSubject(i), !isEmbeddedQuestion(before: i),
                !(subject(before: i).map { isClass($0, .negativeUniversal) } ?? false)
            {
                if t.key.isOne(of: .edges, .edged, .edge) && !isWord(i + 1, .out) { continue }
                if i == 0 { continue }
                return true
            }
            // A superlative about a treatment: "the most effective treatment for…", "one of the fastest-acting antidepressants".
            if healthy, isSuperlative(i), !classes.contains(.marketingCue), let n = first(.treatment, in: i + 1..<i + 4),
                !classes.isDisjoint(with: [.condition, .outcomeNoun]) || isWord(n + 1, .available) || isWord(n + 1, .on)
            {
                return true
            }
            // "Compared with placebo, …", "versus SSRIs", "Unlike SSRIs, …": a treatment set against another, about an outcome.
            if healthy, t.key == .compared || t.key == .versus || t.key == .vs || (t.key == .unlike && (i == 0 || isClauseBreak(i - 1))) {
                if !classes.contains(.priceCue), first(.treatment, in: i + 1..<i + 5) != nil || t.key == .unlike,
                    !classes.isDisjoint(with: [
                        .outcomeNoun, .outcomeVerb, .condition, .improvedState, .effectNoun, .comparative, .multiplier, .efficacy,
                    ])
                {
                    return true
                }
            }
            // "on par with", "comparable to", "superior to", "equivalent to", "in the dust".
            if explicit, (t.key == .par && isWord(i - 1, .on))
                || (t.key.isOne(of: .comparable, .superior, .inferior, .equivalent) && isWord(i + 1, .to))
                || (t.key == .dust && isWord(i - 1, .the) && isWord(i - 2, .in))
            {
                return true
            }
            // "Nothing smooths lines like…", "No pill comes close": a denied rival, not "feels nothing like".
            let rival = t.key == .no && (isClass(i + 1, .treatment) || (kw(i + 1).isOne(of: .other, .single) && isClass(i + 2, .treatment)))
            if healthy, t.key == .nothing || rival {
                let range = clause(around: i)
                var k = i + 2
                while k < range.upperBound {
                    if tokens[k].key == .like || (tokens[k].key == .close && tokens[k - 1].key.isOne(of: .come, .comes, .coming, .came))
                        || tokens[k].classes.contains(.compareVerb) || tokens[k].key == .compares
                        || (tokens[k].key == .as && isClass(k + 1, .efficacy))
                    {
                        // The rival must be a treatment ("…comes close to IV therapy") or the clause about an outcome.
                        if rival || !classes.isDisjoint(with: [.outcomeNoun, .outcomeVerb, .condition, .effectNoun, .improvedState])
                            || has(.treatment, in: k + 1..<min(k + 5, range.upperBound))
                        {
                            return true
                        }
                    }
                    k += 1
                }
            }
        }
        return false
    }

    /// A superlative of efficacy, speed or safety: fastest, best, safest, "most effective", "fastest-acting".
    func isSuperlative(_ i: Int) -> Bool {
        switch kw(i) {
        case .fastest, .quickest, .safest, .strongest, .best, .gentlest: return true
        case .most, .least: return isClass(i + 1, .efficacy) || isWord(i + 1, .proven)
        // Ranks that mean "the best": "first-line treatment", "the gold standard".
        case .line: return isWord(i - 1, .first) && tokens[i].joined
        case .standard: return isWord(i - 1, .gold)
        default: return false
        }
    }

    /// True when the token at `i` starts a noun phrase that can be compared ("SSRIs", "a placebo"), not a clause
    /// ("than it takes in", "than when they arrived", "as you like") or a filler ("than just…", "than ever").
    func isComparisonTarget(_ i: Int) -> Bool {
        guard i < count, tokens[i].kind == .word || tokens[i].kind == .number else { return false }
        let t = tokens[i]
        if t.classes.contains(.pronoun) && t.key != .that && t.key != .those { return false }
        // "than most people realize", "than many people think": a clause about beliefs, not a rival.
        var k = i
        while k < count, k <= i + 4, tokens[k].kind == .word {
            switch tokens[k].key {
            case .think, .thinks, .realize, .realise, .expect, .believe, .imagine, .assume, .know, .suspect, .guess:
                return false
            default: k += 1
            }
        }
        switch t.key {
        case .when, .before, .ever, .usual, .expected, .just, .needed, .possible, .necessary, .i, .if, .soon:
            return false
        default:
            return true
        }
    }
}
