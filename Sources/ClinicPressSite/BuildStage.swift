import Foundation

/// The build, as an ordered list of stages. `check` runs the first three.
public enum BuildStage: Int, CaseIterable, Sendable {
    /// `site.yaml`, `references.yaml`, the posts with their front matter, the comment files and the templates.
    case load
    /// Each post's Markdown into a tree (`ParseStage`).
    case parse
    /// Links, series references, claims and citations, read from the trees (`AnalyseStage`).
    case analyse
    /// Post bodies (`RenderStage`), then every page, feed and sitemap (`SiteRenderer`). A one-shot build writes each
    /// into the staging folder as soon as it is made, so this stage's time includes writing them.
    case render
    /// The rest of the output (`static/`, the stamp), then the output folder replaced atomically (`OutputWriter`).
    case write

    /// The stages `check` runs.
    public static let checkStages: [BuildStage] = [.load, .parse, .analyse]

    /// What the stage does, for progress lines: `[2/5] Parsing Markdown`.
    public var title: String {
        switch self {
        case .load: "Loading site.yaml, posts and comments"
        case .parse: "Parsing Markdown"
        case .analyse: "Checking claims, links and series"
        case .render: "Rendering pages"
        case .write: "Writing output"
        }
    }
}

/// How long each stage took, in wall-clock seconds. The per-post stages run over chunks of posts in turn (so that
/// only one chunk's trees are in memory at once), and each stage's time is the sum over the chunks.
public struct StageTimes: Sendable {
    public private(set) var seconds = Array(repeating: 0.0, count: BuildStage.allCases.count)

    /// No time yet.
    public init() {}

    public subscript(stage: BuildStage) -> Double { seconds[stage.rawValue] }

    /// Runs `work`, adding its wall time to `stage`.
    mutating func measure<Result>(_ stage: BuildStage, _ work: () throws -> Result) rethrows -> Result {
        let start = DispatchTime.now()
        defer { seconds[stage.rawValue] += Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
        return try work()
    }
}
