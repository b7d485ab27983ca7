import ClinicPressModel

/// Counts the footnote marks (`[^label]` references and `[^label]:` definitions) of a post body, to refuse a post
/// with more than a book has before Markdown parsing, citation numbering and rendering spend time on each of them.
struct FootnoteCount {
    /// How many `[^` the body holds.
    let count: Int
    /// The file line of the first mark over `Post.footnoteLimit`, where the error points.
    let lineOfFirstOverLimit: Int

    /// Nil when the body has no more marks than the limit (the common case, told after one pass over the bytes).
    init?(body: String, firstLine: Int, limit: Int = Post.footnoteLimit) {
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
}
