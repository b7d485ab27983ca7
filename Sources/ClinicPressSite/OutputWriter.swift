import CSystemShims
import ClinicPressModel
import Foundation

/// Writes the generated files into a staging folder beside the output folder, then swaps it into place in
/// one atomic step. A build that fails at any point leaves the previous output exactly as it was, and a
/// deploy script or web server never sees a half-written site.
struct OutputWriter {
    let outputDirectory: URL
    /// The site folder, which the output must never replace or contain.
    let siteDirectory: URL

    /// Writes `files`, then swaps them in. Returns how many files were written.
    func write(_ files: [OutputFile]) throws -> Int {
        let fileManager = FileManager.default
        let output = outputDirectory.standardizedFileURL
        try checkOutputIsSafeToReplace(output)
        let parent = output.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)

        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? fileManager.removeItem(at: staging)
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var createdDirectories: Set<String> = [""]
            for file in files {
                let directory = file.path.split(separator: "/").dropLast().joined(separator: "/")
                if !createdDirectories.contains(directory) {
                    try fileManager.createDirectory(at: staging.appendingPathComponent(directory), withIntermediateDirectories: true)
                    createdDirectories.insert(directory)
                }
                try Data(file.contents).write(to: staging.appendingPathComponent(file.path))
            }
            try swapIntoPlace(staging: staging, output: output)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        return files.count
    }

    private func swapIntoPlace(staging: URL, output: URL) throws {
        let fileManager = FileManager.default
        guard fileManager.fileExists(atPath: output.path) else {
            try fileManager.moveItem(at: staging, to: output)
            return
        }
        if clinicpress_exchange_paths(staging.path, output.path) == 0 {
            // `staging` now holds the previous output.
            try fileManager.removeItem(at: staging)
            return
        }
        // No atomic exchange on this file system: two renames, with a moment in between where the
        // output folder is missing, but never half-written.
        let previous = staging.deletingLastPathComponent().appendingPathComponent(staging.lastPathComponent + ".previous")
        try? fileManager.removeItem(at: previous)
        try fileManager.moveItem(at: output, to: previous)
        do {
            try fileManager.moveItem(at: staging, to: output)
        } catch {
            try? fileManager.moveItem(at: previous, to: output)
            throw error
        }
        try? fileManager.removeItem(at: previous)
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

    var description: String {
        switch self {
        case let .unsafe(path, reason): "refusing to replace \(path): \(reason); choose another --output folder"
        }
    }
}
