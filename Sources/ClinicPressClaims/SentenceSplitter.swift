import ClinicPressText

/// Splits the text of a paragraph into sentences without being fooled by abbreviations (Dr., e.g., U.S.),
/// initials (J. Smith), decimals (2.5 mg), or closing quotes and parentheses after the final mark.
///
/// Works on the UTF-8 bytes of the text, the form the tokenizer reads: a sentence is a byte range, and the text
/// of a sentence is made only for the few that are reported.
enum SentenceSplitter {
    /// Half-open byte ranges of the sentences in `text`, each trimmed of surrounding spaces. The buffer lives only
    /// for the call; only ranges come out. `UnsafeCodeTests` compares the result with the same rules written plainly
    /// over Unicode scalars, on random text.
    static func split(_ text: [UInt8]) -> [Range<Int>] {
        text.withUnsafeBufferPointer { split(UTF8Text(bytes: $0)) }
    }

    private static func split(_ text: UTF8Text) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        var index = 0
        let count = text.count
        while index < count {
            index = text.nextCandidateMark(from: index)
            guard index < count, let markLength = text.sentenceMark(at: index) else {
                index += 1
                continue
            }
            // Take runs of marks ("?!", "...") and the quotes or brackets that close the sentence.
            var end = index + markLength
            while end < count, text.bytes[end] == UInt8(ascii: ".") || text.bytes[end] == UInt8(ascii: "!") || text.bytes[end] == UInt8(ascii: "?") {
                end += 1
            }
            while end < count, let length = text.closer(at: end) { end += length }
            if isBoundary(text, markAt: index, after: end) {
                appendTrimmed(start..<end, of: text, to: &sentences)
                start = end
            }
            index = end
        }
        appendTrimmed(start..<count, of: text, to: &sentences)
        return sentences
    }

    /// Words that end in a period without ending the sentence, lowercased, without their final period.
    private static let abbreviations: Set<String> = [
        "dr", "mr", "mrs", "ms", "mx", "prof", "st", "sr", "jr", "vs", "etc", "e.g", "i.e", "cf", "approx", "ca",
        "inc", "ltd", "corp", "dept", "univ", "al", "u.s", "u.k", "u.n", "a.m", "p.m", "mt", "ave", "blvd", "est",
        "ph.d", "m.d", "d.o", "r.n", "b.s", "m.s", "n.p", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec",
    ]

    /// Abbreviations that only stand before a number: "No. 5", "p. 12", "Fig. 2" (but "the answer is no." ends).
    private static let numberAbbreviations: Set<String> = ["no", "nos", "p", "pp", "vol", "fig", "figs"]

    private static let openers: Set<Unicode.Scalar> = ["\"", "'", "“", "‘", "(", "[", "«", "¡", "¿"]

    private static func isBoundary(_ text: UTF8Text, markAt index: Int, after end: Int) -> Bool {
        // The end of the text always closes a sentence.
        guard end < text.count else { return true }
        // A boundary needs white space after it: "2.5 mg", "fda.gov" and "e.g.," are not boundaries.
        guard text.scalar(at: end).value.isWhitespaceScalar else { return false }
        var next = end
        while next < text.count, case let (scalar, length) = text.scalar(at: next), scalar.isWhitespaceScalar { next += length }
        guard next < text.count else { return true }
        // The next sentence starts with a capital, a digit or an opening quote/bracket; "approx. five" goes on.
        let first = text.scalar(at: next).value
        let startsWithDigit = ("0"..."9").contains(first)
        guard first.isUppercaseScalar || startsWithDigit || openers.contains(first) else { return false }
        guard text.bytes[index] == UInt8(ascii: ".") else { return true }
        // A period after an initial or an abbreviation does not end the sentence.
        let start = wordStart(text, before: index)
        if start < index, text.scalar(at: start).length == index - start, text.scalar(at: start).value.isUppercaseScalar { return false }
        // Only short words can be abbreviations (all of them ASCII): most periods follow longer words, which need no string at all.
        guard index - start <= longestAbbreviation else { return true }
        // start <= index <= count (wordStart walks back from index): the slice is inside the buffer.
        let word = String(decoding: UnsafeBufferPointer(rebasing: text.bytes[start..<index]), as: UTF8.self).lowercased()
        if abbreviations.contains(word) { return false }
        if numberAbbreviations.contains(word), startsWithDigit { return false }
        return true
    }

    private static let longestAbbreviation = abbreviations.union(numberAbbreviations).map(\.utf8.count).max()!

    /// Where the word (letters and inner periods) that ends right before `index` starts.
    private static func wordStart(_ text: UTF8Text, before index: Int) -> Int {
        var start = index
        while start > 0 {
            let previous = text.scalarStart(before: start)
            if text.scalar(at: previous).value.isAlphabeticScalar {
                start = previous
            } else if text.bytes[previous] == UInt8(ascii: "."), previous > 0,
                      text.scalar(at: text.scalarStart(before: previous)).value.isAlphabeticScalar {
                start = previous
            } else {
                break
            }
        }
        return start
    }

    private static func appendTrimmed(_ range: Range<Int>, of text: UTF8Text, to sentences: inout [Range<Int>]) {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, case let (scalar, length) = text.scalar(at: lower), scalar.isWhitespaceScalar { lower += length }
        while upper > lower, case let previous = text.scalarStart(before: upper), text.scalar(at: previous).value.isWhitespaceScalar {
            upper = previous
        }
        if lower < upper { sentences.append(lower..<upper) }
    }
}

