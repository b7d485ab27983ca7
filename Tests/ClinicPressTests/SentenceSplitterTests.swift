@testable import ClinicPressClaims
import Testing

@Suite struct SentenceSplitterTests {
    func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(scalars).map { range in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
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
    ])
    func splits(text: String, expected: [String]) {
        #expect(sentences(text) == expected)
    }
}
