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
}
