import ClinicPressModel
import Foundation

/// The comment moderation files of a site, `Posts/<post-file-stem>.comments/<id>.md`: the one type that lists, reads
/// and writes them.
///
/// - The build reads them parsed, with line-accurate diagnostics (`loadAll`, `loadFolder`: CommentStore+Loading.swift).
/// - Moderation lists them to resolve addresses (`files`), reads their text as it is now (`text(of:)`) and rewrites a
///   few front matter keys under an exclusive lock (`update`, with `FrontMatterEditor`).
/// - Import and `clinicpress intake` write new ones (`createNew`, named by `CommentFile.new`), never replacing a file.
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

    /// Writes a new comment by `author`, written on `date`, for the post with file stem `postStem`: the file is
    /// `CommentFile.new`'s (`<date>-<first-name>-<mon>.md`, then `-2`, `-3`… when the folder has that short id), the
    /// comments folder is created when needed, and an existing file is never replaced, even by another process
    /// creating the same name at the same moment (the next number is used). When this returns, the file is complete
    /// and on disk (see `AtomicFile.create`). `taken` holds the ids and short ids the post's folder has
    /// (`takenNames(ofPost:)`), and gains the new file's: an import that writes many files lists the folder once.
    /// - Throws: `AtomicFile.Failure` when the folder or the file cannot be written.
    public func createNew(author: String, date: Timestamp, postStem: String, text: String, taken: inout Set<String>) throws -> CommentFile {
        try createFolder(ofPost: postStem)
        while true {
            let file = CommentFile.new(author: author, date: date, postStem: postStem, isTaken: taken.contains)
            taken.formUnion([file.id, file.shortID])
            // `AtomicFile.create` decides: a name another writer took since the folder was listed is skipped.
            if try AtomicFile.create(text, at: url(file.path)) { return file }
        }
    }

    /// `createNew` for one comment: lists the post's folder first.
    public func createNew(author: String, date: Timestamp, postStem: String, text: String) throws -> CommentFile {
        var taken = takenNames(ofPost: postStem)
        return try createNew(author: author, date: date, postStem: postStem, text: text, taken: &taken)
    }

    /// The ids and short ids of the post's comment files: the names a new comment's short id must differ from.
    public func takenNames(ofPost postStem: String) -> Set<String> {
        var taken: Set<String> = []
        for id in ids(ofPost: postStem) { taken.formUnion([id, CommentFile.shortID(of: id)]) }
        return taken
    }

    /// Creates the post's comments folder when it is missing, and flushes `Posts/` so that the new folder survives a
    /// crash along with the file about to be written in it.
    private func createFolder(ofPost postStem: String) throws {
        let folder = url(CommentFile.folder(ofPost: postStem))
        var isFolder: ObjCBool = false
        guard !FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            // Another writer may have created it in between; anything else is a real failure.
            guard FileManager.default.fileExists(atPath: folder.path) else {
                throw AtomicFile.Failure.io(path: folder.path, what: "cannot create the comments folder: \(error.localizedDescription)")
            }
        }
        try AtomicFile.syncFolder(folder.deletingLastPathComponent())
    }

    /// The ids of the comment files of the post with file stem `postStem` (hidden files are not comments).
    public func ids(ofPost postStem: String) -> Set<String> {
        let names = (try? FolderListing.names(atPath: url(CommentFile.folder(ofPost: postStem)).path).get()) ?? []
        return Set(names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.map { String($0.dropLast(3)) })
    }

    /// The comment in `file`, parsed; nil when it cannot be read or has errors.
    public func comment(in file: CommentFile) -> Comment? {
        var diagnostics: [Diagnostic] = []
        guard let text = SourceText.read(path: url(file.path).path, relativePath: file.path, sizeLimit: SourceText.commentSizeLimit)
            .value(reportingTo: &diagnostics) else { return nil }
        var replyToLocation: SourceLocation?
        return Self.parse(text, source: file.path, postStem: file.postStem, diagnostics: &diagnostics, replyToLocation: &replyToLocation)
    }

    /// Removes the temporary files that writers killed mid-write left in the comments folders (hidden
    /// `.<name>.tmp-<pid>` files of processes no longer running); returns their paths, relative to the site.
    @discardableResult
    public func removeStaleTemporaryFiles() -> [String] {
        folderNames().sorted().flatMap { folder in
            AtomicFile.removeStaleTemporaryFiles(in: url("Posts/\(folder)")).map { "Posts/\(folder)/\($0)" }
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
