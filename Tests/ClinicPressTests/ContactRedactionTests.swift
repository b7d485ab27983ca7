@testable import ClinicPressComments
import Foundation
import Testing

/// "Approve with contact details removed" removes what the screener's contact scanner finds, at the places it finds
/// them in the text as written: one detector, so the approval check that runs afterwards never refuses the result.
@Suite struct ContactRedactionTests {
    static let screener = CommentScreener()

    @Test(arguments: [
        ("Our clinic is at 1180 W Harbor Blvd, Suite 4. Parking in back.", "Our clinic is at [address removed], Suite 4. Parking in back."),
        ("My mother lives at 42 Maple Street and can't drive.", "My mother lives at [address removed] and can't drive."),
        ("Send the forms to PO Box 77 please", "Send the forms to [address removed] please"),
        ("Write to sam.lee@mail.example.com today", "Write to [email removed] today"),
        ("sam [at] mail [dot] com", "[email removed]"),
        ("email jane at example.com for the carpool", "email [email removed] for the carpool"),
        ("Reach me: sam&#64;example.com", "Reach me: [email removed]"),
        ("Call +1 (555) 123-4567 or 555-1234.", "Call [phone removed] or [phone removed]."),
        // Invisible and full-width characters are read through, and removed with what they were part of.
        ("Text me on 555\u{200B}-0142 tonight", "Text me on [phone removed] tonight"),
        ("ｃａｌｌ ５５５-１２３-４５６７", "ｃａｌｌ [phone removed]"),
        ("Café owner here: call 555-123-4567 — ask for Zoë.", "Café owner here: call [phone removed] — ask for Zoë."),
        ("My session on 2026-11-30 cost $250 for 3 visits.", "My session on 2026-11-30 cost $250 for 3 visits."),
        ("Between 800-1200 calories a day, per the dietitian.", "Between 800-1200 calories a day, per the dietitian."),
    ])
    func contactDetailsAreRemovedWhereTheScannerFindsThem(text: String, expected: String) {
        let redacted = ContactRedaction.redact(text)
        #expect(redacted == expected)
        #expect(!Self.screener.hasContactInfo(author: "", body: redacted))
    }

    /// The issue's case: a street address, which the old redaction (emails and phone numbers by pattern) left in, so
    /// the approval that followed was refused.
    @Test func aStreetAddressIsRemovedSoTheApprovalGoesThrough() {
        let text = "Thank you! The new office at 220 Birch Avenue is much easier to reach."
        #expect(Self.screener.hasContactInfo(author: "Ines", body: text))
        let redacted = ContactRedaction.redact(text)
        #expect(redacted == "Thank you! The new office at [address removed] is much easier to reach.")
        #expect(!Self.screener.hasContactInfo(author: "Ines", body: redacted))
    }

    /// Over every comment of the labelled corpora: what is redacted no longer has contact details, and a comment
    /// without any is left exactly as it was.
    @Test(arguments: [CommentCorpus.main, CommentCorpus.holdout])
    func redactedCorpusCommentsHaveNoContactDetailsAndCleanOnesAreUntouched(corpus: CommentCorpus) {
        #expect(!corpus.comments.isEmpty)
        for comment in corpus.comments {
            let redacted = ContactRedaction.redact(comment.body)
            #expect(!Self.screener.hasContactInfo(author: "", body: redacted), "\(comment.id): \(redacted)")
            if !Self.screener.hasContactInfo(author: "", body: comment.body) {
                #expect(redacted == comment.body, "\(comment.id)")
            }
        }
    }

    /// The scanner reads a normalised copy of the text (compatibility forms folded one character at a time, entities
    /// decoded, invisible characters dropped). Compared on random text with the plain way — folding the whole text at
    /// once — the copy is the same, and every scalar's origin is a range of the text as written, in order.
    @Test func normalisingCharacterByCharacterEqualsNormalisingTheWholeText() {
        var generator = SeededGenerator(seed: 15)
        let pieces: [String] = [
            "a", "Z", "5", " ", "\n", "\r\n", "-", "@", ".", "&amp;", "&#64;", "&#x40;", "&bogus;", "&", ";", "e\u{301}", "\u{301}",
            "ﬁ", "５", "Ａ", "①", "\u{200B}", "\u{202E}", "\u{00A0}", "’", "—", "é", "ñ", "Ω", "Ω", "\u{1100}\u{1161}\u{11A8}", "각",
            "🇨🇦", "👩‍⚕️", "ﾊﾟ", "㎞", "\u{0308}", "ä", "\t", "ǅ",
        ]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let (scalars, origins) = ScreeningText.normalise(text)
            #expect(scalars == Self.plainNormalise(text), "\(text.debugDescription)")
            #expect(origins.count == scalars.count)
            let count = text.unicodeScalars.count
            var previous = 0
            for origin in origins {
                #expect(origin.lowerBound >= previous && origin.upperBound <= count && !origin.isEmpty, "\(text.debugDescription)")
                previous = origin.lowerBound
            }
        }
    }

    /// What `ScreeningText.normalise` did before it kept origins: the whole text folded at once.
    static func plainNormalise(_ text: String) -> [Unicode.Scalar] {
        let folded = Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars)
        let decoded = ScreeningText.decodeEntities(folded, origins: folded.indices.map { $0..<($0 + 1) }).0
        var out: [Unicode.Scalar] = []
        for s in decoded {
            switch s.value {
            case 0x0A: out.append(s)
            case 0x0D: out.append("\n")
            case 0x09: out.append(" ")
            case 0x2028, 0x2029, 0x85: out.append("\n")
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x0060, 0x00B4: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x2033: out.append("\"")
            case 0x2010, 0x2011, 0x2012, 0x2212: out.append("-")
            case 0x2013, 0x2014, 0x2015: out.append("\u{2014}")
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: out.append(" ")
            default:
                switch s.properties.generalCategory {
                case .control, .format, .surrogate, .privateUse, .unassigned, .nonspacingMark, .enclosingMark: continue
                default: out.append(s)
                }
            }
        }
        return out
    }
}
