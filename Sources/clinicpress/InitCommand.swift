import ArgumentParser
import ClinicPressModel
import ClinicPressSite
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: site.yaml, the default Templates/ and a first post."
    )

    @Argument(help: ArgumentHelp("The folder for the new site (created when missing).", valueName: "dir"))
    var directory: String

    @Option(help: "The blog's title.")
    var title = "Our Clinic Blog"

    func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        do {
            let files = try Scaffold.initSite(at: url, title: title, today: .now)
            print("Created a site in \(directory) (\(files.count) files). Next:")
            print("  edit \(directory)/site.yaml, then run: clinicpress build --site \(directory)")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
