import ClinicPressText

/// A phrase in a post that points at another part of its series.
public enum SeriesReference: Sendable, Equatable {
    /// "part 2", "Part Two", "pt. 3", "the second part".
    case part(Int)
    /// "next part", "next post in this series".
    case next
    /// "previous part", "previous post in this series".
    case previous

    /// The part number it means, seen from part `current`.
    public func target(from current: Int) -> Int {
        switch self {
        case .part(let number): number
        case .next: current + 1
        case .previous: current - 1
        }
    }
}

/// Finds references to other parts in a text: "in part two we'll look at…", "the second part of this series",
/// "next part", "the previous post in this series".
public enum SeriesReferenceScanner {
    /// A reference and where its phrase is, in Unicode scalar offsets of the text.
    public struct Match: Sendable, Equatable {
        public let reference: SeriesReference
        public let range: Range<Int>
    }

    public static func scan(_ text: String) -> [Match] {
        guard mayHoldReference(text) else { return [] }
        let scalars = [Unicode.Scalar](scalarsOf: text)
        let words = tokenize(scalars)
        var matches: [Match] = []
        var index = 0
        while index < words.count {
            let word = words[index].text
            let next = index + 1 < words.count ? words[index + 1].text : ""
            // "part 2", "pt. 3", "part two", "Part II"
            if word == "part" || word == "pt", index + 1 < words.count,
               // Roman numerals only when capitalised and longer than one letter: "a part I liked" is not part 1.
               let number = PartNumber.value(Substring(next), allowRoman: words[index + 1].isCapitalizedOrUpper && next.count > 1) {
                matches.append(Match(reference: .part(number), range: words[index].range.lowerBound..<words[index + 1].range.upperBound))
                index += 2
                continue
            }
            // "the second part", "second part of this series"
            if let number = PartNumber.ordinals[word], next == "part" {
                matches.append(Match(reference: .part(number), range: words[index].range.lowerBound..<words[index + 1].range.upperBound))
                index += 2
                continue
            }
            // "next part", "previous part", "next post in this series", "previous article in this series"
            if word == "next" || word == "previous" {
                let reference: SeriesReference = word == "next" ? .next : .previous
                if ["part", "installment", "instalment"].contains(next) {
                    matches.append(Match(reference: reference, range: words[index].range.lowerBound..<words[index + 1].range.upperBound))
                    index += 2
                    continue
                }
                if ["post", "article"].contains(next), index + 4 < words.count, words[index + 2].text == "in",
                   words[index + 3].text == "this", words[index + 4].text == "series" {
                    matches.append(Match(reference: reference, range: words[index].range.lowerBound..<words[index + 4].range.upperBound))
                    index += 5
                    continue
                }
            }
            index += 1
        }
        return matches
    }

    /// Every phrase the scanner knows holds one of the words "part", "pt", "next" or "previous" (any case). Most text
    /// nodes hold none, and this byte check lets them skip the word-by-word scan. A key counts only at the start of a
    /// word ("symptoms" holds "pt", "department" holds "part").
    private static func mayHoldReference(_ text: String) -> Bool {
        let keys = referenceKeys
        let bytes = Array(text.utf8)
        for start in bytes.indices where bytes[start] | 0x20 == UInt8(ascii: "p") || bytes[start] | 0x20 == UInt8(ascii: "n") {
            if start > 0, WordBytes.isWordByte(bytes[start - 1]) { continue }
            for key in keys where start + key.count <= bytes.count {
                // ASCII lowercase by setting bit 5: harmless for the letters compared here.
                if key.indices.allSatisfy({ bytes[start + $0] | 0x20 == key[$0] }) { return true }
            }
        }
        return false
    }

    private static let referenceKeys: [[UInt8]] = [Array("part".utf8), Array("pt".utf8), Array("next".utf8), Array("previous".utf8)]

    private struct Word {
        let text: String
        let range: Range<Int>
        let isCapitalizedOrUpper: Bool
    }

    /// Words of letters and digits, lowercased; "pt." keeps no period.
    private static func tokenize(_ scalars: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var start: Int?
        func close(_ end: Int) {
            guard let begin = start else { return }
            let original = String(scalars: scalars[begin..<end])
            words.append(Word(text: original.lowercased(), range: begin..<end, isCapitalizedOrUpper: original.first?.isUppercase == true))
            start = nil
        }
        for (offset, scalar) in scalars.enumerated() {
            if scalar.isAlphabeticScalar || ("0"..."9").contains(scalar) {
                if start == nil { start = offset }
            } else {
                close(offset)
            }
        }
        close(scalars.count)
        return words
    }
}

private enum WordBytes {
    /// ASCII letters and digits. A non-ASCII byte is not counted: it may end a word ("—part two" is a reference).
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
