import ClinicPressModel
import Foundation

/// Reads a text file of the site as UTF-8, with a diagnostic at the exact line and column of the first
/// byte that is not UTF-8. A byte order mark is dropped and Windows line endings become `\n`.
enum SourceText {
    /// The largest post (4 MiB: a long article is 50 KB), comment (256 KiB) and YAML file (1 MiB) read. Larger files
    /// are refused before they are read, so a stray video renamed `.md` cannot exhaust the memory of a build.
    static let postSizeLimit = 4 << 20
    static let commentSizeLimit = 256 << 10
    static let yamlSizeLimit = 1 << 20

    /// The file's text, or a diagnostic naming `relativePath`.
    static func read(_ url: URL, relativePath: String, sizeLimit: Int) -> Result<String, Diagnostic> {
        read(path: url.path, relativePath: relativePath, sizeLimit: sizeLimit)
    }

    /// The text of the file at `path`, read with plain system calls: `Data(contentsOf:)` and URL arithmetic were a
    /// quarter of loading a 10,000-post site. `path` must end with `relativePath`; what comes before it is the site
    /// folder. See `readBytes` for what is refused.
    static func read(path: String, relativePath: String, sizeLimit: Int) -> Result<String, Diagnostic> {
        readBytes(path: path, relativePath: relativePath, sizeLimit: sizeLimit, kind: "a text file",
                  sizeHint: "split it into smaller files, or check that it is the file you meant")
            .flatMap { decode($0, relativePath: relativePath) }
    }

    /// The bytes of the file at `path` (which ends with `relativePath`, after the site folder), or a diagnostic naming
    /// `relativePath`: for text (`read`) and for the `static/` files copied as they are.
    ///
    /// Only regular files inside the site are read: a FIFO or a device would block the build or never end, and a
    /// symbolic link out of the site would publish (or quote in a diagnostic) a file that is not the site's. A file
    /// larger than `sizeLimit` is refused before it is read (`sizeHint` says what to do). `kind` names what a special
    /// file is not ("a text file").
    static func readBytes(path: String, relativePath: String, sizeLimit: Int, kind: String, sizeHint: String) -> Result<[UInt8], Diagnostic> {
        let location = SourceLocation(file: relativePath)
        func failure() -> Result<[UInt8], Diagnostic> {
            .failure(.error("cannot read the file: \(String(cString: strerror(errno)))", at: location, rule: "io"))
        }
        var link = stat()
        guard lstat(path, &link) == 0 else { return failure() }
        var flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        if link.st_mode & S_IFMT == S_IFLNK {
            guard let leaves = linkLeavesSite(path: path, relativePath: relativePath) else { return failure() }
            if leaves { return .failure(linkOutOfSite("file", at: relativePath)) }
        } else {
            // Not a link when looked at: refuse one swapped in before the open.
            flags |= O_NOFOLLOW
        }
        // O_NONBLOCK: opening a FIFO for reading waits for a writer otherwise.
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { return failure() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return failure() }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            if type == S_IFDIR {
                errno = EISDIR
                return failure()
            }
            return .failure(.error("\(describe(type)) is not \(kind)", at: location, rule: "io",
                                   hint: "only regular files are read from the site folder; move it out of the site"))
        }
        let size = Int(status.st_size)
        guard size <= sizeLimit else {
            return .failure(.error("the file is \(byteCount(size)), more than the limit of \(byteCount(sizeLimit))", at: location,
                                   rule: "input-limit", hint: sizeHint))
        }
        var failed = false
        // Each read(2) writes at most `size - initialized` bytes right after the initialized ones, so never past the
        // capacity, and `initialized` counts only bytes read: a file that shrank since fstat gives a shorter array, one
        // that grew is cut at `size`. `UnsafeCodeTests` compares the text with Foundation's reading of random files.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            while initialized < size, let start = buffer.baseAddress {
                let count = Glibc.read(descriptor, start + initialized, size - initialized)
                if count < 0, errno == EINTR { continue }
                if count <= 0 {
                    failed = count < 0
                    break
                }
                initialized += count
            }
        }
        return failed ? failure() : .success(bytes)
    }

    /// For a symbolic link at `path` (which ends with `relativePath`, after the site folder): whether it resolves to a
    /// place outside the site folder; nil (with `errno` set) when it cannot be resolved. The target is never read.
    static func linkLeavesSite(path: String, relativePath: String) -> Bool? {
        guard path.hasSuffix(relativePath) else {
            errno = EINVAL
            return nil
        }
        let site = String(path.dropLast(relativePath.count))
        guard let resolvedSite = realPath(site.isEmpty ? "." : site), let target = realPath(path) else { return nil }
        return !target.hasPrefix(resolvedSite.hasSuffix("/") ? resolvedSite : resolvedSite + "/")
    }

    /// The error for a symbolic link out of the site; `noun` is "file" or "folder".
    static func linkOutOfSite(_ noun: String, at relativePath: String) -> Diagnostic {
        .error("the \(noun) is a symbolic link that leads out of the site folder", at: SourceLocation(file: relativePath), rule: "io",
               hint: "copy the \(noun) into the site instead of linking to it")
    }

    /// False only when nothing is at `path`: a file that exists but cannot be looked at (a folder without permission
    /// on the way) counts as there, so that reading it reports why, instead of the site seeming to lack the file.
    static func isAbsent(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) != 0 && (errno == ENOENT || errno == ENOTDIR)
    }

    /// The absolute path with every symbolic link resolved, or nil with `errno` set.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "the file is a FIFO (named pipe), which"
        case S_IFCHR, S_IFBLK: "the file is a device, which"
        case S_IFSOCK: "the file is a socket, which"
        default: "the file is a special file, which"
        }
    }

    /// `3.2 MiB`, `512 KiB`, `12 bytes`.
    static func byteCount(_ count: Int) -> String {
        if count >= 1 << 20 { return String(format: "%.1f MiB", Double(count) / Double(1 << 20)) }
        if count >= 1 << 10 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }

    /// Decodes bytes; see `read`.
    static func decode(_ bytes: [UInt8], relativePath: String) -> Result<String, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            return .failure(invalidUTF8(bytes, relativePath: relativePath))
        }
        // memchr over the bytes: the generic `text.utf8.contains` walked every post byte by byte. It reads exactly the
        // slice's `count` bytes, inside the closure that lends them.
        let hasCarriageReturn = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 0x0D, buffer.count) != nil } ?? false
        }
        if hasCarriageReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(text)
    }

    private static func invalidUTF8(_ bytes: ArraySlice<UInt8>, relativePath: String) -> Diagnostic {
        var line = 1, column = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        var badByte: UInt8 = 0
        decoding: while true {
            let before = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break decoding
            case .error:
                badByte = bytes[before]
                break decoding
            }
        }
        let hex = String(badByte, radix: 16, uppercase: true)
        return .error("the file is not UTF-8 text (byte 0x\(hex.count == 1 ? "0" + hex : hex))", at: SourceLocation(file: relativePath, line: line, column: column),
                      rule: "encoding", hint: "save the file as UTF-8 in your editor (often \"Save with encoding\" → UTF-8)")
    }
}
