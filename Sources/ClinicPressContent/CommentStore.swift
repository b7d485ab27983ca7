import ClinicPressModel
import Foundation

/// The comment moderation files of a site, `Posts/<post-file-stem>.comments/<id>.md`: the one type that lists, reads
/// and writes them.
///
/// - The build reads them parsed, with line-accurate diagnostics (`loadAll`, `loadFolder`: CommentStore+Loading.swift).
/// - Moderation lists them to resolve addresses (`files`), reads their text as it is now (`text(of:)`) and rewrites a
///   few front matter keys under an exclusive lock (`update`, with `FrontMatterEditor`).
/// - Import writes new ones (`create`).
/// Every write goes through `AtomicFile`: readers see the old file or the new one, never a mix, and concurrent
/// moderators are serialised.
public struct CommentStore: Sendable {
    /// The site folder (the one holding `Posts/`).
    public let siteDirectory: URL

    /// The comment files below `siteDirectory`.
    public init(siteDirectory: URL) {
        self.siteDirectory = siteDirectory
    }

    // MARK: - Listing

    /// The `*.comments` folders of `Posts/` the build reads, sorted: hidden ones are not.
    func folders() -> [String] {
        folderNames().filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every comment file moderation can address, sorted by path. Unlike `folders()`, this also lists files in hidden
    /// `.<name>.comments` folders, as moderation always has (the build never reads those).
    public func files() -> [CommentFile] {
        folderNames().sorted().flatMap { folder in
            let listed = (try? FolderListing.names(atPath: url("Posts/\(folder)").path).get()) ?? []
            let postStem = String(folder.dropLast(".comments".count))
            return listed.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted()
                .map { CommentFile(id: String($0.dropLast(3)), path: "Posts/\(folder)/\($0)", postStem: postStem) }
        }
    }

    /// True when the file exists.
    public func exists(_ file: CommentFile) -> Bool {
        FileManager.default.fileExists(atPath: url(file.path).path)
    }

    /// The names in `Posts/` that end in `.comments`, unsorted. An unreadable `Posts/` is reported where the posts
    /// are listed.
    private func folderNames() -> [String] {
        ((try? FolderListing.names(atPath: url("Posts").path).get()) ?? []).filter { $0.hasSuffix(".comments") }
    }

    // MARK: - Reading and writing

    /// The file's text as it is now; nil when it cannot be read as UTF-8.
    public func text(of file: CommentFile) -> String? {
        FileManager.default.contents(atPath: url(file.path).path).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Writes a new comment file, creating its post's comments folder when needed. Never replaces a file: returns
    /// false, writing nothing, when `file` exists (another writer took the name first).
    /// - Throws: when the folder or the file cannot be written.
    public func create(_ file: CommentFile, text: String) throws -> Bool {
        try FileManager.default.createDirectory(at: url(CommentFile.folder(ofPost: file.postStem)), withIntermediateDirectories: true)
        do {
            try AtomicFile.create(text, at: url(file.path))
            return true
        } catch AtomicFile.Failure.exists {
            return false
        }
    }

    /// Calls `transform` with the file's current text, under an exclusive lock, and replaces the file with what it
    /// returns (see `AtomicFile.update`). Returns the new text; whatever `transform` throws leaves the file as it was.
    /// - Throws: `AtomicFile.Failure` when the file cannot be locked, read or replaced, and what `transform` throws.
    @discardableResult
    public func update(_ file: CommentFile, _ transform: (String) throws -> String) throws -> String {
        try AtomicFile.update(url(file.path), transform)
    }

    private func url(_ relativePath: String) -> URL {
        siteDirectory.appendingPathComponent(relativePath)
    }
}
