import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Synchronization

// The servers' routes tested without a socket: each request goes straight to the application's responder, as
// HummingbirdTesting's router mode does, with the same call shape (`app.test(.router) { client in … }`). HummingbirdTesting
// itself is not used because its other mode, a live server driven by AsyncHTTPClient, makes every test build compile
// swift-nio-ssl (BoringSSL), AsyncHTTPClient and their dependencies, which took most of a fresh `make test`
// (README: "Time to first result"). The live server is tested for real by scripts/browser-test.py and
// scripts/comments-browser-test.py.

/// How a test reaches the application: only `.router` (no socket).
enum TestingSetup {
    case router
}

/// A response as the router wrote it.
struct TestResponse: Sendable {
    let head: HTTPResponse
    var status: HTTPResponse.Status { head.status }
    var headers: HTTPFields { head.headerFields }
    let body: ByteBuffer
}

/// Sends requests to an application.
protocol TestClientProtocol: Sendable {
    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse
}

extension TestClientProtocol {
    /// Sends a request and hands the response to `testCallback`.
    @discardableResult
    func execute<Return>(uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
                         testCallback: @escaping (TestResponse) async throws -> Return = { $0 }) async throws -> Return {
        try await testCallback(try await executeRequest(uri: uri, method: method, headers: headers, body: body))
    }
}

extension ApplicationProtocol {
    /// Runs `test` with a client whose requests go to this application's responder. The application's services are not
    /// run: the tests' applications have none, and one that has is refused rather than tested half-way.
    func test<Value>(_ setup: TestingSetup, _ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        precondition(services.isEmpty, "the router test client does not run an application's services")
        for process in processesRunBeforeServerStart { try await process() }
        return try await test(RouterClient<Responder>(responder: try await responder, logger: logger))
    }
}

/// Builds each request with its body in one buffer, runs the responder on a context over an embedded channel (no
/// address, as behind no socket), and collects the response body.
private struct RouterClient<Responder: HTTPResponder>: TestClientProtocol
where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
    let responder: Responder
    let logger: Logger

    func executeRequest(uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?) async throws -> TestResponse {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
                              body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = Responder.Context(source: ApplicationRequestContextSource(channel: EmbeddedChannel(), logger: logger))
        let response: Response
        do {
            response = try await responder.respond(to: request, context: context)
        } catch {
            response = Response(status: .internalServerError)
        }
        let collected = CollectedBody()
        try await response.body.write(CollectingWriter(collected: collected))
        return TestResponse(head: response.head, body: collected.body.withLock { $0 })
    }
}

/// What a response body writer was given (the body is written by value, so it keeps its bytes here).
private final class CollectedBody: Sendable {
    let body = Mutex(ByteBuffer())
}

/// A response body writer that keeps what it is given.
private struct CollectingWriter: ResponseBodyWriter {
    let collected: CollectedBody

    mutating func write(_ buffer: ByteBuffer) async throws {
        collected.body.withLock { body in
            var buffer = buffer
            body.writeBuffer(&buffer)
        }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
