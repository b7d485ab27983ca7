/// Regulatory claims: approvals, clearances, rejections, warnings — true or false, positive or negative.
extension ClaimSentence {
    /// Regulatory status: approvals, clearances, rejections and indications, true or false, positive or negative.
    var isRegulatory: Bool {
        guard !classes.isDisjoint(with: [.approval, .regulator]) || classes.contains(.regulatorVerb) else { return false }
        let regulated = classes.contains(.regulator) || hasDrugAdministration
        let insurance = classes.contains(.priceCue)
        for i in 0..<count where !tokens[i].isInert {
            let t = tokens[i]
            // An approval word: approved, cleared, approval, clearance, indication, blessing, "green light".
            if t.classes.contains(.approval) || (t.key == .light && isWord(i - 1, .green)), !isDefinition(before: i) {
                // "prior authorization" is insurance, unless a regulator is named.
                if t.key.isOne(of: .authorization, .authorisation, .authorized, .authorised, .authorizes) && !regulated { continue }
                // Predicated — not a bare label like "FDA-approved devices" — when its purpose follows ("for", "to treat",
                // "as") or a verb of being or holding precedes it ("is", "received", "carries").
                let purpose = hasPurpose(after: i)
                let held = hasHoldingVerb(before: i)
                let clauseStart = clause(around: i).lowerBound
                // What we use is our equipment, not a claim: "we only use FDA-cleared lasers for hair removal".
                let weUse = t.joined && (clauseStart..<i).contains { isWord($0, .we) || isWord($0, .i) }
                if regulated && (purpose || held) && !weUse { return true }
                // A regulator's approval as an attribute still states a status ("the FDA-approved version"), unless it
                // is ours ("we only stock FDA-approved devices").
                if regulated, t.joined, t.flags.contains(.endsEd), !has(.firstPerson, in: clauseStart..<i) { return true }
                // Without a regulator: "is approved for …", "Approved in 2019 for depression, …" — not in insurance talk,
                // and not our own accreditation ("our clinic is approved to accept Medicare").
                if !regulated, !insurance, purpose, !t.key.isOne(of: .nod, .blessing, .light), !hasPersonSubject(i) {
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
            // A regulator as the subject of a regulatory act: "the FDA declined…", "regulators gave … the green light".
            if t.classes.contains(.regulator) || (t.key == .administration && hasDrugAdministration) {
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

    /// True when a purpose or scope follows the approval word at `i` within five tokens: for, to, as, only, since.
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
            case .received, .receives, .carries, .carry, .holds, .hold, .got, .gets, .get, .earned, .won, .lacks, .lack,
                .gained, .obtained, .secured, .given, .granted, .gave, .became, .becomes, .become, .remains, .without:
                return true
            default: j -= 1
            }
        }
        // "… approved by the FDA" / "the first FDA-approved pill for …" have their agent or purpose after.
        return isWord(i + 1, .by)
    }
}
