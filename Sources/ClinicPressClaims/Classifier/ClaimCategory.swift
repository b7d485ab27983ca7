/// The kinds of health claim the checker recognises. Each is a rule of its own (`uncited-statistic`, …)
/// with its own default severity.
public enum ClaimCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A number about outcomes or prevalence: "as many as 6 in 10 patients improve".
    case statistic
    /// Research asserting a result: "studies show", "a recent trial found", "clinically proven".
    case research
    /// Relief within, or benefits lasting for, a time: "symptoms ease within a day".
    case timeToEffect = "time-to-effect"
    /// Regulatory status: "FDA-cleared for major depression".
    case regulatory
    /// An absolute promise: cure, guaranteed, permanent, no side effects, 100% safe.
    case absolute
    /// Comparative efficacy: "works faster than SSRIs".
    case comparative

    /// Order of precedence when a sentence is several kinds of claim at once (the first is reported).
    private var rank: Int {
        switch self {
        case .regulatory: 0
        case .absolute: 1
        case .comparative: 2
        case .statistic: 3
        case .timeToEffect: 4
        case .research: 5
        }
    }

    public static func < (lhs: ClaimCategory, rhs: ClaimCategory) -> Bool { lhs.rank < rhs.rank }
}
