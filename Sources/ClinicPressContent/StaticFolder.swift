import ClinicPressModel
import ClinicPressParallel
import Foundation

/// Reads the site's `static/` folder: pictures, PDFs and other files copied as they are into the output, at the same
/// path (`static/assets/room.jpg` → `assets/room.jpg`), as Hugo and Zola do.
///
/// The same rules as every other input: only regular files inside the site are read (a symbolic link may point
/// elsewhere in the site, never out of it), a FIFO or device is an error rather than a hang, a file or folder that
/// cannot be read is an error naming it, and sizes are limited before anything is read. Hidden files (`.DS_Store`,
/// `.gitkeep`) are left out, except the `.well-known/` folder. The files come back sorted by path.
enum StaticFolder {
    /// The folder's name in the site.
    static let name = "static"
    /// The largest file copied (32 MiB: a large photo is a few MB, a brochure a few more; a video belongs on YouTube
    /// or Vimeo, embedded). Every file is held in memory during a build, as every page is.
    static let fileSizeLimit = 32 << 20
    /// The most the folder may hold, in bytes and in files.
    static let totalSizeLimit = 512 << 20
    static let fileCountLimit = 20_000

    /// The files of `static/` in `siteDirectory`, sorted by path; none when there is no such folder.
    static func load(from siteDirectory: URL, diagnostics: inout [Diagnostic]) -> [StaticFile] {
        let site = siteDirectory.path
        let root = site + "/" + name
        var status = stat()
        guard lstat(root, &status) == 0 else {
            if errno != ENOENT {
                diagnostics.append(.error("cannot read the folder static/: \(String(cString: strerror(errno)))", at: SourceLocation(file: name), rule: "io"))
            }
            return []
        }
        if status.st_mode & S_IFMT == S_IFLNK, SourceText.linkLeavesSite(path: root, relativePath: name) ?? false {
            diagnostics.append(SourceText.linkOutOfSite("folder", at: name))
            return []
        }
        var listing = Listing(site: site)
        listing.visit(folder: "", diagnostics: &diagnostics)
        // What could be listed is read even when a folder could not be: every unreadable file is reported in one run.
        var files = listing.files
        guard !files.isEmpty else { return [] }
        if files.count > fileCountLimit {
            diagnostics.append(.error("static/ holds \(files.count) files, more than the limit of \(fileCountLimit)", at: SourceLocation(file: name),
                                      rule: "input-limit", hint: "keep only the files the site links to"))
            return []
        }
        let total = files.reduce(0) { $0 + $1.size }
        if total > totalSizeLimit {
            diagnostics.append(.error("static/ holds \(SourceText.byteCount(total)), more than the limit of \(SourceText.byteCount(totalSizeLimit))",
                                      at: SourceLocation(file: name), rule: "input-limit",
                                      hint: "resize large photos for the web, and embed videos from YouTube or Vimeo instead of copying them"))
            return []
        }
        files.sort { $0.path < $1.path }
        let read = files.parallelMap { file -> Result<StaticFile, Diagnostic> in
            let source = name + "/" + file.path
            return SourceText.readBytes(path: site + "/" + source, relativePath: source, sizeLimit: fileSizeLimit, kind: "a regular file",
                                        sizeHint: "resize large photos for the web; embed videos from YouTube or Vimeo instead of copying them")
                .map { bytes in
                    let isPicture = ImageHeader.extensions.contains(Self.pathExtension(file.path))
                    return StaticFile(path: file.path, contents: bytes, pixelSize: isPicture ? ImageHeader.size(of: bytes) : nil)
                }
        }
        return read.compactMap { $0.value(reportingTo: &diagnostics) }
    }

    /// The lower-case extension of a path's last segment (`photo.JPG` → `jpg`), or "".
    static func pathExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The folders and files below `static/`, walked without recursion. Folders reached through symbolic links are
    /// visited once each (by their real path), so a link to a folder above it cannot make the walk go round for ever.
    private struct Listing {
        let site: String
        var files: [(path: String, size: Int)] = []
        private var seen: Set<String> = []

        init(site: String) {
            self.site = site
        }

        mutating func visit(folder start: String, diagnostics: inout [Diagnostic]) {
            var folders = [start]
            while let folder = folders.popLast() {
                let source = folder.isEmpty ? StaticFolder.name : StaticFolder.name + "/" + folder
                let path = site + "/" + source
                if let real = SourceText.realPath(path), !seen.insert(real).inserted { continue }
                switch FolderListing.names(atPath: path) {
                case .failure(let error):
                    diagnostics.append(.error("cannot read the folder \(source)/: \(FolderListing.describe(error))", at: SourceLocation(file: source),
                                              rule: "io", hint: "check that you may read it"))
                case .success(let names):
                    for name in names.sorted() where !name.hasPrefix(".") || (folder.isEmpty && name == ".well-known") {
                        let relative = folder.isEmpty ? name : folder + "/" + name
                        visit(entry: relative, folders: &folders, diagnostics: &diagnostics)
                    }
                }
            }
        }

        private mutating func visit(entry relative: String, folders: inout [String], diagnostics: inout [Diagnostic]) {
            let source = StaticFolder.name + "/" + relative
            let path = site + "/" + source
            guard !relative.unicodeScalars.contains("\u{FFFD}") else {
                diagnostics.append(.error("the file name is not UTF-8 text", at: SourceLocation(file: source), rule: "encoding",
                                          hint: "rename it with letters, digits and hyphens"))
                return
            }
            var status = stat()
            guard lstat(path, &status) == 0 else {
                diagnostics.append(.error("cannot read the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: source), rule: "io"))
                return
            }
            if status.st_mode & S_IFMT == S_IFLNK {
                guard let leaves = SourceText.linkLeavesSite(path: path, relativePath: source) else {
                    diagnostics.append(.error("the file is a symbolic link that cannot be followed: \(String(cString: strerror(errno)))",
                                              at: SourceLocation(file: source), rule: "io", hint: "remove the link, or make it point at a file in the site"))
                    return
                }
                if leaves {
                    diagnostics.append(SourceText.linkOutOfSite("file", at: source))
                    return
                }
                guard stat(path, &status) == 0 else {
                    diagnostics.append(.error("cannot read the file: \(String(cString: strerror(errno)))", at: SourceLocation(file: source), rule: "io"))
                    return
                }
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                folders.append(relative)
            case S_IFREG:
                files.append((relative, Int(status.st_size)))
            default:
                diagnostics.append(.error("the file is a FIFO, socket or device, which cannot be copied", at: SourceLocation(file: source), rule: "io",
                                          hint: "only regular files are copied from static/; move it out of the site"))
            }
        }
    }
}
