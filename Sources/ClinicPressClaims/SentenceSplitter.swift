import ClinicPressModel
/// Splits the text of a paragraph into sentences without being fooled by abbreviations (Dr., e.g., U.S.),
/// initials (J. Smith), decimals (2.5 mg), or closing quotes and parentheses after the final mark.
///
/// Works on Unicode scalars so that offsets line up with the source columns the checker reports.
enum SentenceSplitter {
    /// Half-open ranges of the sentences in `text`, each trimmed of surrounding spaces.
    static func split(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        while index < text.count {
            let scalar = text[index]
            guard scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" else {
                index += 1
                continue
            }
            // Take runs of marks ("?!", "...") and the quotes or brackets that close the sentence.
            var end = index + 1
            while end < text.count, text[end] == "." || text[end] == "!" || text[end] == "?" { end += 1 }
            while end < text.count, closers.contains(text[end]) { end += 1 }
            if isBoundary(text, markAt: index, after: end) {
                appendTrimmed(start..<end, of: text, to: &sentences)
                start = end
            }
            index = end
        }
        appendTrimmed(start..<text.count, of: text, to: &sentences)
        return sentences
    }

    private static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]", "»"]
    private static let openers: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "(", "[", "«", "¡", "¿"]

    /// Words that end in a period without ending the sentence, lowercased, without their final period.
    private static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "cf", "approx", "ca",
        "inc", "ltd", "corp", "dept", "univ", "al", "u.s", "u.k", "u.n", "a.m", "p.m", "mt", "ave", "blvd", "est",
        "ph.d", "m.d", "d.o", "r.n", "b.s", "m.s", "n.p", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec",
    ]

    /// Abbreviations that only stand before a number: "No. 5", "p. 12", "Fig. 2" (but "the answer is no." ends).
    private static let numberAbbreviations: Set<String> = ["no", "nos", "p", "pp", "vol", "fig", "figs"]

    private static func isBoundary(_ text: [Unicode.Scalar], markAt index: Int, after end: Int) -> Bool {
        // The end of the text always closes a sentence.
        guard end < text.count else { return true }
        // A boundary needs white space after it: "2.5 mg", "fda.gov" and "e.g.," are not boundaries.
        guard text[end].isWhitespaceScalar else { return false }
        var next = end
        while next < text.count, text[next].isWhitespaceScalar { next += 1 }
        guard next < text.count else { return true }
        // The next sentence starts with a capital, a digit or an opening quote/bracket; "approx. five" goes on.
        let first = text[next]
        let startsSentence = first.isUppercaseScalar || ("0"..."9").contains(first) || openers.contains(first)
        guard startsSentence else { return false }
        guard text[index] == "." else { return true }
        // A period after an initial or an abbreviation does not end the sentence.
        let start = wordStart(text, before: index)
        if index - start == 1, text[start].isUppercaseScalar { return false }
        // Only short words can be abbreviations: most periods follow longer words, which need no string at all.
        guard index - start <= longestAbbreviation else { return true }
        let word = String(scalars: text[start..<index]).lowercased()
        if abbreviations.contains(word) { return false }
        if numberAbbreviations.contains(word), ("0"..."9").contains(first) { return false }
        return true
    }

    private static let longestAbbreviation = abbreviations.union(numberAbbreviations).map(\.unicodeScalars.count).max()!

    /// Where the word (letters and inner periods) that ends right before `index` starts.
    private static func wordStart(_ text: [Unicode.Scalar], before index: Int) -> Int {
        var start = index
        while start > 0, text[start - 1].isAlphabeticScalar || (text[start - 1] == "." && start - 1 > 0 && text[start - 2].isAlphabeticScalar) {
            start -= 1
        }
        return start
    }

    private static func appendTrimmed(_ range: Range<Int>, of text: [Unicode.Scalar], to sentences: inout [Range<Int>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, text[lower].isWhitespaceScalar { lower += 1 }
        while upper > lower, text[upper - 1].isWhitespaceScalar { upper -= 1 }
        if lower < upper { sentences.append(lower..<upper) }
    }
}
