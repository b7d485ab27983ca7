import ArgumentParser
import ClinicPressModel
import ClinicPressSite
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into Public/ (or --output), replacing it atomically.",
        discussion: """
        The previous output stays untouched when anything fails. Two builds of the same input are byte-identical.
        The claim check runs on every build; its findings are summarised (run `clinicpress check` for the list) \
        and do not stop the build unless --strict.
        Exit codes: 0 built; 1 not built because of --strict (warnings, or claim findings at warning or error \
        level); 2 not built (errors in the input).
        """
    )

    @OptionGroup var siteOption: SiteOption

    @Option(help: ArgumentHelp("Where to write the site (default: Public/ in the site folder). Only a missing or empty folder, or one ClinicPress built, is replaced.", valueName: "dir"))
    var output: String?

    @Flag(name: .customLong("force-output"), help: "Replace a non-empty --output folder that ClinicPress did not build, deleting what it holds (once: the build marks it). Never the site, its folders or a file.")
    var forceOutput = false

    @Flag(help: "Publish drafts and scheduled (future-dated) posts too.")
    var drafts = false

    @Flag(help: "Fail (exit 1, output untouched) on warnings or on claim findings at warning or error level.")
    var strict = false

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Replace base_url from site.yaml.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Print how long each stage took, to standard error.")
    var timings = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must be an absolute http(s) address, such as https://blog.example.com/")
        }
    }

    func run() throws {
        let site = siteOption.url
        let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        var options = BuildOptions(siteDirectory: site, outputDirectory: outputURL, includeDrafts: drafts, baseURL: baseURL, strict: strict)
        options.forceOutput = forceOutput
        let report: BuildReport
        do {
            report = try SiteBuilder.build(options, progress: progressPrinter(stages: BuildStage.allCases))
        } catch let failure as StrictModeFailure {
            let failing = DiagnosticReport(byFile: failure.report.findingsByFile.mapValues { $0.filter { $0.severity >= .warning } },
                                           adding: failure.report.warnings, siteDirectory: site)
            printError(failing.formatted(.text))
            printError("error: --strict: \(failing.count) finding\(failing.count == 1 ? "" : "s") at warning or error level; the output was not replaced")
            throw ExitCode(1)
        } catch let error as OutputError {
            printError(error.description)
            printError("error: the build was not written; the output folder was left untouched")
            throw ExitCode(2)
        } catch let error as DiagnosticsError {
            printError(DiagnosticReport(error.diagnostics, siteDirectory: site).formatted(.text))
            printError("error: build failed with \(error.errors.count) error\(error.errors.count == 1 ? "" : "s"); the previous output was left untouched")
            throw ExitCode(2)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        if !report.warnings.isEmpty {
            printError(DiagnosticReport(report.warnings, siteDirectory: site).formatted(.text))
        }
        let destination = displayPath(options.outputDirectory, relativeTo: site)
        var summary = "Built \(report.posts) post\(report.posts == 1 ? "" : "s"), \(report.pages) pages in \(String(format: "%.2f", report.seconds)) s → \(destination)"
        var skipped: [String] = []
        if report.skippedDrafts > 0 { skipped.append("\(report.skippedDrafts) draft\(report.skippedDrafts == 1 ? "" : "s")") }
        if report.skippedScheduled > 0 { skipped.append("\(report.skippedScheduled) scheduled") }
        if !skipped.isEmpty { summary += " (skipped \(skipped.joined(separator: ", ")); --drafts to include)" }
        if !report.warnings.isEmpty { summary += ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")" }
        print(summary)
        print(claimSummary(report))
        if timings {
            for line in timingLines(report.times, stages: BuildStage.allCases, total: report.seconds) { printError(line) }
        }
    }
}

/// "Claims: 41 found, 18 cited, 1 suppressed; 22 uncited (15 errors, 7 warnings) — details: clinicpress check".
func claimSummary(_ report: BuildReport) -> String {
    let errors = report.claims.errors, warnings = report.claims.warnings
    var line = "Claims: \(report.claims.claims) found, \(report.claims.cited) cited"
    if report.claims.suppressed > 0 { line += ", \(report.claims.suppressed) suppressed" }
    if errors + warnings > 0 {
        line += "; \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") — run `clinicpress check` for the list"
    }
    return line
}

/// `Public/` for a folder inside the site, the full path otherwise.
func displayPath(_ url: URL, relativeTo site: URL) -> String {
    let path = url.standardizedFileURL.path
    let base = site.standardizedFileURL.path + "/"
    return path.hasPrefix(base) ? String(path.dropFirst(base.count)) + "/" : path + "/"
}
