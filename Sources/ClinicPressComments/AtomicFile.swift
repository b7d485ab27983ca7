import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-modify-write of one file that is safe against crashes and against other processes doing the same:
/// an exclusive `flock` serialises writers, and the new text goes to a temporary file that is renamed over the
/// old one, so readers see either the old file or the new one, never a mix.
enum AtomicFile {
    enum Failure: Error, CustomStringConvertible {
        case io(path: String, what: String)
        var description: String {
            switch self {
            case let .io(path, what): "\(path): \(what)"
            }
        }
    }

    /// Calls `transform` with the file's current text and writes what it returns. Returns the new text.
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
            try write(updated, replacing: url)
            return updated
        }
    }

    /// Writes `text` to a temporary file beside `url`, flushes it, and renames it over `url`.
    static func write(_ text: String, replacing url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw Failure.io(path: temporary.path, what: "cannot write the temporary file")
        }
        let descriptor = open(temporary.path, O_RDONLY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw Failure.io(path: url.path, what: "cannot replace the file: \(String(cString: strerror(errno)))")
        }
    }
}
