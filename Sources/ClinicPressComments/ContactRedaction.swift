/// Takes contact details out of a visitor's comment before it is approved with them removed: email addresses, phone
/// numbers and street addresses become `[email removed]`, `[phone removed]` and `[address removed]`. Used by the
/// preview's moderation queue when a moderator chooses "approve with contact details removed".
///
/// It removes exactly what the screener's contact scanner finds (`ContactScanner.contacts()`), mapped back from the
/// normalised text to the text as written, so an approval checked by the same scanner afterwards
/// (`CommentScreener.hasContactInfo`) goes through: there is one detector, not a second set of patterns that could
/// disagree with it.
public enum ContactRedaction {
    /// `text` with every contact detail the screener finds replaced.
    public static func redact(_ text: String) -> String {
        var current = text
        // Removing one detail can bring two pieces of text together into something the scanner reads as another
        // (rare, and each pass removes at least one), so look again until nothing is left.
        for _ in 0..<Self.maxPasses {
            let screening = ScreeningText(current)
            let contacts = ContactScanner(screening).contacts()
            guard !contacts.isEmpty else { break }
            var scalars = Array(current.unicodeScalars)
            for contact in contacts.reversed() {
                scalars.replaceSubrange(screening.originalRange(of: contact.range), with: contact.kind.replacement.unicodeScalars)
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            current = String(view)
        }
        return current
    }

    /// Enough for any text a person writes; a bound so that no input can keep the loop going.
    static let maxPasses = 8
}

extension ContactScanner.Contact.Kind {
    /// What takes the detail's place.
    var replacement: String {
        switch self {
        case .email: "[email removed]"
        case .phone: "[phone removed]"
        case .streetAddress: "[address removed]"
        }
    }
}
