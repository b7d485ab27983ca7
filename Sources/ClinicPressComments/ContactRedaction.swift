/// Takes contact details out of a visitor's comment before it is approved with them removed: email addresses and
/// phone numbers become `[email removed]` and `[phone removed]`. Used by the preview's moderation queue when a
/// moderator chooses "approve with contact details removed" on a comment flagged `contact-info`.
public enum ContactRedaction {
    /// `text` with every email address and phone number replaced.
    public static func redact(_ text: String) -> String {
        let withoutEmails = text.replacing(email, with: "[email removed]")
        return withoutEmails.replacing(phoneCandidate) { match in
            isPhone(String(match.output)) ? "[phone removed]" : String(match.output)
        }
    }

    /// An address, also spelled out (`sam [at] mail [dot] com`). Broad on purpose: the moderator asked for a clean-up.
    private static var email: Regex<Substring> {
        /[A-Za-z0-9._%+\-]+(?:@| ?\[at\] ?| ?\(at\) ?)[A-Za-z0-9\-]+(?:(?:\.| ?\[dot\] ?| dot )[A-Za-z0-9\-]+)*(?:\.| ?\[dot\] ?| dot )[A-Za-z]{2,}/
    }

    /// Digits with spaces, dots, dashes or brackets between them, an optional leading `+`.
    private static var phoneCandidate: Regex<Substring> { /\+?\(?\d[\d\s().\-]{5,}\d/ }

    /// Seven digits or more, and not a date written `2026-11-30`.
    private static func isPhone(_ candidate: String) -> Bool {
        candidate.count(where: \.isNumber) >= 7 && candidate.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) == nil
    }
}
