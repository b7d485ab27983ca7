/// Reads a comment the way a careful moderator would and lists what needs a second look.
///
/// The body and the author name are normalised once (`ScreeningText`: invisible and bidi control characters
/// dropped, HTML entities decoded, compatibility forms folded, links and email addresses marked, words and
/// sentences split), then each scanner walks the words or scalars by hand:
/// - `ContactScanner`: email addresses, spelled-out emails, phone numbers, street addresses (body and author);
/// - `HealthScanner`: health disclosures and testimonials (body);
/// - links: two or more Markdown links, URLs, `www.` addresses or bare domains (body);
/// - `SpamScanner`: spam phrasing, link addresses, author names, shape (body and author);
/// - `ProfanityScanner`: profanity and slurs, with common obfuscations (body and author);
/// - too-long: more than `maxLength` Characters (body).
/// No regular expressions; every pass is linear in the text, with small fixed look-arounds.
public struct CommentScreener: Sendable {
    /// Comments longer than this many characters get `too-long`.
    public let maxLength: Int

    /// Creates a screener.
    public init(maxLength: Int = 2000) {
        self.maxLength = maxLength
    }

    /// True when the author or the body holds an email address, a phone number or a street address (`contact-info`):
    /// what approving would publish. Runs only the contact scanner.
    public func hasContactInfo(author: String, body: String) -> Bool {
        ContactScanner(ScreeningText(body)).hasContact() || ContactScanner(ScreeningText(author)).hasContact()
    }

    /// The flags for a comment, in `CommentFlag` declaration order, each at most once.
    public func flags(author: String, body: String) -> [CommentFlag] {
        let text = ScreeningText(body)
        let authorText = ScreeningText(author)
        var found: Set<CommentFlag> = []

        if ContactScanner(text).hasContact() || ContactScanner(authorText).hasContact() {
            found.insert(.contactInfo)
        }
        let health = HealthScanner(text)
        let testimonial = health.testimonial()
        if testimonial.found {
            found.insert(.testimonial)
        }
        if health.hasDisclosure() || testimonial.namesHealth {
            found.insert(.healthDisclosure)
        }
        if text.links.count >= 2 {
            found.insert(.links)
        }
        if SpamScanner(author: author, body: text).isSpam() {
            found.insert(.spam)
        }
        if ProfanityScanner(text).hasProfanity() || ProfanityScanner(authorText).hasProfanity() {
            found.insert(.profanity)
        }
        if body.count > maxLength {
            found.insert(.tooLong)
        }
        return CommentFlag.allCases.filter(found.contains)
    }
}
