import ClinicPressSite
import Foundation

/// `[2/5] Parsing Markdown (10000 posts)`: what a long build or check is doing, on standard error, for sites with at
/// least `threshold` posts (smaller ones finish before anyone wonders).
func progressPrinter(stages: [BuildStage], threshold: Int = 500) -> SiteBuilder.Progress {
    { stage, posts in
        guard posts >= threshold, let index = stages.firstIndex(of: stage) else { return }
        printError("[\(index + 1)/\(stages.count)] \(stage.title) (\(posts) post\(posts == 1 ? "" : "s"))")
    }
}

/// `--timings`: one line per stage with its wall time, then the total, aligned (`Parsing Markdown   0.41 s`).
func timingLines(_ times: StageTimes, stages: [BuildStage], more: [(name: String, seconds: Double)] = [], total: Double) -> [String] {
    let rows = stages.map { ($0.title, times[$0]) } + more.map { ($0.name, $0.seconds) } + [("Total", total)]
    let width = rows.map(\.0.count).max() ?? 0
    return rows.map { name, seconds in name.padding(toLength: width, withPad: " ", startingAt: 0) + String(format: "  %6.2f s", seconds) }
}
