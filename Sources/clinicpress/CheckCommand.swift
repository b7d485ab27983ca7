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
        Exit codes: 0 clean; 1 findings at error level (or warnings with --strict); 2 the site could not be read \
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

    @Flag(help: "Print how long each stage took, to standard error.")
    var timings = false

    func run() throws {
        let started = DispatchTime.now()
        let site = siteOption.url
        let report: DiagnosticReport
        let status: Int32
        var times = StageTimes()
        do {
            let check = try SiteBuilder.check(BuildOptions(siteDirectory: site, includeDrafts: drafts),
                                              progress: progressPrinter(stages: BuildStage.checkStages))
            times = check.times
            var checked = DiagnosticReport(byFile: check.findingsByFile, adding: check.warnings, siteDirectory: site)
            checked.reviews = check.reviews
            report = checked
            // A site that loaded has no error but claim findings; their counts decide (strict: with the warnings).
            let warnings = check.claims.warnings + check.warnings.count { $0.severity == .warning }
            status = check.claims.errors > 0 || (strict && warnings > 0) ? 1 : 0
        } catch let error as DiagnosticsError {
            report = DiagnosticReport(error.diagnostics, siteDirectory: site)
            status = error.diagnostics.contains(where: \.isInputError) ? 2 : 1
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let reporting = DispatchTime.now()
        if format == .text && report.count == 0 {
            print("No problems found.")
        } else {
            fflush(nil)
            report.write(format) { bytes in try? FileHandle.standardOutput.write(contentsOf: bytes) }
        }
        if timings {
            fflush(nil)
            let now = DispatchTime.now().uptimeNanoseconds
            for line in timingLines(times, stages: BuildStage.checkStages,
                                    more: [("Writing the report", Double(now - reporting.uptimeNanoseconds) / 1e9)],
                                    total: Double(now - started.uptimeNanoseconds) / 1e9) {
                printError(line)
            }
        }
        // The process ends here, as compilers do: freeing a large site's findings one by one (hundreds of
        // thousands of them) would take longer than printing them. `exit` flushes standard output.
        Foundation.exit(status)
    }
}
