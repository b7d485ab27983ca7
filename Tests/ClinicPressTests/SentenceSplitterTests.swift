@testable import ClinicPressClaims
import Testing

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter.split(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    @Test(arguments: [
        ("Dr. Lee said the dose is 2.5 mg per kilogram. It helps.", ["Dr. Lee said the dose is 2.5 mg per kilogram.", "It helps."]),
        ("Options include e.g. talk therapy, i.e. CBT. Ask us.", ["Options include e.g. talk therapy, i.e. CBT.", "Ask us."]),
        ("Adults in the U.S. are often affected. Another point.", ["Adults in the U.S. are often affected.", "Another point."]),
        ("\"It worked,\" she said. \"Really?\" Yes!", ["\"It worked,\" she said.", "\"Really?\"", "Yes!"]),
        ("(See the label.) Next sentence here.", ["(See the label.)", "Next sentence here."]),
        ("Relief came fast... Then it faded.", ["Relief came fast...", "Then it faded."]),
        ("J. Smith found that results vary. Fine.", ["J. Smith found that results vary.", "Fine."]),
        ("Call 555-0142 today! We're open 9 a.m. to 5 p.m. on weekdays.", ["Call 555-0142 today!", "We're open 9 a.m. to 5 p.m. on weekdays."]),
        ("The answer is no. We checked.", ["The answer is no.", "We checked."]),
        ("See No. 5 for details.", ["See No. 5 for details."]),
        ("Visit fda.gov for more. Then call.", ["Visit fda.gov for more.", "Then call."]),
        ("No terminal mark here", ["No terminal mark here"]),
        ("  Leading space. ", ["Leading space."]),
        // Offsets are UTF-8 bytes: marks, quotes, spaces and capitals outside ASCII.
        ("Patients felt better… Then it faded.", ["Patients felt better…", "Then it faded."]),
        ("It’s fast.” Émile agreed. «Ça va.»", ["It’s fast.”", "Émile agreed.", "«Ça va.»"]),
        ("Done.\u{00A0}Next one.\u{2003}", ["Done.", "Next one."]),
        ("É. Dupont wrote it. Fine.", ["É. Dupont wrote it.", "Fine."]),
    ])
    func splits(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }
}
