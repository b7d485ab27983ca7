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

    public init(siteDirectory: URL, baseURL: String) {
        self.siteDirectory = siteDirectory
        self.baseURL = baseURL
    }

    /// What one rebuild produced.
    public enum Outcome: Sendable {
        case built(files: [OutputFile], report: BuildReport)
        case failed(html: String, diagnostics: [Diagnostic])
    }

    /// Builds once; `generation` goes into the live-reload script.
    public func build(generation: String) -> Outcome {
        var options = BuildOptions(siteDirectory: siteDirectory, includeDrafts: true, baseURL: baseURL)
        options.preview = true
        do {
            let (files, report) = try SiteBuilder.render(options, cache: cache)
            let findingsByPath = Dictionary(grouping: report.findings + report.warnings) { report.postPaths[$0.location.file] ?? "" }
            let decorated = files.map { file -> OutputFile in
                guard file.path.hasSuffix(".html") else { return file }
                let pagePath = file.path.hasSuffix("index.html") ? String(file.path.dropLast("index.html".count)) : file.path
                var html = String(decoding: file.contents, as: UTF8.self)
                let overlay = (findingsByPath[pagePath]).map { PreviewOverlay.claims($0) } ?? ""
                html = Self.insertBeforeBodyEnd(html, overlay + LiveReload.script(generation: generation))
                return OutputFile(path: file.path, text: html)
            }
            return .built(files: decorated, report: report)
        } catch let error as DiagnosticsError {
            return .failed(html: ErrorPage.html(error.diagnostics, siteDirectory: siteDirectory, generation: generation), diagnostics: error.diagnostics)
        } catch {
            let diagnostic = Diagnostic.error("\(error)", at: SourceLocation(file: "site.yaml"), rule: "io")
            return .failed(html: ErrorPage.html([diagnostic], siteDirectory: siteDirectory, generation: generation), diagnostics: [diagnostic])
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
