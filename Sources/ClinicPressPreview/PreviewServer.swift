import ClinicPressContent
import ClinicPressModel
import ClinicPressRender
import ClinicPressSite
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Merges bursts of file events (an editor's atomic save is several) into one rebuild, and never runs two
/// rebuilds at once.
public actor RebuildCoordinator {
    private let builder: PreviewBuilder
    private let site: PreviewSite
    private let quietPeriod: Duration
    private let log: @Sendable (String) -> Void
    private var pending = SiteChanges()
    private var scheduled = false

    public init(builder: PreviewBuilder, site: PreviewSite, quietPeriod: Duration = .milliseconds(5), log: @escaping @Sendable (String) -> Void) {
        self.builder = builder
        self.site = site
        self.quietPeriod = quietPeriod
        self.log = log
    }

    /// Builds now and publishes the result (the first build, and every rebuild).
    public func rebuild(because changes: SiteChanges = .everything) async {
        let started = ContinuousClock.now
        switch builder.build(generation: site.generation, changes: changes) {
        case .built(let files, let report):
            await site.publish(files, changed: builder.lastChangedPaths)
            let elapsed = ContinuousClock.now - started
            let reason = changes.everything ? "" : " after \(changes)"
            log("Built \(report.posts) posts in \(Self.milliseconds(elapsed)) ms\(reason): \(Self.count(report.postsBuilt, "post")) parsed, "
                + "\(report.posts - report.postsBuilt) reused; \(Self.count(report.pagesRendered, "page")) rendered, \(report.pages - report.pagesRendered) reused")
        case .failed(let html, let diagnostics):
            await site.fail(html)
            log("Build failed with \(diagnostics.filter { $0.severity == .error }.count) error(s); the browser shows them:\n"
                + diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))
        }
    }

    /// Records changes and rebuilds once the burst is over.
    public func changed(_ changes: [SiteChange]) {
        for change in changes { pending.insert(change) }
        guard !scheduled else { return }
        scheduled = true
        Task {
            try? await Task.sleep(for: quietPeriod)
            await flush()
        }
    }

    private func flush() async {
        let changes = pending
        pending = SiteChanges()
        scheduled = false
        await rebuild(because: changes)
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// The preview server's routes: the site from memory with correct content types, `404.html` for misses, HEAD,
/// `Cache-Control: no-store`, and the live-reload event stream. Requests whose `Host` the allow-list refuses get
/// 403 (DNS rebinding protection).
public enum PreviewRouter {
    /// `moderation` is the queue at `/_moderation` (nil: the preview is not bound to a loopback address, and the
    /// queue says so); `ownOrigin` the preview's address, which decisions must come from.
    /// `review` is the page at `/_review`, nil (403) off loopback like the queue.
    public static func make(site: PreviewSite, hosts: HostAllowList = .any, moderation: ModerationQueue? = nil,
                            review: ReviewPage? = nil, ownOrigin: String = "") -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: HostCheck(hosts: hosts))
        router.get(RouterPath(ReviewPage.path)) { _, _ -> Response in
            guard let review else {
                return html(ModerationQueue.header(title: "Review page unavailable")
                            + "<p>The review page is served only when <code>clinicpress serve</code> listens on a loopback address (the default, 127.0.0.1).</p>"
                            + ModerationQueue.footer, status: .forbidden)
            }
            return html(review.html(await review.currentOverview()), status: .ok)
        }
        router.get(RouterPath(ModerationQueue.path)) { request, _ -> Response in
            guard let moderation else { return moderationUnavailable() }
            let notice = request.uri.queryParameters.get("notice")
            return html(moderation.page(notice: notice), status: .ok)
        }
        router.post(RouterPath(ModerationQueue.decidePath)) { request, _ -> Response in
            guard let moderation else { return moderationUnavailable() }
            let body = try await request.body.collect(upTo: 64 * 1024)
            let origin = request.headers[.origin] ?? request.headers[.referer]
            guard let fields = ModerationQueue.formFields(Array(body.readableBytesView)) else {
                return html(ModerationQueue.header(title: "Not done") + "<p>The form data is not correctly encoded.</p>" + ModerationQueue.footer,
                            status: .badRequest)
            }
            switch moderation.decide(fields, origin: origin, ownOrigin: ownOrigin) {
            case .done(let notice):
                var headers = HTTPFields()
                let encoded = notice.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                headers[.location] = ModerationQueue.path + "?notice=" + encoded
                headers[.cacheControl] = "no-store"
                return Response(status: .seeOther, headers: headers)
            case .confirm(let page):
                return html(page, status: .ok)
            case .refused(let status, let message):
                let page = ModerationQueue.header(title: "Not done") + "<p>\(Markup.escape(message))</p><p><a href=\"\(ModerationQueue.path)\">Back to the queue</a></p>" + ModerationQueue.footer
                return html(page, status: HTTPResponse.Status(code: status))
            }
        }
        router.get(RouterPath(LiveReload.eventsPath)) { _, _ -> Response in
            let stream = await site.events()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream"
            headers[.cacheControl] = "no-store"
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                for await message in stream {
                    try await writer.write(ByteBuffer(string: message))
                }
                try await writer.finish(nil)
            })
        }
        router.get("/") { request, _ in try await serve(request, site: site) }
        router.get("**") { request, _ in try await serve(request, site: site) }
        return router
    }

    static func html(_ text: String, status: HTTPResponse.Status) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func moderationUnavailable() -> Response {
        html(ModerationQueue.header(title: "Moderation queue unavailable")
             + "<p>The moderation queue is served only when <code>clinicpress serve</code> listens on a loopback address (the default, 127.0.0.1).</p>"
             + ModerationQueue.footer, status: .forbidden)
    }

    static func serve(_ request: Request, site: PreviewSite) async throws -> Response {
        // Percent-decoding happens before the path is checked, so `%2e%2e` is caught like `..`.
        guard let path = request.uri.path.removingPercentEncoding else {
            return try await response(await site.page(for: "/%"))
        }
        var page = await site.page(for: path)
        if page.status == 404, !path.hasSuffix("/"), await site.hasIndex(below: path) {
            var headers = HTTPFields()
            headers[.location] = redirectLocation(for: path)
            headers[.cacheControl] = "no-store"
            return Response(status: .movedPermanently, headers: headers)
        }
        if page.status == 404 { page.contentType = "text/html; charset=utf-8" }
        return try await response(page)
    }

    /// `path` + "/", with runs of slashes made one: a `Location` of `//tags/` would send the browser to the host
    /// `tags` (an open redirect).
    static func redirectLocation(for path: String) -> String {
        var location = ""
        for character in path + "/" where !(character == "/" && location.hasSuffix("/")) {
            location.append(character)
        }
        return location
    }

    private static func response(_ page: PreviewSite.Page) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = page.contentType
        headers[.cacheControl] = "no-store"
        headers[.contentLength] = String(page.body.count)
        return Response(status: .init(code: page.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: page.body)))
    }
}

