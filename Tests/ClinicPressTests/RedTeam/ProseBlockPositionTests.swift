@testable import ClinicPressClaims
import ClinicPressMarkdown
import Testing

/// `ProseBlock.position(at:)` counts scalars through checkpoints (counting from the start of each run made a long
/// one-line paragraph quadratic). These compare it with the plain count on random text in several scripts.
@Suite struct ProseBlockPositionTests {
    static let words = ["Ketamine", "helps", "40%", "of", "patients.", "Кетамин", "抑郁症", "café", "naïve", "𝔘nicode", "—", "é"]

    @Test(arguments: [1, 2, 3, 4, 5])
    func positionsMatchThePlainCountOnRandomText(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let count = Int(generator.next() % 3_000) + 1
        let line = (0..<count).map { _ in Self.words[Int(generator.next() % UInt64(Self.words.count))] }.joined(separator: " ")
        let tree = MarkdownTree(line + "\n", firstLine: 7)
        let paragraph = try #require(tree.root.first { $0.kind == .paragraph })
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
