import ClinicPressModel

/// Every check of the claim checker, each with a stable id (used in reports and in `site.yaml`) and a
/// default severity.
public enum ClaimRule: String, Sendable, CaseIterable {
    case uncitedStatistic = "uncited-statistic"
    case uncitedResearch = "uncited-research"
    case uncitedTimeToEffect = "uncited-time-to-effect"
    case uncitedRegulatory = "uncited-regulatory"
    case uncitedAbsolute = "uncited-absolute"
    case uncitedComparative = "uncited-comparative"
    case uncitedSafety = "uncited-safety"
    case uncitedEfficacy = "uncited-efficacy"
    /// Ketamine called FDA-approved for depression (it is not; esketamine is).
    case fdaKetamine = "fda-ketamine"
    case footnoteUndefined = "footnote-undefined"
    case footnoteUnused = "footnote-unused"
    /// A bracketed number (`[3]`) with no entry in a numbered reference list.
    case citationNumberUndefined = "citation-number-undefined"
    /// A citation whose footnote names no source ("[^1]: Studies.").
    case citationNoSource = "citation-no-source"
    /// `[@key]` not in `references.yaml`.
    case referenceUnknown = "reference-unknown"
    /// A linked source outside `claims.trusted_domains`.
    case untrustedSource = "untrusted-source"
    /// A claim a `claim-ok` comment or a `claim-check off` region let pass: listed so suppressions stay auditable.
    case claimSuppressed = "claim-suppressed"
    /// A suppression comment without its required reason, or naming an unknown rule.
    case suppressionInvalid = "suppression-invalid"
    /// A suppression comment that suppressed nothing.
    case suppressionUnused = "suppression-unused"

    /// The rule that reports an uncited claim of `category`.
    public static func uncited(_ category: ClaimCategory) -> ClaimRule {
        switch category {
        case .statistic: .uncitedStatistic
        case .research: .uncitedResearch
        case .timeToEffect: .uncitedTimeToEffect
        case .regulatory: .uncitedRegulatory
        case .absolute: .uncitedAbsolute
        case .comparative: .uncitedComparative
        case .safety: .uncitedSafety
        case .efficacy: .uncitedEfficacy
        }
    }

    /// Severity when `site.yaml` does not change it.
    public var defaultSeverity: Diagnostic.Severity {
        switch self {
        case .uncitedStatistic, .uncitedResearch, .uncitedRegulatory, .uncitedAbsolute, .uncitedSafety, .uncitedEfficacy, .fdaKetamine,
             .footnoteUndefined, .referenceUnknown, .citationNumberUndefined:
            .error
        case .uncitedTimeToEffect, .uncitedComparative, .footnoteUnused, .citationNoSource, .suppressionInvalid, .suppressionUnused:
            .warning
        case .untrustedSource, .claimSuppressed:
            .info
        }
    }

    /// True for the rules a `claim-ok` comment or a `claim-check off` region can suppress.
    public var isSuppressible: Bool {
        switch self {
        case .uncitedStatistic, .uncitedResearch, .uncitedTimeToEffect, .uncitedRegulatory, .uncitedAbsolute, .uncitedComparative,
             .uncitedSafety, .uncitedEfficacy, .fdaKetamine:
            true
        default:
            false
        }
    }
}
