extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    public var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        // Most texts have nothing to trim: told from their first and last Characters, without reading the rest.
        if let first, let last, !isSpace(first), !isSpace(last) { return String(self) }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// Runs of spaces made one, and none at either end (`split(separator: " ")` joined by one space), without
    /// splitting when there is nothing to collapse: the common case, checked on the bytes.
    public var collapsingSpaces: String {
        var previousIsSpace = true
        for byte in utf8 {
            let isSpace = byte == UInt8(ascii: " ")
            if isSpace && previousIsSpace { return split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            previousIsSpace = isSpace
        }
        return previousIsSpace ? split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") : self
    }
}
