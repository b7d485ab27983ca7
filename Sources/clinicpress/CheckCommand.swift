import ArgumentParser
import ClinicPressModel
import ClinicPressSite
import Foundation

extension DiagnosticReport.Format: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without writing anything: health claims and their citations, links, front matter, templates.",
        discussion: """
        Formats: text (file:line:column: severity: message [rule]), json ({"findings": [...]}), github (workflow annotations).
        Exit codes: 0 clean; 1 findings at error level (or warnings with --strict); 2 the site could not be read
        (malformed front matter or site.yaml, broken templates, bad arguments).
        """
    )

    @OptionGroup var siteOption: SiteOption

    @Option(help: "Output format: text, json or github.")
    var format: DiagnosticReport.Format = .text

    @Flag(help: "Exit with 1 on warnings too (info-level findings never fail).")
    var strict = false

    @Flag(help: "Check drafts and scheduled posts too, as if they were published.")
    var drafts = false

    func run() throws {
        let site = siteOption.url
        var diagnostics: [Diagnostic]
        do {
            var options = BuildOptions(siteDirectory: site, includeDrafts: drafts)
            options.renderPages = false
            let report = try SiteBuilder.render(options).report
            diagnostics = report.warnings + report.findings
        } catch let error as DiagnosticsError {
            diagnostics = error.diagnostics
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let report = DiagnosticReport(diagnostics, siteDirectory: site).formatted(format)
        if format == .text && diagnostics.isEmpty {
            print("No problems found.")
        } else {
            print(report, terminator: "")
        }
        if diagnostics.contains(where: \.isInputError) {
            throw ExitCode(2)
        }
        if diagnostics.containsErrors || (strict && diagnostics.contains { $0.severity >= .warning }) {
            throw ExitCode(1)
        }
    }
}
