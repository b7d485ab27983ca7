import ClinicPressMarkdown
import ClinicPressText

/// A written decision to let claims pass, kept auditable: every claim it lets pass is listed in the report
/// with its reason.
///
/// - `<!-- claim-ok: reason -->` on its own line lets the claims of the next block (paragraph, list, table) pass.
/// - `<!-- claim-check off: reason -->` … `<!-- claim-check on -->` lets every claim between them pass;
///   `<!-- claim-check off uncited-statistic, uncited-research: reason -->` only those rules.
///
/// `@unchecked Sendable` because of `uses`, its one mutable field: a suppression is made by the `ProseWalker` of one
/// `ClaimChecker.check` call and counted only inside that call, on its thread; posts checked in parallel never share
/// one. `UnsafeCodeTests` checks posts in parallel and compares the counts with a plain count.
final class Suppression: @unchecked Sendable {
    enum Scope: Equatable {
        case nextBlock
        case region
    }

    let scope: Scope
    let reason: String
    /// The rules it covers; empty for every suppressible rule.
    let rules: Set<ClaimRule>
    let position: TextPosition
    /// How many findings it suppressed (mutable: counted while checking one post, on one thread).
    var uses = 0

    init(scope: Scope, reason: String, rules: Set<ClaimRule>, position: TextPosition) {
        self.scope = scope
        self.reason = reason
        self.rules = rules
        self.position = position
    }

    func covers(_ rule: ClaimRule) -> Bool {
        rule.isSuppressible && (rules.isEmpty || rules.contains(rule))
    }

    /// What an HTML comment says, if it is a suppression comment.
    enum Directive {
        case suppress(Suppression)
        case regionEnd
        /// A suppression comment that cannot be honoured, with why.
        case invalid(message: String, hint: String)
    }

    /// Reads an HTML block or inline comment. Returns nil for comments that are not about claims.
    static func directive(in html: String, at position: TextPosition) -> Directive? {
        var body = html.trimmingWhitespace
        guard body.hasPrefix("<!--"), body.hasSuffix("-->") else { return nil }
        body = String(body.dropFirst(4).dropLast(3)).trimmingWhitespace
        if body.hasPrefix("claim-ok") {
            let rest = body.dropFirst("claim-ok".count).trimmingWhitespace
            let reason = rest.hasPrefix(":") ? String(rest.dropFirst()).trimmingWhitespace : ""
            guard !reason.isEmpty else {
                return .invalid(message: "`claim-ok` needs a reason, so the suppression can be audited",
                                hint: "write `<!-- claim-ok: why this paragraph needs no citation -->`")
            }
            return .suppress(Suppression(scope: .nextBlock, reason: reason, rules: [], position: position))
        }
        guard body.hasPrefix("claim-check") else { return nil }
        let rest = body.dropFirst("claim-check".count).trimmingWhitespace
        if rest == "on" { return .regionEnd }
        guard rest.hasPrefix("off") else {
            return .invalid(message: "`claim-check` must be followed by `off: reason` or `on`", hint: "write `<!-- claim-check off: reason -->` … `<!-- claim-check on -->`")
        }
        let afterOff = rest.dropFirst(3)
        guard let colon = afterOff.firstIndex(of: ":") else {
            return .invalid(message: "`claim-check off` needs a reason after a colon, so the suppression can be audited",
                            hint: "write `<!-- claim-check off: why these paragraphs need no citation -->`")
        }
        let reason = String(afterOff[afterOff.index(after: colon)...]).trimmingWhitespace
        guard !reason.isEmpty else {
            return .invalid(message: "`claim-check off` needs a reason, so the suppression can be audited",
                            hint: "write `<!-- claim-check off: why these paragraphs need no citation -->`")
        }
        var rules: Set<ClaimRule> = []
        for name in afterOff[..<colon].split(whereSeparator: { $0 == "," || $0 == " " }) {
            guard let rule = ClaimRule(rawValue: String(name)), rule.isSuppressible else {
                let known = ClaimRule.allCases.filter(\.isSuppressible).map(\.rawValue).joined(separator: ", ")
                return .invalid(message: "`\(name)` is not a claim rule that can be switched off", hint: "the rules are: \(known)")
            }
            rules.insert(rule)
        }
        return .suppress(Suppression(scope: .region, reason: reason, rules: rules, position: position))
    }
}
