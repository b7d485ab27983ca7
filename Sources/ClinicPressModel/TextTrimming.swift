extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line breaks.
    public var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }

    /// True when the line is `text`, give or take trailing spaces and tabs.
    public func isLine(_ text: String) -> Bool {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" { end = index(before: end) }
        return self[startIndex..<end] == text
    }

    /// True for the `---` line that opens or closes front matter.
    public var isFrontMatterDelimiter: Bool { isLine("---") }
}
