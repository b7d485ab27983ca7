/// The kinds of health claim the checker recognises (`CLAIMS-LABELLING.md`). Each is a rule of its own
/// (`uncited-statistic`, …) with its own default severity; a sentence of several kinds is reported once, under the
/// kind whose rule is the most severe.
public enum ClaimCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A number about outcomes or prevalence: "as many as 6 in 10 patients improve".
    case statistic
    /// Attribution to research or an authority: "studies show", "according to the national association".
    case research
    /// Relief within, or benefits lasting for, a time: "symptoms ease within a day".
    case timeToEffect = "time-to-effect"
    /// Regulatory status: "FDA-cleared for major depression".
    case regulatory
    /// An absolute promise: cure, guaranteed, permanent, no side effects.
    case absolute
    /// Comparative efficacy or safety: "works faster than SSRIs".
    case comparative
    /// Safety and side effects: "gentle enough for every skin type", "causes no lasting side effects".
    case safety
    /// What a treatment does for a patient: "the injections curb appetite so you lose weight".
    case efficacy

    /// Order of precedence among kinds of equal severity (the first is reported).
    private var rank: Int {
        switch self {
        case .regulatory: 0
        case .absolute: 1
        case .safety: 2
        case .statistic: 3
        case .research: 4
        case .efficacy: 5
        case .comparative: 6
        case .timeToEffect: 7
        }
    }

    public static func < (lhs: ClaimCategory, rhs: ClaimCategory) -> Bool { lhs.rank < rhs.rank }
}