/// Answers 403 to a request whose `Host` the allow-list refuses, before any route sees it.
struct HostCheck: RouterMiddleware {
    let hosts: HostAllowList

    func handle(_ request: Request, context: BasicRequestContext, next: (Request, BasicRequestContext) async throws -> Response) async throws -> Response {
        guard hosts.allows(request.head.authority) else {
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Response(status: .forbidden, headers: headers,
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "This preview answers only to its own address (loopback names).\n")))
        }
        return try await next(request, context)
    }
}

/// `clinicpress serve`: builds the site into memory, serves it, watches the sources and live-reloads browsers.
public struct PreviewServer {
    public let siteDirectory: URL
    public let host: String
    public let port: Int

    public init(siteDirectory: URL, host: String, port: Int) {
        self.siteDirectory = siteDirectory
        self.host = host
        self.port = port
    }

    /// Runs until Ctrl-C (SIGINT) or SIGTERM, then shuts down cleanly. `onReady` gets the URL to open.
    /// Throws `ServeError` before building anything when the port cannot be listened on.
    public func run(log: @escaping @Sendable (String) -> Void, onReady: @escaping @Sendable (String) -> Void) async throws {
        switch PortCheck.check(host: host, port: port) {
        case .free: break
        case .busy(let holder):
            throw ServeError(PortCheck.busyMessage(host: host, port: port, holder: holder, free: PortCheck.freePort(after: port, host: host)))
        case .refused(let why):
            throw ServeError("cannot listen on \(host) port \(port): \(why)\n    hint: use the default address and port, or another with --host and --port")
        }
        let address = host.contains(":") ? "[\(host)]" : host
        let url = "http://\(address):\(port)/"
        let site = PreviewSite()
        let builder = PreviewBuilder(siteDirectory: siteDirectory, baseURL: url)
        let coordinator = RebuildCoordinator(builder: builder, site: site, log: log)
        await coordinator.rebuild()
        let watcher = try FileWatcher(siteDirectory: siteDirectory) { changes in
            Task { await coordinator.changed(changes) }
        }
        var logger = Logger(label: "clinicpress.serve")
        logger.logLevel = .error
        let app = Application(
            router: PreviewRouter.make(site: site, hosts: HostAllowList(boundHost: host, port: port),
                                       moderation: Self.isLoopback(host) ? ModerationQueue(siteDirectory: siteDirectory) : nil,
                                       review: Self.isLoopback(host) ? ReviewPage(overview: { builder.overview() }) : nil,
                                       ownOrigin: String(url.dropLast())),
            configuration: .init(address: .hostname(host, port: port), serverName: "ClinicPress preview"),
            onServerRunning: { _ in onReady(url) },
            logger: logger
        )
        // Services shut down in reverse order: the live-reload streams close first, so the server is not left
        // waiting on open browser tabs.
        let services = ServiceGroup(configuration: .init(services: [app, StreamCloser(site: site)], gracefulShutdownSignals: [.sigterm, .sigint],
                                                         logger: logger))
        do {
            try await services.run()
        } catch where "\(error)".contains("Address already in use") {
            // Taken between the check and the server's own bind.
            throw ServeError(PortCheck.busyMessage(host: host, port: port, holder: PortCheck.holder(ofPort: port), free: nil))
        }
        withExtendedLifetime(watcher) {}
    }
}

/// Why `serve` could not start, said as the command line prints it (`error: …`, then a hint line).
public struct ServeError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension PreviewServer {
    /// 127.0.0.0/8, ::1 and localhost: only this machine can reach the server.
    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// Ends the live-reload streams when the server shuts down (Ctrl-C), so open browser tabs do not hold it up.
struct StreamCloser: Service {
    let site: PreviewSite

    func run() async throws {
        try? await gracefulShutdown()
        await site.closeStreams()
    }
}
