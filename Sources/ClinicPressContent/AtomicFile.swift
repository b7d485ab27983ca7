import Foundation
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
        case exists(path: String)
        package var description: String {
            switch self {
            case let .io(path, what): "\(path): \(what)"
            case let .exists(path): "\(path): the file exists already"
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
    static func write(_ text: String, replacing url: URL, like original: stat? = nil) throws {
        let temporary = try writeTemporary(text, beside: url, like: original)
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Failure.io(path: url.path, what: "cannot replace the file: \(reason)")
        }
    }

    /// Writes a new file at `url` complete or not at all, never replacing one: the text goes to a temporary file
    /// (written and flushed as `write` does), which is then hard-linked to `url` — `link` fails when `url` exists,
    /// where `rename` would replace it — and removed. Two writers choosing the same new name thus cannot overwrite each
    /// other's comment.
    /// - Throws: `Failure.exists` when there is a file at `url`; `Failure.io` when writing fails.
    static func create(_ text: String, at url: URL) throws {
        let temporary = try writeTemporary(text, beside: url, like: nil)
        defer { unlink(temporary.path) }
        guard link(temporary.path, url.path) == 0 else {
            let error = errno
            if error == EEXIST { throw Failure.exists(path: url.path) }
            // A file system without hard links: check, then rename (a writer in between could still be replaced).
            if error == EPERM || error == ENOTSUP || error == EOPNOTSUPP {
                guard access(url.path, F_OK) != 0 else { throw Failure.exists(path: url.path) }
                guard rename(temporary.path, url.path) == 0 else {
                    throw Failure.io(path: url.path, what: "cannot create the file: \(String(cString: strerror(errno)))")
                }
                return
            }
            throw Failure.io(path: url.path, what: "cannot create the file: \(String(cString: strerror(error)))")
        }
    }

    /// `text` in a new temporary file beside `url`, flushed to disk, with the mode, owner and group of `original`
    /// when there is one. Removed again when anything fails.
    private static func writeTemporary(_ text: String, beside url: URL, like original: stat?) throws -> URL {
        let temporary = temporaryURL(beside: url)
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

    /// `.<name>.tmp-<pid>` beside `url`, with the name cut so the whole stays within the 255 bytes a file name
    /// may have (a long file name must not make the temporary one impossible).
    static func temporaryURL(beside url: URL) -> URL {
        let suffix = ".tmp-\(getpid())"
        var name = url.lastPathComponent
        while 1 + name.utf8.count + suffix.utf8.count > 255 { name.removeLast() }
        return url.deletingLastPathComponent().appendingPathComponent(".\(name)\(suffix)")
    }
}
