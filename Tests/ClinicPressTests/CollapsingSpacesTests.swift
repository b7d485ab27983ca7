import ClinicPressText
import Testing

/// `collapsingSpaces` skips the split when there is nothing to collapse; it must always equal the split.
@Suite struct CollapsingSpacesTests {
    @Test func agreesWithSplittingAndJoiningOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [" ", " ", "  ", "a", "word", "\t", "\n", "é", "\u{301}", "中", " \u{301}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.collapsingSpaces == text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "),
                    "\(text.debugDescription)")
        }
    }

    @Test func keepsTextWithSingleSpacesAsItIs() {
        #expect("In the previous part".collapsingSpaces == "In the previous part")
        #expect("  In the   previous part ".collapsingSpaces == "In the previous part")
    }

    /// `trimmingWhitespace` returns text whose first and last Characters are no white space as it is; it must always
    /// equal trimming Character by Character (a "\r\n" or a space with a combining accent is one Character, no space).
    @Test func trimmingAgreesWithAPlainTrimOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [" ", "\t", "\n", "\r", "\r\n", "a", "é", "\u{301}", " \u{301}", "中", ":"]
        func plain(_ text: Substring) -> String {
            let space: Set<Character> = [" ", "\t", "\n", "\r"]
            var characters = Array(text)
            while let first = characters.first, space.contains(first) { characters.removeFirst() }
            while let last = characters.last, space.contains(last) { characters.removeLast() }
            return String(characters)
        }
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(text.trimmingWhitespace == plain(text[...]), "\(text.debugDescription)")
            #expect(text.dropFirst().trimmingWhitespace == plain(text.dropFirst()), "\(text.debugDescription)")
        }
    }
}
