#if canImport(Glibc)
import Glibc
#endif
import ClinicPressMarkdown
import ClinicPressText

/// A numbered reference list as clinics write one: a heading such as "References" or "Sources" followed by an
/// ordered list. A bracketed number in the text (`[3]`, `[1, 4]`, `[2-5]`) cites its entries.
struct NumberedReferences {
    /// How many entries the list has (numbered from 1); 0 when the post has no such list.
    private(set) var count = 0
    /// The lines the reference section spans (its heading to the next heading of the same or a higher level): its
    /// entries are sources, not prose to check.
    private(set) var lines: ClosedRange<Int>?

    /// Reads the document's top level (no walk below it, whatever the nesting). `headings` are the titles that
    /// introduce a reference list, in lower case (the lexicon's `reference-headings`).
    init(_ document: MarkdownNode, headings: Set<String>) {
        var level: Int?
        for node in document.children {
            if case .heading(let headingLevel) = node.kind {
                if let open = level, headingLevel <= open, let start = lines?.lowerBound {
                    lines = start...max(start, node.start.line - 1)
                    level = nil
                }
                var title = node.plainText.lowercased().trimmingWhitespace
                if title.hasSuffix(":") { title.removeLast() }
                if count == 0, headings.contains(title) {
                    level = headingLevel
                    lines = node.start.line...Int.max
                }
            } else if case .list(ordered: true) = node.kind, level != nil, count == 0 {
                count = node.children.reduce(0) { total, _ in total + 1 }
            }
        }
    }

    /// Whether the list has an entry numbered `number`.
    func holds(_ number: Int) -> Bool { number >= 1 && number <= count }

    /// Whether a sentence at this line belongs to the reference section.
    func contains(line: Int) -> Bool { lines?.contains(line) ?? false }

    /// The bracketed numbers in `text` (`[3]`, `[1, 4]`, `[2-5]`, `[2–5]`), with the byte offset of each bracket.
    /// Every read is at `i` or `j` below `text.count` (checked by the loops; the en dash's two more bytes are checked
    /// `j + 2 < count` first); a range is capped at 50 numbers.
    /// memchr jumps from bracket to bracket (it runs over every sentence); it gets the `count - i` bytes left, `i` below
    /// `count`, and returns a pointer inside them.
    /// `UnsafeCodeTests` compares it with a plain reading of the same rules on random text.
    static func marks(in text: UnsafeBufferPointer<UInt8>) -> [(offset: Int, numbers: [Int])] {
        guard let base = text.baseAddress else { return [] }
        var found: [(Int, [Int])] = []
        var i = 0
        while i < text.count {
            guard let bracket = memchr(base + i, Int32(UInt8(ascii: "[")), text.count - i) else { break }
            i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(bracket))
            var j = i + 1, numbers: [Int] = [], current: Int?, rangeStart: Int?
            var valid = true
            while j < text.count, text[j] != UInt8(ascii: "]") {
                let b = text[j]
                // The en dash (E2 80 93) is read whole, as a hyphen: byte by byte its lead byte ended the number before
                // the 0x93 could start a range, so "[2–5]" read as [2, 5].
                let isEnDash = b == 0xE2 && j + 2 < text.count && text[j + 1] == 0x80 && text[j + 2] == 0x93
                if b >= 0x30 && b <= 0x39 {
                    current = (current ?? 0) * 10 + Int(b - 0x30)
                    if current! > 999 { valid = false; break }
                } else if b == UInt8(ascii: ",") || b == UInt8(ascii: " ") || b == UInt8(ascii: "-") || isEnDash {
                    if let value = current {
                        if let from = rangeStart { numbers += Array(from...max(from, min(value, from + 50))); rangeStart = nil } else { numbers.append(value) }
                        if b == UInt8(ascii: "-") || isEnDash { rangeStart = numbers.removeLast() }
                        current = nil
                    }
                    if isEnDash { j += 2 }
                } else {
                    valid = false
                    break
                }
                j += 1
            }
            if valid, j < text.count, let value = current {
                if let from = rangeStart { numbers += Array(from...max(from, min(value, from + 50))) } else { numbers.append(value) }
                found.append((i, numbers))
                i = j + 1
            } else {
                i += 1
            }
        }
        return found
    }
}
