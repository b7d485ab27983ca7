import ClinicPressModel

/// Every file of a rendered site, with what `SiteRenderer.update` needs to render some of them again: the tag index
/// and the page context they were rendered with, and where each file is.
public struct RenderedSite: Sendable {
    /// Every file, sorted by path.
    public private(set) var files: [OutputFile]
    var tags: TagIndex
    let context: PageContext
    /// Where each file is in `files`; made by the first update (a one-shot build never needs it).
    private var positions: [String: Int]?

    init(files: [OutputFile], tags: TagIndex, context: PageContext) {
        self.files = files
        self.tags = tags
        self.context = context
    }

    /// Puts `replacements` in place of the files at their paths (adding those that are new), and removes the files
    /// at `removed`. Returns true when a file was added.
    mutating func replace(_ replacements: [OutputFile], removing removed: [String]) -> Bool {
        var positions = self.positions.take() ?? Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        var added: [OutputFile] = []
        for file in replacements {
            if let position = positions[file.path] { files[position] = file } else { added.append(file) }
        }
        if !added.isEmpty || !removed.isEmpty {
            let gone = Set(removed)
            files = (files.filter { !gone.contains($0.path) } + added).sorted { $0.path < $1.path }
            positions = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
        self.positions = positions
        return !added.isEmpty
    }
}
