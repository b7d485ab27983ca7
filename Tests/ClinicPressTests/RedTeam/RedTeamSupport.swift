import Foundation

/// Runs the built `clinicpress` for red-team tests: with a deadline (the failures these tests guard against include
/// hangs), optionally as the unprivileged user `nobody` (tests run as root, whom `chmod 000` does not stop).
enum RedTeam {
    /// The result of a run, or nil when it did not end before the deadline (the process is killed then).
    static func run(_ arguments: [String], asNobody: Bool = false, deadline seconds: Double = 30) throws -> CommandResult? {
        let process = Process()
        if asNobody {
            process.executableURL = URL(fileURLWithPath: setpriv)
            process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", ClinicPressBinary.url.path] + arguments
        } else {
            process.executableURL = ClinicPressBinary.url
            process.arguments = arguments
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("clinicpress-redteam-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path + ".out", contents: nil)
        _ = FileManager.default.createFile(atPath: out.path + ".err", contents: nil)
        defer {
            try? FileManager.default.removeItem(atPath: out.path + ".out")
            try? FileManager.default.removeItem(atPath: out.path + ".err")
        }
        // Files, not pipes: a hung process must not also hang the test on a full pipe.
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out.path + ".out"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: out.path + ".err"))
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        guard finished.wait(timeout: .now() + seconds) == .success else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        let stdout = (try? String(contentsOfFile: out.path + ".out", encoding: .utf8)) ?? ""
        let stderr = (try? String(contentsOfFile: out.path + ".err", encoding: .utf8)) ?? ""
        return CommandResult(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    static let setpriv = "/usr/bin/setpriv"

    /// True when folders can be made unreadable for the binary: we are root (so `nobody` exists to switch to) and
    /// `setpriv` is installed.
    static var canRunAsNobody: Bool {
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv)
    }

    /// A site with `site.yaml` and the given files (path → text).
    static func site(_ files: [String: String]) -> TemporaryDirectory {
        let site = TemporaryDirectory()
        site.write("site.yaml", "title: \"Test Blog\"\nbase_url: \"https://test.example/\"\n")
        try! FileManager.default.createDirectory(at: site.url.appendingPathComponent("Posts"), withIntermediateDirectories: true)
        for (path, text) in files { site.write(path, text) }
        return site
    }

    /// A post file's text: front matter with `title` and any other lines, then `body`.
    static func post(_ title: String, _ frontMatter: String = "", body: String = "Body.\n") -> String {
        "---\ntitle: \"\(title)\"\n\(frontMatter)---\n\(body)"
    }
}
