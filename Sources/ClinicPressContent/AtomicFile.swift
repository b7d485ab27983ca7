import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-modify-write of one file that is safe against crashes and against other processes doing the same:
/// an exclusive `flock` serialises writers, and the new text goes to a temporary file that is renamed over the
/// old one, so readers see either the old file or the new one, never a mix. The new file keeps the old one's
/// permissions, owner and group: a comment file holding an email address that was 0600 stays 0600. A new file is
/// created the same way but never replaces one (`create`).
package enum AtomicFile {
    package enum Failure: Error, CustomStringConvertible {
        case io(path: String, what: String)
        /// `create` found a file already there (another import or intake wrote it first).
        package var description: String {
            switch self {
            case let .io(path, what): "\(path): \(what)"
            }
        }
    }

    /// Calls `transform` with the file's current text, under the lock, and writes what it returns. Returns the
    /// new text. Whatever `transform` throws (a decision that lost a race, say) leaves the file as it was.
    @discardableResult
    static func update(_ url: URL, _ transform: (String) throws -> String) throws -> String {
        let path = url.path
        while true {
            let descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else { throw Failure.io(path: path, what: String(cString: strerror(errno))) }
            defer { close(descriptor) }
            guard flock(descriptor, LOCK_EX) == 0 else { throw Failure.io(path: path, what: "cannot lock: \(String(cString: strerror(errno)))") }
            // Another writer may have renamed a new file into place while we waited: lock that one instead.
            var locked = stat(), current = stat()
            guard fstat(descriptor, &locked) == 0, stat(path, &current) == 0 else { throw Failure.io(path: path, what: "the file disappeared") }
            guard locked.st_ino == current.st_ino, locked.st_dev == current.st_dev else { continue }

            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw Failure.io(path: path, what: "cannot read the file as UTF-8")
            }
            let updated = try transform(text)
            guard updated != text else { return text }
            try write(updated, replacing: url, like: locked)
            return updated
        }
    }

    /// Writes `text` to a temporary file beside `url`, flushes it, and renames it over `url`. The file gets the
    /// mode, owner and group of `original` (the file being replaced) when there is one; a new file gets the mode the
    /// user's umask gives.
    package static func write(_ text: String, replacing url: URL, like original: stat? = nil) throws {
        let temporary = try writeTemporary(text, for: url, at: temporaryURL(beside: url), like: original)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Failure.io(path: url.path, what: "cannot replace the file: \(reason)")
        }
    }

    /// Writes `text` as a new file at `url`, never replacing one, and returns false (writing nothing) when `url`
    /// already exists. The text goes to a temporary file that is flushed and then linked into place — `link(2)` fails
    /// when the name is taken, so two writers racing for one name cannot both win — and the folder is flushed too:
    /// when this returns true the whole file is on disk, and a crash at any point leaves either no file or the whole
    /// file (plus, at worst, a hidden temporary file that `removeStaleTemporaryFiles` clears).
    static func create(_ text: String, at url: URL) throws -> Bool {
        let temporary = try writeTemporary(text, for: url, at: temporaryURL(beside: url, unique: true), like: nil)
        defer { unlink(temporary.path) }
        if link(temporary.path, url.path) != 0 {
            let code = errno
            if code == EEXIST { return false }
            // File systems without hard links (FAT, some network file systems): check, then rename. Two processes
            // could race between the two steps there; on every usual Linux file system the link above decides.
            guard code == EPERM || code == EOPNOTSUPP || code == ENOSYS else {
                throw Failure.io(path: url.path, what: "cannot create the file: \(String(cString: strerror(code)))")
            }
            if access(url.path, F_OK) == 0 { return false }
            guard rename(temporary.path, url.path) == 0 else {
                throw Failure.io(path: url.path, what: "cannot create the file: \(String(cString: strerror(errno)))")
            }
        }
        try syncFolder(url.deletingLastPathComponent())
        return true
    }

    /// Flushes a folder, so that the names created in it (a new file, a new subfolder) survive a power failure.
    static func syncFolder(_ url: URL) throws {
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure.io(path: url.path, what: "cannot open the folder to flush it: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw Failure.io(path: url.path, what: "cannot flush the folder: \(String(cString: strerror(errno)))") }
    }

    /// Writes `text` to the new file `temporary` and flushes it, with the mode, owner and group of `original` when
    /// there is one. Returns `temporary`; on failure it is removed and the error names `url`.
    private static func writeTemporary(_ text: String, for url: URL, at temporary: URL, like original: stat?) throws -> URL {
        // A replacement is created private (0600), so its content is never readable by others, then given the
        // original's mode; a new file is created with 0666 less the umask, as any editor would create it.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, original == nil ? 0o666 : 0o600)
        guard descriptor >= 0 else {
            throw Failure.io(path: temporary.path, what: "cannot write the temporary file: \(String(cString: strerror(errno)))")
        }
        var failure: String?
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: Data(text.utf8))
        } catch {
            failure = "cannot write the temporary file: \(error.localizedDescription)"
        }
        if failure == nil, let original {
            // Ownership first: chown may clear set-id bits, which fchmod then restores.
            if (original.st_uid != geteuid() || original.st_gid != getegid()), fchown(descriptor, original.st_uid, original.st_gid) != 0 {
                failure = "cannot keep the file's owner and group (uid \(original.st_uid), gid \(original.st_gid)): \(String(cString: strerror(errno))); run as the file's owner"
            } else if fchmod(descriptor, original.st_mode & 0o7777) != 0 {
                failure = "cannot keep the file's permissions: \(String(cString: strerror(errno)))"
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = "cannot flush the temporary file: \(String(cString: strerror(errno)))" }
        close(descriptor)
        if let failure {
            unlink(temporary.path)
            throw Failure.io(path: url.path, what: failure)
        }
        return temporary
    }

    /// `.<name>.tmp-<pid>` beside `url` (`.<name>.tmp-<pid>-<n>` when `unique`, for writers in one process that may
    /// create the same name at once), with the name cut so the whole stays within the 255 bytes a file name may have
    /// (a long file name must not make the temporary one impossible).
    static func temporaryURL(beside url: URL, unique: Bool = false) -> URL {
        let suffix = ".tmp-\(getpid())" + (unique ? "-\(temporaryCounter.add(1, ordering: .relaxed).newValue)" : "")
        var name = url.lastPathComponent
        while 1 + name.utf8.count + suffix.utf8.count > 255 { name.removeLast() }
        return url.deletingLastPathComponent().appendingPathComponent(".\(name)\(suffix)")
    }

    /// Numbers the temporary files of `create` within this process.
    private static let temporaryCounter = Atomic<Int>(0)

    /// Removes the temporary files (`.<name>.tmp-<pid>` and `.<name>.tmp-<pid>-<n>`) in `folder` whose process is no
    /// longer running: a writer killed between writing and renaming leaves one behind. Files of running processes
    /// are left alone. Returns the names removed.
    @discardableResult
    static func removeStaleTemporaryFiles(in folder: URL) -> [String] {
        guard case .success(let names) = FolderListing.names(atPath: folder.path) else { return [] }
        var removed: [String] = []
        for name in names where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-", options: .backwards) else { continue }
            let digits = name[marker.upperBound...].prefix { $0 != "-" }
            guard let pid = Int32(digits), pid > 0, !isRunning(pid) else { continue }
            if unlink(folder.appendingPathComponent(name).path) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }

    /// Whether a process with this id exists (one of another user's counts as running).
    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
