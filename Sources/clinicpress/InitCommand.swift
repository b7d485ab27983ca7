import ArgumentParser
import ClinicPressModel
import ClinicPressSite
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: site.yaml, the default Templates/ and a first post.",
        discussion: """
        On a terminal, init asks for the address and the clinic's name when they are not given; otherwise it writes \
        a placeholder address (build warns until it is replaced) and leaves the clinic's name out (the title is used).
        """
    )

    @Argument(help: ArgumentHelp("The folder for the new site (created when missing).", valueName: "dir"))
    var directory: String

    @Option(help: "The blog's title.")
    var title = "Our Clinic Blog"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("The address the site will be published at, such as https://blog.yourclinic.com/.", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("The clinic's name, for the header, the footer and search engines (default: the title).", valueName: "name"))
    var clinic: String?

    func validate() throws {
        if let baseURL, case .failure(let failure) = Scaffold.normalizedBaseURL(baseURL) {
            throw ValidationError("--base-url: \(failure.description)")
        }
        if let clinic, clinic.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--clinic needs a name")
        }
    }

    func run() throws {
        let url = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        var baseURL = try baseURL.map { try Scaffold.normalizedBaseURL($0).get() }
        var clinic = clinic?.trimmingCharacters(in: .whitespaces)
        // Questions only for a person: never when input or output is a pipe (scripts, CI, tests).
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1, baseURL == nil || clinic == nil,
           !FileManager.default.fileExists(atPath: url.appendingPathComponent("site.yaml").path) {
            (baseURL, clinic) = Scaffold.askForMissing(baseURL: baseURL, clinic: clinic, ask: { question in
                print(question, terminator: "")
                return readLine()
            }, tell: { print($0) })
        }
        do {
            let files = try Scaffold.initSite(at: url, title: title, baseURL: baseURL, clinic: clinic, today: .now)
            print("Created a site in \(directory) (\(files.count) files). Next:")
            if baseURL == nil {
                print("  set base_url in \(directory)/site.yaml to the address the site will be published at,")
                print("  then run: clinicpress build --site \(directory)")
            } else {
                print("  edit \(directory)/site.yaml, then run: clinicpress build --site \(directory)")
            }
            print("  to publish on GitHub Pages: .github/workflows/clinicpress.yml (see ClinicPress's docs/deploy.md)")
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
