/// Decides whether a sentence asserts a health fact a reader could act on, and of which kinds.
///
/// Input is one sentence as a reader sees it: Markdown removed, link text kept, citation markers removed.
public struct ClaimClassifier: Sendable {
    /// Site-specific phrases (from `site.yaml`) that make a sentence a claim of a category.
    public let extraPhrases: [ClaimCategory: [String]]

    /// Creates a classifier, optionally with extra phrases per category.
    public init(extraPhrases: [ClaimCategory: [String]] = [:]) {
        self.extraPhrases = extraPhrases
    }

    /// The categories the sentence's assertion falls in, in precedence order; empty when it is not a claim.
    public func classify(_ sentence: String) -> [ClaimCategory] {
        []  // placeholder: the real classifier replaces this file
    }

    /// True when the sentence calls ketamine (not esketamine / Spravato) FDA-approved for depression.
    public func callsKetamineFDAApprovedForDepression(_ sentence: String) -> Bool {
        false  // placeholder: the real classifier replaces this file
    }
}
