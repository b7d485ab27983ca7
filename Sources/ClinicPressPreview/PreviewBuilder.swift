import ClinicPressContent
import ClinicPressModel
import ClinicPressSite
import Foundation

/// Builds the site for the preview server: drafts and scheduled posts included and badged, pending comments shown,
/// every page given the live-reload script, and post pages given the claim overlay. A failed build becomes an
/// error page with each diagnostic and the source lines around it.
public struct PreviewBuilder: Sendable {
    public let siteDirectory: URL
    /// The address the preview is served at, so canonical and asset URLs point at it.
    public let baseURL: String
    public let cache = BuildCache()
    private let decorations = Decorations()

    public init(siteDirectory: URL, baseURL: String) {
        self.siteDirectory = siteDirectory
        self.baseURL = baseURL
    }

    /// What one rebuild produced.
    public enum Outcome: Sendable {
        case built(files: [OutputFile], report: BuildReport)
        case failed(html: String, diagnostics: [Diagnostic])
    }

    /// Builds once; `generation` goes into the live-reload script. `changes` are what the file watcher reported since
    /// the last build: only the posts and comment folders they name are read again. Nil means not known: every file
    /// is read again.
    public func build(generation: String, changes: [SiteChange]? = nil) -> Outcome {
        if let changes { cache.content.invalidate(changes) } else { cache.content.invalidateAll() }
        var options = BuildOptions(siteDirectory: siteDirectory, includeDrafts: true, baseURL: baseURL)
        options.preview = true
        do {
            let (files, report) = try SiteBuilder.render(options, cache: cache)
            let overlays = OverlayFindings(report)
            // After the build's fast path, only the files it replaced need decorating again.
            if let replaced = cache.lastChangedFiles,
               let decorated = decorations.update(replaced, of: files, findings: overlays.ofPost, generation: generation) {
                return .built(files: decorated, report: report)
            }
            var findingsByPage = [SitePaths.home(page: 1): overlays.ofHomePage]
            for (source, page) in report.postPaths { findingsByPage[page] = overlays.ofPost(source) }
            let decorated = files.map { file -> OutputFile in
                guard file.path.hasSuffix(".html") else { return file }
                return decorations.page(file, findings: findingsByPage[Self.pagePath(file.path)] ?? [], generation: generation)
            }
            decorations.remember(decorated, sourceByPage: Dictionary(report.postPaths.map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
            return .built(files: decorated, report: report)
        } catch let error as DiagnosticsError {
            return .failed(html: ErrorPage.html(error.diagnostics, siteDirectory: siteDirectory, generation: generation), diagnostics: error.diagnostics)
        } catch {
            let diagnostic = Diagnostic.error("\(error)", at: SourceLocation(file: "site.yaml"), rule: "io")
            return .failed(html: ErrorPage.html([diagnostic], siteDirectory: siteDirectory, generation: generation), diagnostics: [diagnostic])
        }
    }

    /// The files the last build changed, when the build knows (its fast path); nil means any file may have changed.
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

    /// Decorated pages of the last build. A page whose HTML and findings did not change keeps its decorated copy:
    /// a rebuild after one edit decorates a handful of pages, not all of them. (Unchanged pages come from the render
    /// cache as the same buffers, so the comparisons are cheap.)
    ///
    /// `@unchecked Sendable`: every stored property is read and written under `lock`, except the `changedPaths` getter,
    /// which `RebuildCoordinator` reads after the build that set it, one build at a time. `UnsafeCodeTests` compares
    /// the pages of a preview rebuilt after random edits with those of a fresh one.
    private final class Decorations: @unchecked Sendable {
        private let lock = NSLock()
        private var pages: [String: (html: [UInt8], findings: [Diagnostic], generation: String, decorated: OutputFile)] = [:]

        func page(_ file: OutputFile, findings: [Diagnostic], generation: String) -> OutputFile {
            if let cached = lock.withLock({ pages[file.path] }), cached.html == file.contents, cached.findings == findings,
               cached.generation == generation {
                return cached.decorated
            }
            let overlay = findings.isEmpty ? "" : PreviewOverlay.claims(findings)
            let html = PreviewBuilder.insertBeforeBodyEnd(String(decoding: file.contents, as: UTF8.self), overlay + LiveReload.script(generation: generation))
            let decorated = OutputFile(path: file.path, text: html)
            lock.withLock { pages[file.path] = (file.contents, findings, generation, decorated) }
            return decorated
        }

        /// The whole decorated output of the last build, where each file is, and which post each page shows.
        private var output: [OutputFile] = []
        private var outputIndex: [String: Int] = [:]
        private var sourceByPage: [String: String] = [:]
        private(set) var changedPaths: [String]?

        /// Keeps a full build's decorated output and forgets pages that are gone.
        func remember(_ decorated: [OutputFile], sourceByPage: [String: String]) {
            lock.withLock {
                output = decorated
                outputIndex = Dictionary(decorated.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
                self.sourceByPage = sourceByPage
                changedPaths = nil
                if pages.count > outputIndex.count {
                    pages = pages.filter { outputIndex[$0.key] != nil }
                }
            }
        }

        /// The last output with the `replaced` files of `files` decorated again; nil when the output does not line up.
        func update(_ replaced: [String], of files: [OutputFile], findings: (String) -> [Diagnostic], generation: String) -> [OutputFile]? {
            // Take the output out, so `next` is its only owner and replacing files is done in place.
            var (next, index, sources) = lock.withLock { () -> ([OutputFile], [String: Int], [String: String]) in
                defer { output = [] }
                return (output, outputIndex, sourceByPage)
            }
            guard next.count == files.count else { return nil }
            for path in replaced {
                guard let position = index[path], files[position].path == path else { return nil }
                let file = files[position]
                next[position] = path.hasSuffix(".html")
                    ? page(file, findings: sources[PreviewBuilder.pagePath(path)].map(findings) ?? [], generation: generation) : file
            }
            lock.withLock {
                output = next
                changedPaths = replaced
            }
            return next
        }
    }

    static func insertBeforeBodyEnd(_ html: String, _ addition: String) -> String {
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + addition }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: addition)
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
