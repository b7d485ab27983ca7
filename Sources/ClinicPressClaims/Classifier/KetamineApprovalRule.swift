/// The ketamine trap: ketamine itself is FDA-approved only as an anesthetic; esketamine (Spravato) is the
/// depression product. A sentence that calls ketamine approved or cleared for depression states something false.
extension ClaimSentence {
    /// Which drug a token names, for the ketamine rule.
    enum Drug { case ketamine, esketamine }

    func drug(at i: Int) -> Drug? {
        switch tokens[i].key {
        case .ketamine, .ketalar:
            // "S-ketamine" is esketamine.
            return tokens[i].joined && (isWord(i - 1, .s) || isWord(i - 1, .es)) ? .esketamine : .ketamine
        case .esketamine, .spravato, .eskétamine: return .esketamine
        default: return nil
        }
    }

    /// Words that name depression as the approved use.
    func isDepressionTerm(_ i: Int) -> Bool {
        switch tokens[i].key {
        case .depression, .depressive, .depressed, .antidepressant, .mdd, .trd: return true
        default: return false
        }
    }

    /// A break for this rule: like a clause break, but a parenthesis ("Esketamine (Spravato) is …") does not break.
    func breaksApprovalClause(_ i: Int) -> Bool {
        let t = tokens[i]
        if t.kind == .punct { return t.key.isOne(of: .comma, .semicolon, .colon, .dash, .question, .exclamation) }
        return t.classes.contains(.clauseBreak)
    }

    /// True when an approval word's drug is ketamine (the nearest drug before it, else the first after it in its clause),
    /// depression follows as the approved use within its clause, and nothing negates it.
    var callsKetamineApprovedForDepression: Bool {
        guard !isQuestion, classes.contains(.approval) else { return false }
        for a in 0..<count where tokens[a].classes.contains(.approval) && !tokens[a].key.isOne(of: .authorization, .authorized, .authorizes) {
            // The drug: the nearest one before the approval word ("Ketamine is FDA-approved"), else the first after it
            // in the same clause ("The FDA approved ketamine for …").
            var subject: (index: Int, drug: Drug)?
            var j = a - 1
            while j >= 0 {
                if let d = drug(at: j) { subject = (j, d); break }
                if tokens[j].classes.contains(.clauseBreak) || tokens[j].key == .semicolon { break }
                j -= 1
            }
            var k = a + 1
            if subject == nil {
                while k < count, !breaksApprovalClause(k) {
                    if let d = drug(at: k) { subject = (k, d); break }
                    k += 1
                }
            }
            guard let (s, d) = subject, d == .ketamine else { continue }
            // Negation between the drug and the approval word, or just before it: "is not", "isn't", "never".
            let from = min(s, a), to = max(s, a)
            if has(.negation, in: from..<to) || isNegated(a) { continue }
            // Depression as the approved use, in the approval word's clause.
            var m = a + 1
            var forDepression = false
            while m < count, m <= a + 9, !breaksApprovalClause(m) {
                if isDepressionTerm(m) { forDepression = true; break }
                if tokens[m].classes.contains(.negation) { break }  // "approved as an anesthetic, not for depression"
                m += 1
            }
            if forDepression { return true }
        }
        return false
    }
}
