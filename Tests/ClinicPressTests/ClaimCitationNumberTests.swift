@testable import ClinicPressClaims
import ClinicPressMarkdown
import ClinicPressModel
import Foundation
import Testing

/// Bracketed numbers as clinics write citations, list lead-ins and table headers: what the checker reads around a
/// sentence.
@Suite struct ClaimCitationNumberTests {
    let file = "Posts/2026-01-01-test.md"

    func check(_ body: String) -> ClaimAnalysis {
        ClaimChecker().check(MarkdownTree(body, firstLine: 5).root, file: file)
    }

    func summary(_ analysis: ClaimAnalysis) -> [String] {
        analysis.findings.map { "\($0.location.line):\($0.location.column) \($0.rule)" }
    }

    static let claim = "A recent trial found that 60% of patients improved"

    @Test(arguments: ["\(claim) [1].", "\(claim) [2].", "\(claim) [1, 2].", "\(claim) [1-2].", "\(claim) [1–2].", "\(claim).[2]"])
    func aBracketedNumberCitesANumberedReferenceList(sentence: String) {
        let analysis = check(sentence + "\n\n## References\n\n1. Example A. A trial. Journal of Examples. 2020.\n2. Example B. Another. 2021.\n")
        #expect(analysis.findings.isEmpty, "\(analysis.findings)")
        #expect(analysis.citedClaims == 1)
    }

    /// As with a footnote that has no definition, the author meant to cite: the broken number is the finding.
    @Test func aNumberTheListDoesNotHoldIsReported() throws {
        let analysis = check("\(Self.claim) [3].\n\n## Sources\n\n1. Example A. A trial. 2020.\n")
        #expect(summary(analysis) == ["5:52 citation-number-undefined"])
        let finding = try #require(analysis.findings.first)
        #expect(finding.message == "[3] refers to no entry of a numbered reference list")
        #expect(finding.hint == "the References list has 1 entry; add the missing source or fix the number")
        #expect(finding.severity == .error)
    }

    @Test func withoutAListABracketedNumberIsUndefined() {
        let analysis = check("\(Self.claim) [1].\n")
        #expect(summary(analysis) == ["5:52 citation-number-undefined"])
        #expect(analysis.findings[0].hint == "end the post with a `## References` heading and a numbered list of sources, or use a footnote [^1]")
    }

    @Test func theReferenceListItselfIsNotProse() {
        let analysis = check("Intro.\n\n## References\n\n1. Studies show that 90% of patients improve. Journal. 2020.\n\n## After\n\nMore text.\n")
        #expect(analysis.findings.isEmpty, "\(analysis.findings)")
    }

    @Test func theMarksScannerReadsNumbersListsAndRanges() {
        func marks(_ text: String) -> [[Int]] {
            var text = text
            return text.withUTF8 { NumberedReferences.marks(in: $0).map(\.numbers) }
        }
        #expect(marks("a [1] b [2, 3] c [4-6] d [7–8]") == [[1], [2, 3], [4, 5, 6], [7, 8]])
        #expect(marks("[sic] [a1] [] [1a] [12345]").isEmpty)
        // An en dash is a range like a hyphen: "[2–5]" once read as [2, 5].
        #expect(marks("[2–5] [1, 7–9]") == [[2, 3, 4, 5], [1, 7, 8, 9]])
        // Only the en dash: other characters sharing its bytes (U+2000, Ⓚ) are not separators.
        #expect(marks("[1\u{2000}2] [1Ⓚ2]").isEmpty)
    }

    @Test func aListItemIsReadWithItsLeadIn() throws {
        let walker = ProseWalker(MarkdownTree("Benefits of our drips include:\n\n- Better sleep\n- More energy\n\n## Symptoms\n\n- Poor sleep\n").root)
        let leadIns = walker.blocks.map { String(decoding: $0.leadIn, as: UTF8.self) }
        #expect(leadIns == ["", "Benefits of our drips include:", "Benefits of our drips include:", "Symptoms"])
    }

    @Test func aTablesHeaderRowIsNotProse() {
        let walker = ProseWalker(MarkdownTree("| Treatment | Result |\n| --- | --- |\n| Drip | Feel better |\n").root)
        #expect(walker.blocks.map { String(decoding: $0.text, as: UTF8.self) } == ["Drip", "Feel better"])
    }
}
