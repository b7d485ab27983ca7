import Foundation

/// Runs the built `clinicpress` binary, as a deploy script would, and captures what it prints.
struct CommandResult: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum ClinicPressBinary {
    /// `.build/<config>/clinicpress`, next to the test runner.
    static var url: URL {
        let runner = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = runner.deletingLastPathComponent()
        // On Linux the runner is `.build/debug/<Package>PackageTests.xctest`; on macOS it sits inside a bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("clinicpress").path), directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("clinicpress")
    }

    static func run(_ arguments: [String], in directory: URL? = nil) throws -> CommandResult {
        try runProcess(url, arguments, in: directory)
    }
}

/// Runs `executable` with `arguments`, in `directory`, with `environment` added to the test's, and captures what it
/// prints.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so a chatty process cannot block on a full pipe.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}