/// UTF-8 text read scalar by scalar at byte offsets. The text comes from Swift strings and cmark-gfm (which
/// validates UTF-8), so every offset a scanner stops at starts a whole scalar.
///
/// A view of a buffer borrowed for one `SentenceSplitter.split` call, never stored. Every read is at an index below
/// `count`: callers check `index < count` first, multi-byte reads check `index + length <= count` (or `< count` for the
/// last byte they read), and `scalarStart(before:)` stops at 0.
struct UTF8Text {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }

    /// The scalar that starts at `index`, and its length in bytes.
    @inline(__always)
    func scalar(at index: Int) -> (value: Unicode.Scalar, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return (Unicode.Scalar(0xFFFD)!, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!, length)
    }

    /// Where the scalar that ends right before `index` starts.
    @inline(__always)
    func scalarStart(before index: Int) -> Int {
        var start = index - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// The first offset from `index` on holding ".", "!", "?" or the lead byte of "…" (or `count`). It runs over
    /// every byte of every paragraph, so it tests eight bytes at a time: a byte equal to the one repeated in
    /// `pattern` is a zero byte of `word ^ pattern`, which the classic (x - 0x01…) & ~x & 0x80… test finds.
    @inline(__always)
    func nextCandidateMark(from index: Int) -> Int {
        var index = index
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            @inline(__always) func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
                let x = word ^ (ones &* UInt64(byte))
                return (x &- ones) & ~x & highs != 0
            }
            while index + 8 <= bytes.count {
                // Eight bytes from `index`, all inside the buffer (`index + 8 <= count`); unaligned loads are allowed.
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if hasByte(word, UInt8(ascii: ".")) || hasByte(word, UInt8(ascii: "!")) || hasByte(word, UInt8(ascii: "?")) || hasByte(word, 0xE2) {
                    break
                }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0xE2 { break }
            index += 1
        }
        return index
    }

    /// The length of ".", "!", "?" or "…" at `index`, or nil.
    @inline(__always)
    func sentenceMark(at index: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"): 1
        case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6: 3  // …
        default: nil
        }
    }

    /// The length of a quote or bracket that closes a sentence at `index` (" ' ” ’ ) ] »), or nil.
    @inline(__always)
    func closer(at index: Int) -> Int? {
        switch bytes[index] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"): 1
        case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99): 3  // ” ’
        case 0xC2 where index + 1 < count && bytes[index + 1] == 0xBB: 2  // »
        default: nil
        }
    }
}
