import ClinicPressModel
import Foundation

/// Counts the footnote marks (`[^label]` references and `[^label]:` definitions) of a post body, to refuse a post
/// with more than a book has before Markdown parsing, citation numbering and rendering spend time on each of them.
struct FootnoteCount {
    /// How many `[^` the body holds.
    let count: Int
    /// The file line of the first mark over `Post.footnoteLimit`, where the error points.
    let lineOfFirstOverLimit: Int

    /// Nil when the body has no more marks than the limit (the common case, told after one pass over the bytes).
    init?(body: String, firstLine: Int, limit: Int = Post.footnoteLimit) {
        guard Self.marks(in: body) > limit else { return nil }
        var count = 0, line = firstLine, lineOverLimit = 0
        var previous: UInt8 = 0
        for byte in body.utf8 {
            if byte == UInt8(ascii: "\n") {
                line += 1
            } else if byte == UInt8(ascii: "^"), previous == UInt8(ascii: "[") {
                count += 1
                if count == limit + 1 { lineOverLimit = line }
            }
            previous = byte
        }
        guard count > limit else { return nil }
        self.count = count
        lineOfFirstOverLimit = lineOverLimit
    }

    /// How many `[^` a text holds: memchr jumps from caret to caret (a post has few), which runs over every post of
    /// every build. `InputLimitTests` checks it against the byte-by-byte count above on random text.
    static func marks(in text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return 0 }
            var count = 0, offset = 0
            // memchr gets the `count - offset` bytes left (offset < count), and returns a pointer inside them, so `index`
            // is a valid index and `index - 1` is read only when index > 0. The buffer lives only for `withUTF8`.
            while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "^")), bytes.count - offset) {
                let index = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                if index > 0, bytes[index - 1] == UInt8(ascii: "[") { count += 1 }
                offset = index + 1
            }
            return count
        }
    }
}
