import ArgumentParser
import ClinicPressModel
import ClinicPressSite
import Foundation

extension FailurePolicy: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into Public/ (or --output), replacing it atomically.",
        discussion: """
        The previous output stays untouched when anything fails. Two builds of the same input are byte-identical.
        The claim check runs on every build; its findings are summarised (run `clinicpress check` for the list) \
        and do not stop the build unless --fail-on (or --strict) says so.
        Exit codes: 0 built; 1 not built because of --fail-on or --strict (findings at the level it names); 2 not \
        built (errors in the input, an output folder that may not be replaced, bad arguments, a report that could \
        not be written).
        """
    )

    @OptionGroup var siteOption: SiteOption

    @Option(help: ArgumentHelp("Where to write the site (default: Public/ in the site folder). Only a missing or empty folder, or one ClinicPress built, is replaced.", valueName: "dir"))
    var output: String?

    @Flag(name: .customLong("force-output"), help: "Replace a non-empty --output folder that ClinicPress did not build, deleting what it holds (once: the build marks it). Never the site, its folders or a file.")
    var forceOutput = false

    @Flag(help: "Publish drafts and scheduled (future-dated) posts too.")
    var drafts = false

    @Flag(help: "The same as --fail-on warning: fail (exit 1, output untouched) on warnings or on claim findings at warning or error level.")
    var strict = false

    @Option(name: .customLong("fail-on"), help: ArgumentHelp("""
        When findings fail the build (exit 1, output untouched): error (claim findings at error level), warning (any warning too; the same as --strict) or never (the default: only errors in the input stop a build).
        """, valueName: "error|warning|never"))
    var failOn: FailurePolicy?

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Replace base_url from site.yaml.", valueName: "url"))
    var baseURL: String?

    @Flag(help: "Print nothing but errors, to standard error: no summary, no warnings, no progress.")
    var quiet = false

    @Option(help: ArgumentHelp("Write what the build did as JSON to this file (atomically), whether it succeeds or not: counts, findings by rule and severity, timings, a digest of the output.", valueName: "file"))
    var report: String?

    @Flag(help: "Print how long each stage took, to standard error.")
    var timings = false

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must be an absolute http(s) address, such as https://blog.example.com/")
        }
        if strict, let failOn, failOn != .warning {
            throw ValidationError("--strict is --fail-on warning and contradicts --fail-on \(failOn.rawValue): give one of them")
        }
        if quiet && timings {
            throw ValidationError("--quiet prints nothing but errors, and --timings prints times: give one of them (--report records the times)")
        }
        if let report {
            let reportPath = URL(fileURLWithPath: report).standardizedFileURL.path
            let outputPath = outputURL?.path ?? siteOption.url.appendingPathComponent("Public").path
            if reportPath == outputPath || reportPath.hasPrefix(outputPath + "/") {
                throw ValidationError("--report \(report) is inside the output folder, which the build replaces: write it elsewhere")
            }
        }
    }

    private var outputURL: URL? {
        output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
    }

    func run() throws {
        let started = DispatchTime.now()
        let site = siteOption.url
        let policy = failOn ?? (strict ? .warning : .never)
        var options = BuildOptions(siteDirectory: site, outputDirectory: outputURL, includeDrafts: drafts, baseURL: baseURL)
        options.failOn = policy
        options.forceOutput = forceOutput
        options.computeDigest = report != nil
        let outcome: BuildReportFile.Outcome
        do {
            let progress: SiteBuilder.Progress = quiet ? { _, _ in } : progressPrinter(stages: BuildStage.allCases)
            outcome = .built(try SiteBuilder.build(options, progress: progress))
        } catch let failure as StrictModeFailure {
            let threshold = failure.policy.threshold ?? .error
            let failing = DiagnosticReport(byFile: failure.report.findingsByFile.mapValues { $0.filter { $0.severity >= threshold } },
                                           adding: failure.report.warnings.filter { $0.severity >= threshold || failure.policy == .warning },
                                           siteDirectory: site)
            printError(failing.formatted(.text))
            let flag = failOn == nil ? "--strict" : "--fail-on \(policy.rawValue)"
            let level = threshold == .error ? "error level" : "warning or error level"
            printError("error: \(flag): \(failing.count) finding\(failing.count == 1 ? "" : "s") at \(level); the output was not replaced")
            outcome = .failed(failure.report, failure.policy)
        } catch let error as OutputError {
            printError(error.description)
            printError("error: the build was not written; the output folder was left untouched")
            outcome = .notWritten(error.description)
        } catch let error as DiagnosticsError {
            // Quiet: the errors alone; otherwise the warnings found with them too.
            let shown = quiet ? error.diagnostics.filter { $0.severity == .error } : error.diagnostics
            printError(DiagnosticReport(shown, siteDirectory: site).formatted(.text))
            printError("error: build failed with \(error.errors.count) error\(error.errors.count == 1 ? "" : "s"); the previous output was left untouched")
            outcome = .invalid(error.diagnostics)
        } catch {
            printError("error: \(error)")
            outcome = .notWritten("\(error)")
        }
        let destination = displayPath(options.outputDirectory, relativeTo: site)
        let file = BuildReportFile(outcome: outcome, siteDirectory: site, output: destination, failOn: policy,
                                   seconds: Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9,
                                   version: ClinicPressVersion.current)
        if let report {
            do {
                try file.write(to: URL(fileURLWithPath: report))
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
        guard case .built(let built) = outcome else { throw ExitCode(file.exitCode) }
        guard !quiet else { return }
        if !built.warnings.isEmpty {
            printError(DiagnosticReport(built.warnings, siteDirectory: site).formatted(.text))
        }
        print(summary(built, destination: destination))
        print(claimSummary(built))
        if timings {
            for line in timingLines(built.times, stages: BuildStage.allCases, total: built.seconds) { printError(line) }
        }
    }
}

/// "Built 9 posts, 37 pages in 0.09 s → Public/ (skipped 1 draft, 1 scheduled; --drafts to include), 2 warnings".
func summary(_ report: BuildReport, destination: String) -> String {
    var summary = "Built \(report.posts) post\(report.posts == 1 ? "" : "s"), \(report.pages) pages in \(String(format: "%.2f", report.seconds)) s → \(destination)"
    var skipped: [String] = []
    if report.skippedDrafts > 0 { skipped.append("\(report.skippedDrafts) draft\(report.skippedDrafts == 1 ? "" : "s")") }
    if report.skippedScheduled > 0 { skipped.append("\(report.skippedScheduled) scheduled") }
    if !skipped.isEmpty { summary += " (skipped \(skipped.joined(separator: ", ")); --drafts to include)" }
    if !report.warnings.isEmpty { summary += ", \(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s")" }
    return summary
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
