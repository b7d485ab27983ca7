import CSystemShims
import ClinicPressModel
import ClinicPressParallel
import Foundation
import Synchronization

/// Writes the generated files into a staging folder beside the output folder, then swaps it into place in
/// one atomic step. A build that fails at any point leaves the previous output exactly as it was, and a
/// deploy script or web server never sees a half-written site.
///
/// Creating folders is slow on some file systems (0.4 ms each on the development machine, and not faster in
/// parallel), so a build can `prepare` the folders it already knows (one per post) on a background thread while it
/// renders. A one-shot build hands each page to `write` as soon as it is rendered, so the site is never held in memory
/// whole; `finish` writes the rest (the `static/` files, the stamp) and swaps the staging folder in.
///
/// What may be replaced is `OutputGuard`'s decision, made on real paths. An output that is a symbolic link to a
/// folder is followed: the staging folder is built beside the link's target and swapped with it, so the link keeps
/// pointing at the new site. Every output gets `OutputGuard.stampName`, which marks it as replaceable next time.
final class OutputWriter: Sendable {
    /// The site folder, which the output must never replace or contain.
    let siteDirectory: URL
    /// The output folder as given, standardized, for messages.
    private let requested: String
    /// The output folder with symbolic links resolved: what is checked, staged beside and replaced.
    private let output: URL
    /// Why the output path could not be resolved (a dangling link), reported by `finish`.
    private let resolutionError: OutputError?
    private let staging: URL
    /// The previous output with a final `/`, when there is one: its files are hard-linked where a new file is the same.
    private let previous: String?
    private let outputGuard: OutputGuard
    /// Whether `write` keeps the SHA-256 of each file it writes, for `OutputDigest`.
    private let hashesFiles: Bool
    /// `prepare` runs on a background queue and `write` on the render's threads: what they share is behind a lock.
    private let state = Mutex(State())

    private struct State {
        /// Set once the staging folder was created.
        var stagingCreated = false
        /// The path of each file `write` wrote, with its SHA-256 when `hashesFiles`.
        var written: [OutputDigest.Entry] = []
        /// The first file `write` could not write, thrown by `finish`.
        var failure: OutputError?
    }

    /// A writer for `outputDirectory`; `force` is `--force-output` (see `OutputGuard`), `hashFiles` keeps what
    /// `OutputDigest` needs of the files `write` writes.
    init(outputDirectory: URL, siteDirectory: URL, force: Bool = false, hashFiles: Bool = false) {
        self.siteDirectory = siteDirectory
        requested = outputDirectory.standardizedFileURL.path
        do {
            output = URL(fileURLWithPath: try OutputGuard.resolve(requested), isDirectory: true)
            resolutionError = nil
        } catch {
            output = URL(fileURLWithPath: requested, isDirectory: true)
            resolutionError = error as? OutputError
        }
        outputGuard = OutputGuard(siteDirectory: siteDirectory, force: force)
        hashesFiles = hashFiles
        previous = FileManager.default.fileExists(atPath: output.path) ? output.path + "/" : nil
        staging = output.deletingLastPathComponent()
            .appendingPathComponent(Self.stagingPrefix(output) + String(ProcessInfo.processInfo.processIdentifier))
    }

    /// `.Public.staging-`: staging folders are hidden and named after the output and the building process.
    static func stagingPrefix(_ output: URL) -> String { ".\(output.lastPathComponent).staging-" }

    /// Creates the staging folder and `directories` in it (paths relative to the output, parents first), when the
    /// output folder may be replaced. Errors are left for `finish`, which creates whatever is missing.
    func prepare(_ directories: [String]) {
        guard (try? createStaging()) != nil else { return }
        for directory in directories { _ = mkdir(staging.path + "/" + directory, 0o777) }
    }

    /// Writes one file into the staging folder now (a page, as soon as it is rendered), creating its folders as needed.
    /// A failure is kept and thrown by `finish`; so is an output that may not be replaced.
    func write(_ file: OutputFile) {
        let failure: OutputError?
        do {
            try createStaging()
            failure = put(file)
        } catch {
            failure = error as? OutputError ?? OutputError(path: requested, message: "\(error)", hint: nil)
        }
        let entry = OutputDigest.Entry(path: file.path, hash: hashesFiles ? SHA256.hex(file.contents) : "")
        state.withLock { state in
            state.written.append(entry)
            if state.failure == nil { state.failure = failure }
        }
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        if state.withLock({ $0.stagingCreated }) { removeTree(staging.path) }
    }

