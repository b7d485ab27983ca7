@testable import ClinicPressClaims
import ClinicPressMarkdown
import Testing

/// `ProseBlock.position(at:)` counts scalars through checkpoints (counting from the start of each run made a long
/// one-line paragraph quadratic). These compare it with the plain count on random text in several scripts.
@Suite struct ProseBlockPositionTests {
    static let words = ["Ketamine", "helps", "40%", "of", "patients.", "Кетамин", "抑郁症", "café", "naïve", "𝔘nicode", "—", "é"]

    @Test(arguments: [1, 2, 3, 4, 5])
    func positionsMatchThePlainCountOnRandomText(seed: UInt64) throws {
        var generator = SplitMix(seed: seed)
        let count = Int(generator.next() % 3_000) + 1
        let line = (0..<count).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }.joined(separator: " ")
        let document = MarkdownDocument(line + "\n", firstLine: 7)
        let paragraph = try #require(document.tree().first { $0.kind == .paragraph })
        let block = ProseBlock(inlinesOf: paragraph)
        #expect(block.text == Array(line.utf8))
        var column = 1
        for (offset, byte) in block.text.enumerated() where byte & 0xC0 != 0x80 {
            #expect(block.position(at: offset) == TextPosition(line: 7, column: column), "offset \(offset)")
            column += 1
        }
        #expect(block.position(at: block.text.count) == TextPosition(line: 7, column: column))
    }
}

/// A small seeded generator, so that a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
