/// The claim rules. Each combines word classes within a clause or a short window; each is explained in one line.
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

    // MARK: - Regulatory

    /// Regulatory status: approvals, clearances, rejections and indications, true or false, positive or negative.
    var isRegulatory: Bool {
        guard !classes.isDisjoint(with: [.approval, .regulator]) || classes.contains(.regulatorVerb) else { return false }
        let regulated = classes.contains(.regulator) || hasDrugAdministration
        let insurance = classes.contains(.priceCue)
        for i in 0..<count where !tokens[i].isInert {
            let t = tokens[i]
            if t.classes.contains(.approval) || (t.key == .light && isWord(i - 1, .green)), !isDefinition(before: i) {
                if t.key.isOne(of: .authorization, .authorisation, .authorized, .authorised, .authorizes) && !regulated { continue }  // prior authorization is insurance
                // An approval word is predicated — not a bare label like "FDA-approved devices" — when it is
                // followed by its purpose ("for", "to treat", "as") or preceded by a verb of being or holding.
                let purpose = hasPurpose(after: i)
                let held = hasHoldingVerb(before: i)
                // (Not what we use: "we only use FDA-cleared lasers for hair removal" describes our equipment.)
                let ours = t.joined && (first(.pronoun, in: clause(around: i).lowerBound..<i).map { isWord($0, .we) || isWord($0, .i) } ?? false)
                if regulated && (purpose || held) && !ours { return true }
                // "the FDA-approved version", "unlike FDA-cleared devices": still a regulatory status, unless it is
                // only what we use ("we only stock FDA-approved devices").
                if regulated, t.joined, t.flags.contains(.endsEd), !has(.firstPerson, in: clause(around: i).lowerBound..<i), !has(.imperative, in: 0..<1) {
                    if !(first(.pronoun, in: clause(around: i).lowerBound..<i).map { isWord($0, .we) } ?? false) { return true }
                }
                // Without a regulator: "is approved for …", "Approved in 2019 for depression, …", outside insurance talk.
                // (Nor our own accreditation: "our clinic is approved to accept Medicare".)
                if !regulated && !insurance && purpose && t.key != .nod && t.key != .blessing && t.key != .light && !hasPersonSubject(i) {
                    if held { return true }
                    if let f = find(.for, in: i + 1..<i + 5), has([.condition, .outcomeNoun], in: f + 1..<f + 5) { return true }
                }
            }
            // A drug's approval or clearance as a noun, in a sentence about a condition: "Spravato's approval covers adults
            // with treatment-resistant depression" — not "your financing approval".
            if t.key.isOne(of: .approval, .clearance, .indication), !insurance, !isClass(i - 1, [.secondPerson, .firstPerson]),
                classes.contains(.condition)
            {
                return true
            }
            // A status a regulator gives: "breakthrough therapy status from the FDA", "orphan drug designation".
            if regulated, t.key == .status || t.key == .designation, !isClass(i - 1, [.secondPerson, .firstPerson]) { return true }
            // "is not regulated by the FDA", "was rejected by regulators".
            if t.classes.contains(.regulatorVerb), t.flags.contains(.endsEd) {
                // "turned away by FDA advisers": one particle may come before "by".
                let by = kw(i + 1).isOne(of: .away, .down, .back, .off) ? i + 2 : i + 1
                if isWord(by, .by), isClass(by + 1, .regulator) || isClass(by + 2, .regulator) { return true }
            }
            // "a boxed warning from the FDA": a regulator's warning is a regulatory fact.
            if regulated, t.key == .warning || t.key == .warnings, !isClass(i - 1, .secondPerson) { return true }
            if t.classes.contains(.regulator) || (t.key == .administration && hasDrugAdministration) {
                // A regulator as the subject of a regulatory act: "the FDA declined…", "regulators gave … the green light".
                var k = i + 1
                while k < count, k <= i + 4, !isClauseBreak(k) {
                    let v = tokens[k]
                    // ("The FDA is the agency that approves new medications" defines the FDA.)
                    if !v.joined || k != i + 1, !isDefinition(before: k) {
                        if v.classes.contains(.regulatorVerb) { return true }
                        if v.classes.contains(.approval), v.flags.contains(.endsEd) || v.flags.contains(.endsEs) { return true }
                    }
                    k += 1
                }
            }
        }
        return false
    }

    /// "Food and Drug Administration".
    var hasDrugAdministration: Bool {
        for i in 1..<max(count, 1) where tokens[i].key == .administration && tokens[i - 1].key == .drug { return true }
        return false
    }

    /// True when a purpose or scope follows the approval word at `i` within five tokens: for, to, as, in, only, since.
    func hasPurpose(after i: Int) -> Bool {
        var k = i + 1
        while k < count, k <= i + 5, !isClauseBreak(k) {
            switch tokens[k].key {
            case .for, .to, .as, .only, .since: return true
            default: k += 1
            }
        }
        return false
    }

    /// True when a verb of being or holding precedes the approval word at `i` within four tokens
    /// ("is FDA-approved", "has been cleared", "received FDA approval", "carries an FDA indication").
    func hasHoldingVerb(before i: Int) -> Bool {
        var j = i - 1
        while j >= 0, j >= i - 4, !isClauseBreak(j) {
            let t = tokens[j]
            if t.classes.contains(.be) || t.classes.contains(.have) { return true }
            switch t.key {
            case .received, .receives, .carries, .carry, .holds, .hold, .got, .gets, .earned, .won, .lacks, .lack, .gained, .obtained, .secured, .given, .granted, .became, .becomes, .become, .remains, .without, .gave, .get:
                return true
            default: j -= 1
            }
        }
        // "… approved by the FDA" / "the first FDA-approved pill for …" have their agent or purpose after.
        return isWord(i + 1, .by)
    }

    // MARK: - Absolute

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
                !(max(0, i - 3)..<i).contains(where: { tokens[$0].key.isOne(of: .advertise, .advertises, .tout, .touts, .hype, .peddle, .sell, .sells) })
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
                for j in max(0, i - 3)..<i where (kw(j).isOne(of: .no, .zero, .without) || (tokens[j].kind == .number && tokens[j].value == 0)) && !hasBreak(in: j..<i) {
                    return true
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
            if c.contains(.universal), i == 0 || isClauseBreak(i - 1) {
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
            if t.key == .never || (t.key == .wont && isWord(i + 1, .come)) {
                var k = i + 1
                while k < count, k <= i + 4 {
                    switch tokens[k].key {
                    case .again, .another, .back, .recur, .recurs, .relapse, .relapses, .fail, .fails, .returns, .return:
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

    // MARK: - Comparative

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
                    if !(isClass(before, [.workVerb, .multiplier]) || kw(before).isOne(of: .just, .nearly, .almost, .about, .equally, .works, .work)) {
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
                    !classes.isDisjoint(with: [.outcomeNoun, .outcomeVerb, .condition, .improvedState, .effectNoun, .comparative, .multiplier, .efficacy])
                {
                    return true
                }
            }
            // "on par with", "comparable to", "superior to", "equivalent to", "in the dust".
            if explicit, (t.key == .par && isWord(i - 1, .on)) || (t.key.isOne(of: .comparable, .superior, .inferior, .equivalent) && isWord(i + 1, .to))
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

    // MARK: - Statistic

    /// Numbers about outcomes or prevalence: "6 in 10", "42% of adults", "half of patients", "21 million adults have …".
    var isStatistic: Bool {
        guard hasCount else { return false }
        // Shares of our own clients count only in a sentence about health ("half of our clients come through referrals"
        // does not); shares of people in general are prevalence.
        let healthy = !classes.isDisjoint(with: Self.healthWords.union(.treatment)) || !classes.contains(.firstPerson)
        for i in 0..<count where !tokens[i].isInert {
            let t = tokens[i]
            // "6 in 10", "one in five", "two out of three", "3 of every 4", "one new mother in every eight".
            if healthy, isQuantity(i), t.value >= 1, t.value == t.value.rounded(), isNFraction(from: i), !classes.contains(.marketingCue) {
                return true
            }
            // A percentage linked to people or an outcome, outside prices, discounts and ratings.
            if t.kind == .percent, i > 0, tokens[i - 1].isNumeric {
                let range = clause(around: i)
                if isWord(i + 1, .off) || has([.priceCue, .marketingCue], in: range) || followsDollar(i - 1) { continue }
                if healthy, isWord(i + 1, .of), has(.population, in: i + 2..<i + 7) { return true }
                if !classes.isDisjoint(with: [.outcomeNoun, .outcomeVerb, .condition, .improvedState]) && !isIntensified(i) {
                    return true
                }
            }
            // "half of our patients", "a majority of adults", "three-quarters of participants".
            if healthy, t.classes.contains(.fraction), isWord(i + 1, .of), has(.population, in: i + 2..<i + 7) { return true }
            // "two-thirds of the weight", "half of the symptoms": a share of an outcome.
            if t.classes.contains(.fraction), isWord(i + 1, .of), has([.outcomeNoun, .condition], in: i + 2..<i + 5) { return true }
            // A proportion as the subject of an outcome: "A majority saw their scores fall", "About a third reached remission".
            if healthy, t.classes.contains(.fraction), !isWord(i + 1, .of), !isClass(i + 1, [.timeUnit, .courseUnit]),
                !isClass(i + 2, [.timeUnit, .courseUnit]), !isWord(i - 1, .by) && !isWord(i - 1, .in),
                !isClass(i - 1, .determiner) || isWord(i - 1, .a) || isWord(i - 1, .an)
            {
                let range = clause(around: i)
                if has([.outcomeVerb, .perceiveVerb, .outcomeNoun], in: i + 1..<min(i + 4, range.upperBound)) { return true }
            }
            // A count of people with a condition: "13 million Americans have PTSD", "affects 21 million adults".
            if isQuantity(i), t.value >= 1_000 || isClass(i + 1, .cardinal) && tokens[i + 1].value >= 1_000 {
                if let p = first(.population, in: i + 1..<i + 5) {
                    if let v = first(.prevalenceVerb, in: p + 1..<p + 6), !hasBreak(in: p + 1..<v) { return true }
                    if let v = last(.prevalenceVerb, in: i - 4..<i), skippingApproximation(v + 1) == i { return true }
                }
            }
            // A likelihood ratio: "twice as likely as men to develop PTSD", "less likely to relapse".
            if t.key.isOne(of: .likely, .common, .prevalent, .frequent), kw(i - 1).isOne(of: .as, .more, .less),
                t.key == .likely || isClass(i - 2, .multiplier) || find(.than, in: i + 1..<i + 3) != nil,
                !classes.isDisjoint(with: [.condition, .outcomeNoun, .outcomeVerb, .prevalenceVerb])
            {
                return true
            }
            // An outcome changed by an amount: "cuts suicidal thinking by half", "reduced relapse by a third", "cut … in half".
            if t.classes.contains(.outcomeVerb), !hasPersonSubject(i) {
                let range = clause(around: i)
                if let by = find(.by, in: i + 1..<min(i + 6, range.upperBound)) {
                    let q = skippingApproximation(by + 1)
                    if isQuantity(q), !tokens[q].year, !isClass(q + 1, [.timeUnit, .courseUnit]) { return true }
                }
                if let h = find(.half, in: i + 1..<min(i + 6, range.upperBound)), isWord(h - 1, .in) { return true }
            }
            // "double the weight loss of older drugs", "five times the weight loss".
            if t.key.isOne(of: .double, .triple, .twice, .times, .half), isWord(i + 1, .the),
                has([.outcomeNoun, .effectNoun], in: i + 2..<i + 4), t.key != .times || isQuantity(i - 1)
            {
                return true
            }
            // "doubles the weight loss", "halves the risk of relapse".
            if t.key.isOne(of: .doubles, .doubled, .triples, .tripled, .halves, .halved, .quadruples),
                has([.outcomeNoun, .condition], in: i + 1..<i + 5)
            {
                return true
            }
            // A dose tied to an outcome: "a 0.5 mg/kg dose relieves suicidal thoughts".
            if t.kind == .number, isClass(i + 1, .doseUnit), !followsDollar(i), !has(.priceCue, in: clause(around: i)),
                let v = first(.outcomeVerb, in: i + 2..<i + 8), !hasPersonSubject(v)
            {
                return true
            }
            // An outcome measured in units: "lose at least 10 pounds", "dropped 5 points".
            if t.kind == .number || t.classes.contains(.cardinal), isClass(i + 1, .measureUnit), has(.outcomeVerb, in: i - 6..<i) {
                return true
            }
        }
        return false
    }

    /// True when "$" stands right before the number at `i`.
    func followsDollar(_ i: Int) -> Bool { i > 0 && tokens[i - 1].kind == .dollar }

    /// True when the percentage at `i` only intensifies ("100% safe") rather than counts.
    func isIntensified(_ i: Int) -> Bool { isClass(i + 1, [.safety, .cure]) || isWord(i + 1, .natural) }

    /// "N in M", "N out of M", "N of every M", with up to three words after N ("one new mother in every eight").
    func isNFraction(from i: Int) -> Bool {
        var k = i + 1
        var words = 0
        while k < count, words <= 3, tokens[k].kind == .word {
            let w = tokens[k].key
            var m = -1  // the index of M
            if w == .in { m = isWord(k + 1, .every) ? k + 2 : k + 1 }
            else if w == .out, isWord(k + 1, .of) { m = isWord(k + 2, .every) ? k + 3 : k + 2 }
            else if w == .of, isWord(k + 1, .every) { m = k + 2 }
            else if w == .of, k == i + 1, isQuantity(k + 1), !isClass(k + 1, .fraction) { m = k + 1 }  // "8 of 10 participants"
            if m >= 0 {
                if isWord(m, .a) && isClass(m + 1, .cardinal) { m += 1 }  // "one in a hundred"
                guard isQuantity(m), !tokens[m].classes.contains(.fraction), !isClass(m + 1, .timeUnit) else { return false }
                return tokens[m].value > tokens[i].value
            }
            if tokens[k].classes.contains(.timeUnit) || tokens[k].classes.contains(.measureUnit) { return false }
            words += 1
            k += 1
        }
        return false
    }

    // MARK: - Time to effect

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
                // Otherwise a health outcome or condition in a clause that is not about the clinic's own doings:
                // "keeps lines at bay for months", "pulls patients out of a depressive episode within hours".
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
                || u.key.isOne(of: .of, .to, .or, .and, .up, .just, .only, .about, .around, .roughly, .as, .little, .daily, .full, .first, .matter, .under, .less, .than, .very, .single))
            {
                return nil
            }
            k += 1
        }
        return nil
    }

    /// True when a clause speaks of a health outcome (outcome, condition, effect, the body) as a fact about a treatment,
    /// not of the clinic's handling ("your blood pressure is checked"), our own actions ("we"), or a definition.
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

    // MARK: - Research

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
                _ = r
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
                !isDefinition(before: i), t.flags.contains(.endsS) || isClass(i - 1, [.modal, .negation]) && !kw(i - 1).isOne(of: .no, .without, .nothing, .none_),
                i + 1 < count, tokens[i + 1].kind == .word, !isClass(i + 1, [.priceCue, .occasion, .secondPerson, .firstPerson])
            {
                return true
            }
            // A treatment that brings relief from a condition: "TMS offers relief without the weight gain…".
            if t.key.isOne(of: .offers, .offer, .provides, .provide, .brings, .bring, .delivers, .deliver, .gives, .give),
                !hasPersonSubject(i), isClass(i + 1, .effectNoun) || (isClass(i + 2, .effectNoun) && isClass(i + 1, .improvedState.union(.comparative))),
                !classes.isDisjoint(with: [.condition, .outcomeNoun]), !isClass(i - 1, .imperative) || i > 0
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
                    if !(isClass(i - 1, [.modal, .negation]) || p == .to || ends(i - 1, .endsLy) || ends(i - 1, .endsS) || p == .also || p == .often) {
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

    /// Verbs that only a treatment's effect on a health problem takes as their object.
    static func isEfficacyVerb(_ k: Keyword) -> Bool {
        switch k {
        case .relieve, .relieves, .ease, .eases, .fade, .fades, .cure, .cures, .prevent, .prevents, .treat, .treats, .heal, .heals, .eliminate, .eliminates, .reverse, .reverses, .soothe, .soothes, .alleviate, .alleviates, .erase, .erases, .banish, .banishes, .shrink, .shrinks, .clear, .clears, .smooth, .smooths: true
        default: false
        }
    }

    /// Unlisted verbs that describe rather than act: "needs", "means", "includes", "uses"…
    static func isLightVerb(_ k: Keyword) -> Bool {
        switch k {
        case .needs, .means, .seems, .looks, .sounds, .tends, .happens, .varies, .depends, .differs, .includes, .contains, .involves, .uses, .stands, .offers, .provides, .comes, .goes, .gets, .runs, .takes, .makes, .lets, .wants, .says, .asks, .appears, .remains, .becomes, .belongs, .exists, .matters: true
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
