import ArgumentParser
import ClinicPressSite
import Foundation

/// `clinicpress`: the command line. Each subcommand parses its flags and calls into ClinicPressSite.
@main
struct ClinicPressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clinicpress",
        abstract: "A static site generator for clinic blogs: checks health claims, moderates comments, links series.",
        discussion: """
        Exit codes: 0 success; 1 findings at error level (or warnings with --strict); 2 the command could not run \
        (bad input or bad arguments).
        """,
        version: ClinicPressVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, CommentsCommand.self, IntakeCommand.self, InitCommand.self, NewCommand.self]
    )

    /// Argument errors exit with 2, as the documented exit codes say (ArgumentParser would use 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// `--site DIR`, shared by the commands that read a site.
struct SiteOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder (with site.yaml and Posts/).", valueName: "dir"))
    var site: String = "."

    var url: URL { URL(fileURLWithPath: site, isDirectory: true).standardizedFileURL }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
}
