import CSystemShims
import ClinicPressModel
import ClinicPressParallel
import Foundation

/// Writes the generated files into a staging folder beside the output folder, then swaps it into place in
/// one atomic step. A build that fails at any point leaves the previous output exactly as it was, and a
/// deploy script or web server never sees a half-written site.
///
/// Creating folders is slow on some file systems (0.4 ms each on the development machine, and not faster in
/// parallel), so a build can `prepare` the folders it already knows (one per post) on a background thread while it
/// renders, then `finish`.
///
/// What may be replaced is `OutputGuard`'s decision, made on real paths. An output that is a symbolic link to a
/// folder is followed: the staging folder is built beside the link's target and swapped with it, so the link keeps
/// pointing at the new site. Every output gets `OutputGuard.stampName`, which marks it as replaceable next time.
///
/// `@unchecked Sendable`: `stagingCreated` is its only mutable state. `prepare` runs on a background queue, and the
/// build waits for it (`DispatchGroup.wait`) before it calls `finish` or `discard`, so the two never run at once and
/// the wait orders the write before the reads. `UnsafeCodeTests` writes random files and reads them back.
final class OutputWriter: @unchecked Sendable {
    /// The site folder, which the output must never replace or contain.
    let siteDirectory: URL
    /// The output folder as given, standardized, for messages.
    private let requested: String
    /// The output folder with symbolic links resolved: what is checked, staged beside and replaced.
    private let output: URL
    /// Why the output path could not be resolved (a dangling link), reported by `finish`.
    private let resolutionError: OutputError?
    private let staging: URL
    private let outputGuard: OutputGuard
    /// Set once `prepare` or `finish` created the staging folder.
    private var stagingCreated = false

    /// A writer for `outputDirectory`; `force` is `--force-output` (see `OutputGuard`).
    init(outputDirectory: URL, siteDirectory: URL, force: Bool = false) {
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
        staging = output.deletingLastPathComponent()
            .appendingPathComponent(Self.stagingPrefix(output) + String(ProcessInfo.processInfo.processIdentifier))
    }

    /// `.Public.staging-`: staging folders are hidden and named after the output and the building process.
    static func stagingPrefix(_ output: URL) -> String { ".\(output.lastPathComponent).staging-" }

    /// Creates the staging folder and `directories` in it (paths relative to the output, parents first), when the
    /// output folder may be replaced. Errors are left for `finish`, which creates whatever is missing.
    func prepare(_ directories: [String]) {
        guard (try? checkOutputIsSafeToReplace()) != nil, (try? createStaging()) != nil else { return }
        for directory in directories { _ = mkdir(staging.path + "/" + directory, 0o777) }
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        if stagingCreated { removeTree(staging.path) }
    }

    /// Writes `files` and the stamp, then swaps them in. Returns how many files were written (the stamp not counted).
    ///
    /// A file whose bytes equal the file at the same path in the previous output is hard-linked into the staging
    /// folder instead of written again: a rebuild that changes one post writes a handful of files, and unchanged
    /// files keep their modification times, which keeps `rsync`-style deploys small.
    func finish(_ files: [OutputFile]) throws -> Int {
        try checkOutputIsSafeToReplace()
        let requested = requested
        do {
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
            let previous = FileManager.default.fileExists(atPath: output.path) ? output.path + "/" : nil
            let staging = staging
            let failures = written.parallelMap { file -> OutputError? in
                let target = staging.path + "/" + file.path
                // The C helpers read exactly `bytes.count` bytes from the base address (none for an empty file, whose
                // base address may be nil) and keep no pointer after they return.
                let code = file.contents.withUnsafeBytes { bytes -> Int32 in
                    if let previous, clinicpress_file_equals(previous + file.path, bytes.baseAddress, bytes.count) == 1,
                       link(previous + file.path, target) == 0 {
                        return 0
                    }
                    return clinicpress_write_file(target, bytes.baseAddress, bytes.count)
                }
                return code == 0 ? nil : OutputError.system(requested, "cannot write \(file.path)", code: code)
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            try swapIntoPlace()
            stagingCreated = false
        } catch {
            discard()
            throw error
        }
        return files.count
    }

    /// Creates an empty staging folder (removing one a crashed build left, and those of other dead builds), once.
    private func createStaging() throws {
        guard !stagingCreated else { return }
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
        stagingCreated = true
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
