@testable import ClinicPressModel
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-09-08", "2026-09-08T00:00:00Z", "September 8, 2026"),
        ("2026-09-10T14:05:00Z", "2026-09-10T14:05:00Z", "September 10, 2026"),
        ("2026-09-10 14:05", "2026-09-10T14:05:00Z", "September 10, 2026"),
        ("2026-02-01T09:30:00+01:00", "2026-02-01T09:30:00+01:00", "February 1, 2026"),
        ("2024-02-29T23:59:59.250-05:30", "2024-02-29T23:59:59-05:30", "February 29, 2024"),
    ])
    func parsesAndFormats(text: String, iso: String, long: String) throws {
        let timestamp = try #require(Timestamp(parsing: text))
        #expect(timestamp.iso8601 == iso)
        #expect(timestamp.longDate == long)
    }

    @Test(arguments: ["2026-02-30", "2025-02-29", "2026-13-01", "26-01-01", "2026-01-01T25:00", "2026-01-01x", "yesterday", ""])
    func rejectsImpossibleDates(text: String) {
        #expect(Timestamp(parsing: text) == nil)
    }

    @Test func offsetsCompareAsInstants() throws {
        let berlin = try #require(Timestamp(parsing: "2026-02-01T09:30:00+01:00"))
        let utc = try #require(Timestamp(parsing: "2026-02-01T08:30:00Z"))
        #expect(berlin.secondsSinceEpoch == utc.secondsSinceEpoch)
        #expect(Timestamp(secondsSinceEpoch: utc.secondsSinceEpoch).iso8601 == "2026-02-01T08:30:00Z")
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("Ketamine for Depression: How It Works Pt 1", "ketamine-for-depression-how-it-works-pt-1"),
        ("IV Therapy & NAD+", "iv-therapy-nad"),
        ("Men's Health — Café Talk", "mens-health-cafe-talk"),
        ("  --Weird__Spacing--  ", "weird-spacing"),
        ("日本語", ""),
        ("ÉTUDE: Qué es la Depresión?", "etude-que-es-la-depresion"),
        ("2026’s Top 10 TMS FAQs", "2026s-top-10-tms-faqs"),
    ])
    func makesSlugs(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    /// `make` skips decomposing plain ASCII text: decomposing it changes nothing, which this checks on random text.
    @Test func asciiTextIsItsOwnDecomposition() {
        var generator = SeededGenerator(seed: 16)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String(decoding: (0..<length).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }, as: UTF8.self)
            #expect(Array(text.decomposedStringWithCanonicalMappingLite.unicodeScalars) == Array(text.unicodeScalars))
        }
    }

    @Test func titlesInOtherScriptsAreSpelledInLatinLetters() {
        #expect(Slug.make(title: "What to Expect: Part 2") == "what-to-expect-part-2")
        #expect(Slug.make(title: "Кетамин и депрессия") == "ketamin-i-depressiia")
    }

    @Test func validatesSlugs() {
        #expect(Slug.isValid("ketamine-basics"))
        #expect(!Slug.isValid("../etc"))
        #expect(!Slug.isValid("Ketamine"))
        #expect(!Slug.isValid("a--b"))
    }
}
