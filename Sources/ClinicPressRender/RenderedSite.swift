import ClinicPressModel

/// Every file of a rendered site, with what `SiteRenderer.update` needs to render some of them again: the tag index
/// and the page context they were rendered with, and where each file is. A site whose files were written as they were
/// rendered (a one-shot build) keeps only their paths, and cannot be updated.
public struct RenderedSite: Sendable {
    /// Every file kept, sorted by path.
    public private(set) var files: [OutputFile]
    /// The paths of the files written as they were rendered instead of kept, sorted.
    public let written: [String]
    /// The path of every file, kept or written.
    public var paths: [String] { files.map(\.path) + written }
    var tags: TagIndex
    let context: PageContext
    /// The theme with the build's constants written in, for the pages an update renders again.
    let templates: Theme
    /// Where each file is in `files`; made by the first update (a one-shot build never needs it).
    private var positions: [String: Int]?

    init(files: [OutputFile], written: [String], tags: TagIndex, context: PageContext, templates: Theme) {
        self.files = files
        self.written = written
        self.tags = tags
        self.context = context
        self.templates = templates
    }

    /// Puts `replacements` in place of the files at their paths (adding those that are new, where their paths sort),
    /// and removes the files at `removed`.
    mutating func replace(_ replacements: [OutputFile], removing removed: [String]) {
        precondition(written.isEmpty, "a site written as it was rendered has no files to update")
        var positions = self.positions.take() ?? Self.positions(of: files)
        var added: [OutputFile] = []
        for file in replacements {
            if let position = positions[file.path] { files[position] = file } else { added.append(file) }
        }
        if !added.isEmpty || !removed.isEmpty {
            for path in removed {
                if let position = files.firstIndex(where: { $0.path == path }) { files.remove(at: position) }
            }
            for file in added {
                files.insert(file, at: files.partitioningIndex { $0.path > file.path })
            }
            positions = Self.positions(of: files)
        }
        self.positions = positions
    }

    private static func positions(of files: [OutputFile]) -> [String: Int] {
        Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, which must be false then true along the array (binary search).
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
