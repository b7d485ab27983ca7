import ClinicPressContent
import ClinicPressModel
import ClinicPressRender
import Foundation

/// `build --report FILE.json`: what a build did, as one JSON document a deploy script can read — whether the output was
/// written and why not, counts of pages, posts, skipped posts, claims and findings (by severity and by rule), each
/// stage's time and a digest of the files written. Keys are in a fixed order and lists are sorted, so two reports of
/// the same build differ only in `timings_ms`. The shape is documented in docs/deploy.md.
public struct BuildReportFile: Sendable {
    /// How the build ended.
    public enum Outcome: Sendable {
        /// The output was written.
        case built(BuildReport)
        /// The findings failed the `--fail-on` policy (or `--strict`): nothing was written (exit code 1).
        case failed(BuildReport, FailurePolicy)
        /// Errors in the input: nothing was written (exit code 2). The errors and any warnings found with them.
        case invalid([Diagnostic])
        /// The output folder could not be written, or may not be replaced (exit code 2), with the message printed.
        case notWritten(String)
    }

    /// How the build ended, with what it found.
    public var outcome: Outcome
    /// The site folder, for the source lines quoted with errors.
    public var siteDirectory: URL
    /// The output folder as the summary line shows it (`Public/`, or the full path when outside the site).
    public var output: String
    /// The `--fail-on` policy the build ran with.
    public var failOn: FailurePolicy
    /// The command's own wall time in seconds, for `timings_ms.total` when the build did not get far enough to time it.
    public var seconds: Double
    /// `clinicpress --version`.
    public var version: String

    /// A report of a build that ended with `outcome`.
    public init(outcome: Outcome, siteDirectory: URL, output: String, failOn: FailurePolicy, seconds: Double, version: String) {
        self.outcome = outcome
        self.siteDirectory = siteDirectory
        self.output = output
        self.failOn = failOn
        self.seconds = seconds
        self.version = version
    }

    /// The exit code of the build this report describes (the documented codes: 0, 1, 2).
    public var exitCode: Int32 {
        switch outcome {
        case .built: 0
        case .failed: 1
        case .invalid, .notWritten: 2
        }
    }

    /// The report, pretty-printed, ending in a newline.
    public var json: String {
        JSON.object(members).serialized(pretty: true) + "\n"
    }

    /// Writes the report to `url` atomically: a temporary file beside it, flushed, then renamed over it. A script
    /// reading the file sees the previous report or this one, never half of one.
    public func write(to url: URL) throws {
        do {
            try AtomicFile.write(json, replacing: url)
        } catch let failure as AtomicFile.Failure {
            throw ReportError(description: "cannot write the report: \(failure.description)")
        }
    }

    /// Why the report could not be written.
    public struct ReportError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    private var members: [JSON.Member] {
        var members: [JSON.Member] = [
            JSON.Member("generator", .string("clinicpress \(version)")),
            JSON.Member("status", .string(status)),
            JSON.Member("exit_code", .int(Int(exitCode))),
            JSON.Member("fail_on", .string(failOn.rawValue)),
            JSON.Member("output", .string(output)),
            JSON.Member("written", .bool(exitCode == 0)),
        ]
        switch outcome {
        case .built(let report), .failed(let report, _):
            members += [
                JSON.Member("base_url", .string(report.baseURL)),
                JSON.Member("posts", .int(report.posts)),
                JSON.Member("pages", .int(report.pages)),
                JSON.Member("files", .int(report.files)),
                JSON.Member("skipped", .object(["drafts": .int(report.skippedDrafts), "scheduled": .int(report.skippedScheduled)])),
                JSON.Member("claims", .object([
                    "found": .int(report.claims.claims), "cited": .int(report.claims.cited), "suppressed": .int(report.claims.suppressed),
                ])),
            ]
            let all = report.findingsByFile.keys.sorted().flatMap { report.findingsByFile[$0]! } + report.warnings
            members += findingCounts(all)
            members.append(JSON.Member("warnings", .int(report.warnings.count)))
            if case .failed(_, let policy) = outcome, let threshold = policy.threshold {
                members.append(JSON.Member("failing", .int(all.count { $0.severity >= threshold })))
            }
            members.append(JSON.Member("timings_ms", timings(report)))
            members.append(JSON.Member("output_digest", report.digest.map(JSON.string) ?? .null))
        case .invalid(let diagnostics):
            members += findingCounts(diagnostics)
            members.append(JSON.Member("warnings", .int(diagnostics.count { $0.severity != .error })))
            let errors = DiagnosticReport(diagnostics.filter { $0.severity == .error }, siteDirectory: siteDirectory)
            members.append(JSON.Member("errors", .array(errors.jsonFindings)))
            members.append(JSON.Member("timings_ms", .object(["total": .int(Self.milliseconds(seconds))])))
            members.append(JSON.Member("output_digest", .null))
        case .notWritten(let message):
            members.append(JSON.Member("message", .string(message)))
            members.append(JSON.Member("timings_ms", .object(["total": .int(Self.milliseconds(seconds))])))
            members.append(JSON.Member("output_digest", .null))
        }
        return members
    }

    /// `built`, `failed` (the policy), `invalid` (the input) or `not-written` (the output folder).
    private var status: String {
        switch outcome {
        case .built: "built"
        case .failed: "failed"
        case .invalid: "invalid"
        case .notWritten: "not-written"
        }
    }

    /// `findings` (how many at each severity, every severity present) and `findings_by_rule` (one entry per rule and
    /// severity, sorted by rule, then from error down).
    private func findingCounts(_ diagnostics: [Diagnostic]) -> [JSON.Member] {
        var bySeverity: [Diagnostic.Severity: Int] = [:]
        var byRule: [String: [Diagnostic.Severity: Int]] = [:]
        for diagnostic in diagnostics {
            bySeverity[diagnostic.severity, default: 0] += 1
            byRule[diagnostic.rule, default: [:]][diagnostic.severity, default: 0] += 1
        }
        let severities = Diagnostic.Severity.allCases.sorted(by: >)
        let rules = byRule.keys.sorted().flatMap { rule in
            severities.compactMap { severity in
                byRule[rule]![severity].map { count in
                    JSON.object(["rule": .string(rule), "severity": .string(severity.rawValue), "count": .int(count)])
                }
            }
        }
        return [
            JSON.Member("findings", .object(severities.map { JSON.Member($0.rawValue, .int(bySeverity[$0] ?? 0)) })),
            JSON.Member("findings_by_rule", .array(rules)),
        ]
    }

    /// Each stage's wall time, then the total, in whole milliseconds.
    private func timings(_ report: BuildReport) -> JSON {
        let stages = BuildStage.allCases.map { JSON.Member($0.key, .int(Self.milliseconds(report.times[$0]))) }
        return .object(stages + [JSON.Member("total", .int(Self.milliseconds(report.seconds > 0 ? report.seconds : seconds)))])
    }

    private static func milliseconds(_ seconds: Double) -> Int { Int((seconds * 1000).rounded()) }
}

extension BuildStage {
    /// The stage's name in reports: `load`, `parse`, `analyse`, `render`, `write`.
    public var key: String {
        switch self {
        case .load: "load"
        case .parse: "parse"
        case .analyse: "analyse"
        case .render: "render"
        case .write: "write"
        }
    }
}
