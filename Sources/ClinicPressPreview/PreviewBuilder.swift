import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation
import Synchronization

/// Builds the site for the preview server: drafts and scheduled posts included and badged, pending comments shown,
/// every page given the live-reload script, and post pages given the claim overlay. A failed build becomes an
/// error page with each diagnostic and the source lines around it.
///
/// One `IncrementalBuild` does the building, told what the file watcher saw; the pages it reports made again
/// (`BuildReport.changedFiles`) are the only ones decorated again.
public struct PreviewBuilder: Sendable {
    public let siteDirectory: URL
    /// The address the preview is served at, so canonical and asset URLs point at it.
    public let baseURL: String
    /// The build, kept from one rebuild to the next.
    private let incremental: IncrementalBuild
    private let decorations = Decorations()

    public init(siteDirectory: URL, baseURL: String) {
        self.siteDirectory = siteDirectory
        self.baseURL = baseURL
        var options = BuildOptions(siteDirectory: siteDirectory, includeDrafts: true, baseURL: baseURL)
        options.preview = true
        incremental = IncrementalBuild(options)
    }

    /// What one rebuild produced.
    public enum Outcome: Sendable {
        case built(files: [OutputFile], report: BuildReport)
        case failed(html: String, diagnostics: [Diagnostic])
    }

    /// Builds after `changes`, what the file watcher reported since the last build (the first build builds
    /// everything whatever it is told); `generation` goes into the live-reload script. `now` decides which posts are
    /// scheduled.
    public func build(generation: String, changes: SiteChanges = .everything, now: Timestamp = .now) -> Outcome {
        do {
            let (files, report) = try incremental.build(changes, now: now)
            let links = PreviewOverlay.Links(siteDirectory: siteDirectory, editor: incremental.editor())
            return .built(files: decorations.decorate(files, report: report, generation: generation, links: links), report: report)
        } catch let error as DiagnosticsError {
            return .failed(html: ErrorPage.html(error.diagnostics, siteDirectory: siteDirectory, generation: generation), diagnostics: error.diagnostics)
        } catch {
            let diagnostic = Diagnostic.error("\(error)", at: SourceLocation(file: "site.yaml"), rule: "io")
            return .failed(html: ErrorPage.html([diagnostic], siteDirectory: siteDirectory, generation: generation), diagnostics: [diagnostic])
        }
    }

    /// Every post of the last successful build with what it needs (`/_review`); nil before the first. Made when asked
    /// for, and it waits for a build that is running.
    public func overview() -> SiteOverview? { incremental.overview() }

    /// The files the last successful build changed, decorations included, when it knows them; nil means any file
    /// may have changed.
    public var lastChangedPaths: [String]? { decorations.changedPaths }

    /// `posts/a/index.html` → `posts/a/`, the form `BuildReport.postPaths` uses.
    static func pagePath(_ filePath: String) -> String {
        filePath.hasSuffix("index.html") ? String(filePath.dropLast("index.html".count)) : filePath
    }

    /// What the editor overlays list: on a post's page its findings and the warnings about its file; on the home page
    /// the warnings about other files (site.yaml, a comment).
    struct OverlayFindings {
        let report: BuildReport
        private let warningsByFile: [String: [Diagnostic]]

        init(_ report: BuildReport) {
            self.report = report
            warningsByFile = Dictionary(grouping: report.warnings, by: \.location.file)
        }

        func ofPost(_ source: String) -> [Diagnostic] {
            (report.findingsByFile[source] ?? []) + (warningsByFile[source] ?? [])
        }

        var ofHomePage: [Diagnostic] {
            report.warnings.filter { report.postPaths[$0.location.file] == nil }
        }
    }

    /// The decorated pages of the last successful build. After a build that names the files it changed
    /// (`BuildReport.changedFiles`), those are decorated again (and the home page, when the warnings it lists
    /// changed), and every other page is the last build's decorated page. After a build that rendered every page, a
    /// page whose HTML and findings are what they were keeps its decorated copy (the overlay of a post with many
    /// findings takes longer to make than the comparison).
    private final class Decorations: Sendable {
        /// A page as rendered, its findings, and the page decorated.
        private struct Page {
            var html: [UInt8]
            var findings: [Diagnostic]
            var decorated: OutputFile
        }

        private struct Last {
            /// The decorated output, in the build's order, and where each file is.
            var files: [OutputFile]
            var positions: [String: Int]
            var pages: [String: Page]
            /// The post file each post page shows, by page path (`posts/a/`).
            var sourceByPage: [String: String]
            var homeFindings: [Diagnostic]
            var generation: String
            var links: PreviewOverlay.Links
            var changedPaths: [String]?
        }

        private let last = Mutex<Last?>(nil)

        var changedPaths: [String]? { last.withLock { $0?.changedPaths } }