    /// Writes `files` and the stamp, then swaps them in, with the files `write` wrote. Returns how many files the
    /// output has (the stamp not counted), and the path and SHA-256 of each (the hash only when the writer was made to
    /// hash files).
    ///
    /// A file whose bytes equal the file at the same path in the previous output is hard-linked into the staging
    /// folder instead of written again: a rebuild that changes one post writes a handful of files, and unchanged
    /// files keep their modification times, which keeps `rsync`-style deploys small.
    @discardableResult
    func finish(_ files: [OutputFile]) throws -> (count: Int, entries: [OutputDigest.Entry]) {
        try checkOutputIsSafeToReplace()
        do {
            if let failure = state.withLock({ $0.failure }) { throw failure }
            try createStaging()
            let written = files + [OutputFile(path: OutputGuard.stampName, text: OutputGuard.stampText)]
            // Folders first, parents before children (sorted paths put "a" before "a/b"), then the files in parallel.
            var directories: Set<String> = []
            for file in written {
                var path = Substring(file.path)
                while let slash = path.lastIndex(of: "/") {
                    path = path[..<slash]
                    guard directories.insert(String(path)).inserted else { break }
                }
            }
            for directory in directories.sorted() where mkdir(staging.path + "/" + directory, 0o777) != 0 && errno != EEXIST {
                throw OutputError.system(requested, "cannot create \(directory)/", code: errno)
            }
            let failures = written.parallelMap { file in self.put(file) }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            try swapIntoPlace()
            state.withLock { $0.stagingCreated = false }
        } catch {
            discard()
            throw error
        }
        let hashesFiles = hashesFiles
        let entries = state.withLock { $0.written } + files.parallelMap { OutputDigest.Entry(path: $0.path, hash: hashesFiles ? SHA256.hex($0.contents) : "") }
        return (entries.count, entries)
    }

    /// Puts `file` into the staging folder: a hard link to the same file of `previous` when its bytes are equal, else
    /// written. A missing folder is created (with its parents) and the write tried again.
    private func put(_ file: OutputFile) -> OutputError? {
        let target = staging.path + "/" + file.path, previous = previous
        // The C helpers read exactly `bytes.count` bytes from the base address (none for an empty file, whose base
        // address may be nil) and keep no pointer after they return.
        let attempt = {
            file.contents.withUnsafeBytes { bytes -> Int32 in
                if let previous, clinicpress_file_equals(previous + file.path, bytes.baseAddress, bytes.count) == 1,
                   link(previous + file.path, target) == 0 {
                    return 0
                }
                return clinicpress_write_file(target, bytes.baseAddress, bytes.count)
            }
        }
        var code = attempt()
        if code == ENOENT, file.path.contains("/") {
            var folder = staging.path
            for component in file.path.split(separator: "/").dropLast() {
                folder += "/" + component
                if mkdir(folder, 0o777) != 0 && errno != EEXIST {
                    return OutputError.system(requested, "cannot create \(folder.dropFirst(staging.path.count + 1))/", code: errno)
                }
            }
            code = attempt()
        }
        return code == 0 ? nil : OutputError.system(requested, "cannot write \(file.path)", code: code)
    }

    /// Creates an empty staging folder (removing one a crashed build left, and those of other dead builds), once, when
    /// the output may be replaced.
    private func createStaging() throws {
        try state.withLock { state in
            guard !state.stagingCreated else { return }
            try checkOutputIsSafeToReplace()
            try createStagingFolder()
            state.stagingCreated = true
        }
    }

    private func createStagingFolder() throws {
        let parent = output.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: requested, message: "cannot create the folder \(parent.path)", hint: "check its permissions, or choose another --output folder")
        }
        removeStaleStaging()
        removeTree(staging.path)
        guard mkdir(staging.path, 0o777) == 0 else {
            throw OutputError.system(requested, "cannot create the staging folder \(staging.path)", code: errno)
        }
    }

    /// Removes the staging folders (and their `.previous` leftovers) of builds of this output whose process no
    /// longer runs: a build killed mid-way cannot clean up after itself. Folders of running builds are left alone,
    /// so concurrent builds of one site keep working.
    private func removeStaleStaging() {
        let prefix = Self.stagingPrefix(output)
        let parent = output.deletingLastPathComponent().path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            let digits = rest.hasSuffix(".previous") ? rest.dropLast(".previous".count) : rest
            guard let pid = pid_t(digits), pid > 0, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            removeTree(parent + "/" + name)
        }
    }

    /// Removes a folder tree with plain system calls (FileManager takes seconds on a site of 10,000 pages).
    private func removeTree(_ path: String) {
        _ = clinicpress_remove_tree(path)
    }

    private func swapIntoPlace() throws {
        guard FileManager.default.fileExists(atPath: output.path) else {
            guard rename(staging.path, output.path) == 0 else {
                throw OutputError.system(requested, "cannot move the staging folder into place", code: errno)
            }
            return
        }
        if clinicpress_exchange_paths(staging.path, output.path) == 0 {
            // `staging` now holds the previous output.
            removeTree(staging.path)
            return
        }
        // No atomic exchange on this file system: two renames, with a moment in between where the
        // output folder is missing, but never half-written.
        let previous = staging.path + ".previous"
        removeTree(previous)
        guard rename(output.path, previous) == 0 else {
            throw OutputError.system(requested, "cannot move the previous output aside", code: errno)
        }
        guard rename(staging.path, output.path) == 0 else {
            let code = errno
            _ = rename(previous, output.path)
            throw OutputError.system(requested, "cannot move the staging folder into place", code: code)
        }
        removeTree(previous)
    }

    /// Throws unless the output may be replaced: see `OutputGuard`.
    func checkOutputIsSafeToReplace() throws {
        if let resolutionError { throw resolutionError }
        try outputGuard.check(requested, real: output.path)
    }
}
