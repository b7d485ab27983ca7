import Foundation

/// `--commit`: records each accepted comment in the site's git repository, one commit per comment, one at a time.
/// Git runs as a process with explicit arguments (no shell), in the site folder.
actor GitCommitter {
    /// Why `--commit` cannot be used.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
    }

    let siteDirectory: URL

    /// Checks that `siteDirectory` is inside a git work tree and that git knows who commits.
    /// - Throws: `Refusal`, saying what to do.
    init(siteDirectory: URL) throws {
        self.siteDirectory = siteDirectory
        let inside = Self.git(["rev-parse", "--is-inside-work-tree"], in: siteDirectory)
        guard inside.status == 0, inside.output.trimmingCharacters(in: .whitespacesAndNewlines) == "true" else {
            let why = inside.launchFailure ?? "\(siteDirectory.path) is not in a git repository"
            throw Refusal(description: "--commit needs the site in a git repository: \(why); run `git init` there, or leave out --commit")
        }
        let identity = Self.git(["var", "GIT_COMMITTER_IDENT"], in: siteDirectory)
        guard identity.status == 0 else {
            throw Refusal(description: "--commit needs a git identity for the commits: set one with `git -C \(siteDirectory.path) config user.name \"Comment intake\"` and `… config user.email intake@example.com`")
        }
    }

    /// `git add` and `git commit` of the one file `path` (relative to the site), with `message`. Only that file is
    /// committed, whatever else is staged. A failure is returned as git's message (the comment stays on disk).
    func commit(_ path: String, message: String) async -> String? {
        let site = siteDirectory
        let result = try? await Blocking.run { () -> (Int32, String) in
            // Another git command (a moderator's) may hold the index lock for a moment: try again briefly.
            var last = (status: Int32(0), output: "")
            for attempt in 0..<3 {
                if attempt > 0 { usleep(200_000) }
                let added = Self.git(["add", "--", path], in: site)
                last = (added.status, added.output)
                guard added.status == 0 else { continue }
                let committed = Self.git(["commit", "--quiet", "-m", message, "--", path], in: site)
                last = (committed.status, committed.output)
                if committed.status == 0 { return (0, "") }
            }
            return last
        }
        guard let result else { return "git could not be run" }
        return result.0 == 0 ? nil : result.1.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `git -C <folder> <arguments>`; its status and combined output.
    static func git(_ arguments: [String], in folder: URL) -> (status: Int32, output: String, launchFailure: String?) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return (-1, "", "git cannot be run (\(error.localizedDescription))")
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let status = process.terminationStatus
        // `env` exits 127 when there is no git.
        return (status, String(decoding: output, as: UTF8.self), status == 127 ? "git is not installed" : nil)
    }
}
