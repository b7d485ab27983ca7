/// Statistic claims: numbers about outcomes or prevalence.
extension ClaimSentence {
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
}
