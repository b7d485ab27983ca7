import ClinicPressContent
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches the site's sources with inotify — `site.yaml`, `references.yaml`, `people.yaml`, `Posts/` (with comment folders), `Pages/`,
/// `Templates/` (with `assets/`) and `static/` — and reports the paths that changed. No polling: the kernel wakes us. Watches
/// are not recursive in inotify, so each folder gets its own, including folders created later.
///
/// `@unchecked Sendable`: `descriptor` and `source` are set once in `init`, before any event can be handled; `folders`
/// is read and written only on `queue` (the setup in `init` runs there with `queue.sync`, and the read source's
/// handler runs there), so it is never touched by two threads at once. `UnsafeCodeTests` creates files with random
/// names and compares what the watcher reports with what was created.
public final class FileWatcher: @unchecked Sendable {
    private let siteDirectory: URL
    private let onChange: @Sendable ([SiteChange]) -> Void
    private let queue = DispatchQueue(label: "clinicpress.watcher")
    private var descriptor: Int32 = -1
    private var source: (any DispatchSourceRead)?
    /// Watch descriptor → folder, relative to the site ("" for the site folder itself).
    private var folders: [Int32: String] = [:]

    /// Starts watching; `onChange` receives the changes, classified from site-relative paths, on a background queue.
    public init(siteDirectory: URL, onChange: @escaping @Sendable ([SiteChange]) -> Void) throws {
        self.siteDirectory = siteDirectory
        self.onChange = onChange
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError.unavailable(String(cString: strerror(errno))) }
        queue.sync {
            watch("")
            watchTree("Posts")
            watchTree("Templates")
            watchTree("static")
            watchTree("Pages")
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        source.setEventHandler { [weak self] in self?.readEvents() }
        // Dispatch may still be using the descriptor until the source is cancelled: it is closed only then, so a
        // descriptor number the system hands out again is never read or closed by mistake.
        let descriptor = descriptor
        source.setCancelHandler { close(descriptor) }
        source.resume()
        self.source = source
        #else
        throw WatchError.unavailable("file watching needs Linux inotify")
        #endif
    }

    deinit {
        // The cancel handler closes the descriptor.
        source?.cancel()
    }

    public enum WatchError: Error, CustomStringConvertible {
        case unavailable(String)
        public var description: String {
            switch self {
            case .unavailable(let why): "cannot watch the site for changes: \(why)"
            }
        }
    }

    #if canImport(Glibc)
    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

    private func watch(_ folder: String) {
        let path = folder.isEmpty ? siteDirectory.path : siteDirectory.appendingPathComponent(folder).path
        let watchDescriptor = inotify_add_watch(descriptor, path, Self.mask)
        if watchDescriptor >= 0 { folders[watchDescriptor] = folder }
    }

    private func watchTree(_ folder: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent(folder).path, isDirectory: &isDirectory),
              isDirectory.boolValue else { return }
        watch(folder)
        let children = (try? FileManager.default.contentsOfDirectory(atPath: siteDirectory.appendingPathComponent(folder).path)) ?? []
        for child in children.sorted() where !child.hasPrefix(".") {
            watchTree(folder + "/" + child)
        }
    }

    /// Reads every pending event. The name of an event is not imported into Swift: it follows the struct.
    ///
    /// Bounds: read(2) fills at most the buffer; an event header is loaded only when `offset + header <= count` (an
    /// unaligned load, allowed for this plain C struct), and its name is cut at `count` and at its first NUL (the
    /// kernel pads names with NULs to align the next event).
    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed: [SiteChange] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size
            while offset + header <= count {
                let (watchDescriptor, mask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + nameLength)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += header + nameLength
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { changed.append(.everything) }
                guard let folder = folders[watchDescriptor] else { continue }
                let path = folder.isEmpty ? name : (name.isEmpty ? folder : folder + "/" + name)
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, isWatched(path) {
                    watchTree(path)
                }
                if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 { folders[watchDescriptor] = nil }
                if isRelevant(path), let change = SiteChange(path: path) { changed.append(change) }
            }
        }
        if !changed.isEmpty { onChange(changed) }
    }

    /// Files that feed the build: settings, posts, comments, templates, assets and static files — not the output, not editors'
    /// temporary files (`.post.md.swp`, `post.md~`, `4913`).
    private func isRelevant(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name == "4913" { return false }
        if !path.contains("/") { return ["site.yaml", "references.yaml", "people.yaml", "Posts", "Pages", "Templates", "static"].contains(name) }
        return isWatched(path)
    }

    private func isWatched(_ path: String) -> Bool {
        ["Posts", "Pages", "Templates", "static"].contains { path == $0 || path.hasPrefix($0 + "/") }
    }
    #endif
}