        func decorate(_ files: [OutputFile], report: BuildReport, generation: String, links: PreviewOverlay.Links) -> [OutputFile] {
            let overlays = OverlayFindings(report)
            let homeFindings = overlays.ofHomePage
            return last.withLock { last in
                // Taken out, so that it alone holds its files and replacing some is done in place.
                // A new editor setting changes every panel's links: every page is decorated again.
                var next = last.take().flatMap { $0.generation == generation && $0.links == links ? $0 : nil }
                    ?? Last(files: [], positions: [:], pages: [:], sourceByPage: [:], homeFindings: [], generation: generation, links: links)
                var pages = next.pages
                next.pages = [:]
                // The files the build changed, when it knows them and there is a last output to change.
                let known = next.files.isEmpty ? nil : report.changedFiles
                // Posts keep their pages while the build knows what changed (a post's address changes only in a build
                // of every post).
                let sourceByPage = known == nil
                    ? Dictionary(report.postPaths.map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) : next.sourceByPage
                func decorate(_ file: OutputFile) -> OutputFile {
                    guard file.path.hasSuffix(".html") else { return file }
                    let findings = Self.findings(of: file.path, sourceByPage, overlays, homeFindings)
                    if let page = pages[file.path], page.html == file.contents, page.findings == findings { return page.decorated }
                    let decorated = Self.page(file, findings: findings, generation: generation, links: links)
                    pages[file.path] = Page(html: file.contents, findings: findings, decorated: decorated)
                    return decorated
                }
                if let changed = known {
                    var paths = Set(changed)
                    if homeFindings != next.homeFindings { paths.insert(SitePaths.home(page: 1) + "index.html") }
                    if files.count == next.files.count, paths.allSatisfy({ next.positions[$0] != nil }) {
                        // The same files as last time: the changed ones replaced in place.
                        for path in paths {
                            let position = next.positions[path]!
                            let decorated = decorate(files[position])
                            next.files[position] = decorated
                        }
                    } else {
                        // Files added or removed (a tag page): the last build's decorated pages, by path, for the others.
                        let (previous, positions) = (next.files, next.positions)
                        next.files = files.map { file in
                            guard !paths.contains(file.path), let position = positions[file.path] else { return decorate(file) }
                            return previous[position]
                        }
                        next.positions = Self.positions(of: next.files)
                    }
                    next.changedPaths = paths.sorted()
                } else {
                    next.files = files.map(decorate)
                    next.positions = Self.positions(of: next.files)
                    if pages.count > next.files.count { pages = pages.filter { next.positions[$0.key] != nil } }
                    next.changedPaths = nil
                }
                next.pages = pages
                next.sourceByPage = sourceByPage
                next.homeFindings = homeFindings
                last = next
                return next.files
            }
        }

        private static func positions(of files: [OutputFile]) -> [String: Int] {
            Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }

        private static func findings(of path: String, _ sourceByPage: [String: String], _ overlays: OverlayFindings, _ home: [Diagnostic]) -> [Diagnostic] {
            let page = PreviewBuilder.pagePath(path)
            if page == SitePaths.home(page: 1) { return home }
            return sourceByPage[page].map(overlays.ofPost) ?? []
        }

        /// An HTML page with the overlay of its findings and the live-reload script.
        private static func page(_ file: OutputFile, findings: [Diagnostic], generation: String, links: PreviewOverlay.Links) -> OutputFile {
            let overlay = findings.isEmpty ? "" : PreviewOverlay.claims(findings, links: links)
            let body = PreviewBuilder.insertBeforeBodyEnd(file.contents, overlay + LiveReload.script(generation: generation))
            return OutputFile(path: file.path, contents: overlay.isEmpty ? body : PreviewBuilder.insertBeforeHeadEnd(body, PreviewOverlay.headStyle))
        }
    }

    /// `html` with `addition` before its first `</head>`, or unchanged when it has none (a theme without a head: the
    /// panel then goes unstyled rather than making the page invalid).
    static func insertBeforeHeadEnd(_ html: [UInt8], _ addition: String) -> [UInt8] {
        let end = Array("</head>".utf8)
        guard html.count >= end.count,
              let start = (0...(html.count - end.count)).first(where: { html[$0..<($0 + end.count)].elementsEqual(end) }) else { return html }
        return Array(html[..<start]) + Array(addition.utf8) + Array(html[start...])
    }

    /// `html` with `addition` before its last `</body>`, or at its end when it has none.
    static func insertBeforeBodyEnd(_ html: [UInt8], _ addition: String) -> [UInt8] {
        let end = Array("</body>".utf8)
        var start = html.count - end.count
        while start >= 0, !html[start..<(start + end.count)].elementsEqual(end) { start -= 1 }
        let split = start >= 0 ? start : html.count
        var result: [UInt8] = []
        result.reserveCapacity(html.count + addition.utf8.count)
        result += html[..<split]
        result += addition.utf8
        result += html[split...]
        return result
    }
}

/// The script every preview page gets: it listens to the server's change events and reloads the page when its
/// own output changed (or everything did), and reconnects when the server restarts.
enum LiveReload {
    static let eventsPath = "/__clinicpress/events"

    static func script(generation: String) -> String {
        """
        <script>/* ClinicPress live reload (preview only) */
        (() => {
          const generation = "\(generation)";
          const here = decodeURIComponent(location.pathname);
          let source;
          const connect = () => {
            source = new EventSource("\(eventsPath)");
            source.addEventListener("hello", (event) => { if (event.data !== generation) location.reload(); });
            source.addEventListener("change", (event) => {
              const change = JSON.parse(event.data);
              if (change.paths.includes("*") || change.paths.includes(here) || change.paths.includes(here + "index.html")) location.reload();
            });
            source.onerror = () => { source.close(); setTimeout(connect, 300); };
          };
          connect();
        })();
        </script>

        """
    }
}
