/// A file of the generated site: its path inside the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative to the output folder, with `/` separators: `posts/a/index.html`.
    public var path: String
    public var contents: [UInt8]

    /// Creates a file from bytes.
    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// Creates a file from text, stored as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
