import ClinicPressModel
import Foundation

/// What the preview server serves: the latest successful build, held in memory (never written to `Public/`),
/// or the page explaining why the latest build failed. Browsers subscribe to its changes for live reload.
public actor PreviewSite {
    /// A response the router turns into HTTP.
    public struct Page: Sendable {
        public var status: Int
        public var contentType: String
        public var body: [UInt8]
    }

    private var files: [String: [UInt8]] = [:]

    private var errorPage: [UInt8]?
    /// Identifies this server process: a page from an earlier process reloads when it reconnects.
    public nonisolated let generation: String
    private var version = 0
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]

    public init(generation: String = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36)) {
        self.generation = generation
    }

    /// Replaces the site with a new build's files and tells browsers which pages changed. `changed`, when the build
    /// knows it, lists the only paths that may differ from the last publish, which spares comparing every file.
    public func publish(_ newFiles: [OutputFile], changed known: [String]? = nil) {
        // Only when every known path replaces a file already published; anything else is compared file by file below.
        if let known, errorPage == nil, !files.isEmpty, files.count == newFiles.count, known.allSatisfy({ files[$0] != nil }) {
            let byPath = Set(known)
            var changed: [String] = []
            for file in newFiles where byPath.contains(file.path) {
                if files[file.path] != file.contents {
                    files[file.path] = file.contents
                    changed.append(file.path)
                }
            }
            version += 1
            if !changed.isEmpty { broadcast(changed.sorted().map(Self.urlPath)) }
            return
        }
        var changed: [String] = []
        var next: [String: [UInt8]] = [:]
        for file in newFiles {
            next[file.path] = file.contents
            if files[file.path] != file.contents { changed.append(file.path) }
        }
        let everything = errorPage != nil || files.isEmpty
        changed += files.keys.filter { next[$0] == nil }
        files = next
        errorPage = nil
        version += 1
        if everything || !changed.isEmpty {
            broadcast(everything ? ["*"] : changed.sorted().map(Self.urlPath))
        }
    }

    /// Shows `html` (a build error) instead of every page until the next successful build.
    public func fail(_ html: String) {
        errorPage = Array(html.utf8)
        version += 1
        broadcast(["*"])
    }

    /// The response for a URL path (already percent-decoded).
    public func page(for urlPath: String) -> Page {
        guard let path = Self.filePath(for: urlPath) else { return notFound() }
        let body = files[path]
        if path.hasSuffix(".html"), let errorPage {
            return Page(status: 500, contentType: "text/html; charset=utf-8", body: errorPage)
        }
        guard let body else {
            // `/posts/a` → `/posts/a/` is handled by the router as a redirect; everything else is a miss.
            return notFound()
        }
        return Page(status: 200, contentType: ContentType.of(path), body: body)
    }

    /// True when `urlPath` names a folder that has an index page (so `/posts/a` should redirect to `/posts/a/`).
    public func hasIndex(below urlPath: String) -> Bool {
        guard let path = Self.filePath(for: urlPath + "/") else { return false }
        return files[path] != nil
    }

    /// A stream of change messages (Server-Sent Events, ready to write) for one browser tab.
    public func events() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.yield("retry: 300\nevent: hello\ndata: \(generation)\n\n")
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        subscribers[id] = continuation
        return stream
    }

    /// Ends every event stream (on shutdown), so connections close cleanly.
    public func closeStreams() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// How many browser tabs listen for changes.
    public var subscriberCount: Int { subscribers.count }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    private func broadcast(_ paths: [String]) {
        let list = paths.map { "\"\($0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))\"" }
        let message = "event: change\ndata: {\"version\":\(version),\"paths\":[\(list.joined(separator: ","))]}\n\n"
        for continuation in subscribers.values { continuation.yield(message) }
    }

    private func notFound() -> Page {
        Page(status: 404, contentType: "text/html; charset=utf-8", body: errorPage ?? files["404.html"] ?? Array("Not found\n".utf8))
    }

    /// `/` → `index.html`, `/posts/a/` → `posts/a/index.html`, `/feed.xml` → `feed.xml`. Nil for paths that try
    /// to climb out (`..`), hold control characters or NUL, or are not absolute.
    static func filePath(for urlPath: String) -> String? {
        guard urlPath.hasPrefix("/") else { return nil }
        let segments = urlPath.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments {
            if segment == ".." || segment == "." || segment.contains("\\") { return nil }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return nil }
        }
        let joined = segments.joined(separator: "/")
        if urlPath.hasSuffix("/") { return joined.isEmpty ? "index.html" : joined + "/index.html" }
        return joined
    }

    /// `posts/a/index.html` → `/posts/a/`; `feed.xml` → `/feed.xml`.
    static func urlPath(_ filePath: String) -> String {
        if filePath == "index.html" { return "/" }
        if filePath.hasSuffix("/index.html") { return "/" + filePath.dropLast("index.html".count) }
        return "/" + filePath
    }
}

/// Content types by file extension.
enum ContentType {
    static func of(_ path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return path.hasSuffix("feed.xml") ? "application/atom+xml; charset=utf-8" : "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
