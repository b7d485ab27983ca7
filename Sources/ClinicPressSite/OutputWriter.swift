import CSystemShims
import ClinicPressModel
import Foundation

/// Writes the generated files into a staging folder beside the output folder, then swaps it into place in
/// one atomic step. A build that fails at any point leaves the previous output exactly as it was, and a
/// deploy script or web server never sees a half-written site.
///
/// Creating folders is slow on some file systems (0.4 ms each on the development machine, and not faster in
/// parallel), so a build can `prepare` the folders it already knows (one per post) on a background thread while it
/// renders, then `finish`.
final class OutputWriter: @unchecked Sendable {
    /// The site folder, which the output must never replace or contain.
    let siteDirectory: URL
    /// The output folder, standardized.
    private let output: URL
    private let staging: URL
    /// Set once `prepare` or `finish` created the staging folder.
    private var stagingCreated = false

    init(outputDirectory: URL, siteDirectory: URL) {
        self.siteDirectory = siteDirectory
        output = outputDirectory.standardizedFileURL
        staging = output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
    }

    /// Creates the staging folder and `directories` in it (paths relative to the output, parents first), when the
    /// output folder may be replaced. Errors are left for `finish`, which creates whatever is missing.
    func prepare(_ directories: [String]) {
        guard (try? checkOutputIsSafeToReplace(output)) != nil, (try? createStaging()) != nil else { return }
        for directory in directories { _ = mkdir(staging.path + "/" + directory, 0o777) }
    }

    /// Removes the staging folder after a failed build.
    func discard() {
        if stagingCreated { removeTree(staging.path) }
    }

    /// Writes `files`, then swaps them in. Returns how many files were written.
    ///
    /// A file whose bytes equal the file at the same path in the previous output is hard-linked into the staging
    /// folder instead of written again: a rebuild that changes one post writes a handful of files, and unchanged
    /// files keep their modification times, which keeps `rsync`-style deploys small.
    func finish(_ files: [OutputFile]) throws -> Int {
        let fileManager = FileManager.default
        try checkOutputIsSafeToReplace(output)
        do {
            try createStaging()
            // Folders first, parents before children (sorted paths put "a" before "a/b"), then the files in parallel.
            var directories: Set<String> = []
            for file in files {
                var path = Substring(file.path)
                while let slash = path.lastIndex(of: "/") {
                    path = path[..<slash]
                    guard directories.insert(String(path)).inserted else { break }
                }
            }
            for directory in directories.sorted() where mkdir(staging.path + "/" + directory, 0o777) != 0 && errno != EEXIST {
                throw OutputError.system(path: directory, code: errno)
            }
            let previous = fileManager.fileExists(atPath: output.path) ? output.path + "/" : nil
            let staging = staging
            let failures = files.parallelMap { file -> OutputError? in
                let target = staging.path + "/" + file.path
                let code = file.contents.withUnsafeBytes { bytes -> Int32 in
                    if let previous, clinicpress_file_equals(previous + file.path, bytes.baseAddress, bytes.count) == 1,
                       link(previous + file.path, target) == 0 {
                        return 0
                    }
                    return clinicpress_write_file(target, bytes.baseAddress, bytes.count)
                }
                return code == 0 ? nil : OutputError.system(path: file.path, code: code)
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            try swapIntoPlace(staging: staging, output: output)
            stagingCreated = false
        } catch {
            discard()
            throw error
        }
        return files.count
    }

    /// Creates an empty staging folder (removing one a crashed build left), once.
    private func createStaging() throws {
        guard !stagingCreated else { return }
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        removeTree(staging.path)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        stagingCreated = true
    }

    /// Removes a folder tree with plain system calls (FileManager takes seconds on a site of 10,000 pages).
    private func removeTree(_ path: String) {
        _ = clinicpress_remove_tree(path)
    }

    private func swapIntoPlace(staging: URL, output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if clinicpress_exchange_paths(staging.path, output.path) == 0 {
            // `staging` now holds the previous output.
            removeTree(staging.path)
            return
        }
        // No atomic exchange on this file system: two renames, with a moment in between where the
        // output folder is missing, but never half-written.
        let previous = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".previous")
        removeTree(previous.path)
        try fileManager.moveItem(at: output, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: previous, to: output)
            throw error
        }
        removeTree(previous.path)
    }

    /// Refuses outputs whose replacement would destroy the site or unrelated files: the site folder itself, a
    /// folder that contains it, or an existing folder that does not look like a generated site.
    private func checkOutputIsSafeToReplace(_ output: URL) throws {
        let site = siteDirectory.standardizedFileURL.path
        let path = output.path
        if site == path || site.hasPrefix(path.hasSuffix("/") ? path : path + "/") {
            throw OutputError.unsafe(path: path, reason: "it is the site folder or contains it")
        }
        let fileManager = FileManager.default
        guard let contents = try? fileManager.contentsOfDirectory(atPath: path), !contents.isEmpty else { return }
        if !contents.contains("index.html") && !contents.contains("sitemap.xml") {
            throw OutputError.unsafe(path: path, reason: "it is not empty and does not look like a site ClinicPress built (no index.html)")
        }
    }
}

/// Why the output folder could not be written.
enum OutputError: Error, CustomStringConvertible {
    case unsafe(path: String, reason: String)
    /// A system call failed on a file of the output (a path relative to the output folder).
    case system(path: String, code: Int32)

    var description: String {
        switch self {
        case let .unsafe(path, reason): "refusing to replace \(path): \(reason); choose another --output folder"
        case let .system(path, code): "cannot write \(path): \(String(cString: strerror(code)))"
        }
    }
}
