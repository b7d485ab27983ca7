/// Part numbers as authors write them in titles and text: "Pt 1", "Pt. 2", "Part 3", "Part Two", "Part II",
/// "(Part 2 of 3)".
enum PartNumber {
    static let words = ["one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                        "eleven": 11, "twelve": 12]
    static let ordinals = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                           "ninth": 9, "tenth": 10]
    static let romans = ["i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12]

    /// The number a word stands for: `3`, `three`, `III` (roman numerals only when `allowRoman`, since "I" and
    /// "V" are also ordinary words).
    static func value(_ word: Substring, allowRoman: Bool) -> Int? {
        let lowered = word.lowercased()
        if let number = Int(lowered), (1...99).contains(number) { return number }
        if let number = words[lowered] { return number }
        if allowRoman, let number = romans[lowered] { return number }
        return nil
    }
}

/// A title's trailing part marker, and the series title without it.
struct TitleMarker: Equatable {
    let seriesTitle: String
    let part: Int
    /// The planned total, from "(Part 2 of 3)".
    let total: Int?

    /// Reads "Ketamine for Depression: How It Works Pt 1", "… Part Two", "… (Part 2 of 3)", "… – Part II".
    /// Nil when the title does not end in a part marker.
    init?(title: String) {
        var words = title.split(separator: " ", omittingEmptySubsequences: true).map { Substring($0) }
        guard words.count >= 3 else { return nil }
        var total: Int?
        var closingParen = false
        // "(Part 2 of 3)"
        if words.last!.hasSuffix(")") {
            closingParen = true
            words[words.count - 1] = words.last!.dropLast()
            if words.count >= 4, words[words.count - 2].lowercased() == "of", let planned = PartNumber.value(words.last!, allowRoman: true) {
                total = planned
                words.removeLast(2)
            }
        }
        guard let number = PartNumber.value(words.last!, allowRoman: true) else { return nil }
        var keyword = words[words.count - 2]
        if closingParen {
            guard keyword.hasPrefix("(") else { return nil }
            keyword = keyword.dropFirst()
        }
        guard ["pt", "pt.", "part"].contains(keyword.lowercased()) else { return nil }
        words.removeLast(2)
        var rest = words.joined(separator: " ")
        // Drop the punctuation that separated the marker: "…Works: Part 1", "…Works – Part II", "…Works, Pt 2".
        while let last = rest.last, ":-–—,|".contains(last) || last == " " { rest.removeLast() }
        guard !rest.isEmpty else { return nil }
        self.seriesTitle = rest
        self.part = number
        self.total = total
    }
}
