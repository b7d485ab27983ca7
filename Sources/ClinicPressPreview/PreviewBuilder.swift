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

    /// Builds once; `generation` goes into the live-reload script. `changed` lists the site-relative paths the file
    /// watcher reported since the last build: only those posts and comment folders are read again. Nil means not
    /// known: every file is read again.
    public func build(generation: String, changed: [String]? = nil) -> Outcome {
        if let changed { cache.content.invalidate(changed) } else { cache.content.invalidateAll() }
        var options = BuildOptions(siteDirectory: siteDirectory, includeDrafts: true, baseURL: baseURL)
        options.preview = true
        do {
            let (files, report) = try SiteBuilder.render(options, cache: cache)
            // Each post page shows its post's findings and the warnings about its file.
            var findingsByPage: [String: [Diagnostic]] = [:]
            for (file, findings) in report.findingsByFile where !findings.isEmpty {
                if let page = report.postPaths[file] { findingsByPage[page] = findings }
            }
            // Warnings about other files (site.yaml, a comment) go on the home page.
            for warning in report.warnings {
                findingsByPage[report.postPaths[warning.location.file] ?? "", default: []].append(warning)
            }
            let decorated = files.map { file -> OutputFile in
                guard file.path.hasSuffix(".html") else { return file }
                let pagePath = file.path.hasSuffix("index.html") ? String(file.path.dropLast("index.html".count)) : file.path
                return decorations.page(file, findings: findingsByPage[pagePath] ?? [], generation: generation)
            }
            decorations.keep(files)
            return .built(files: decorated, report: report)
        } catch let error as DiagnosticsError {
            return .failed(html: ErrorPage.html(error.diagnostics, siteDirectory: siteDirectory, generation: generation), diagnostics: error.diagnostics)
        } catch {
            let diagnostic = Diagnostic.error("\(error)", at: SourceLocation(file: "site.yaml"), rule: "io")
            return .failed(html: ErrorPage.html([diagnostic], siteDirectory: siteDirectory, generation: generation), diagnostics: [diagnostic])
        }
    }

    /// Decorated pages of the last build. A page whose HTML and findings did not change keeps its decorated copy:
    /// a rebuild after one edit decorates a handful of pages, not all of them. (Unchanged pages come from the render
    /// cache as the same buffers, so the comparisons are cheap.)
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

        /// Forgets pages that are gone.
        func keep(_ files: [OutputFile]) {
            lock.withLock {
                guard pages.count > files.lazy.filter({ $0.path.hasSuffix(".html") }).count else { return }
                let paths = Set(files.map(\.path))
                pages = pages.filter { paths.contains($0.key) }
            }
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
