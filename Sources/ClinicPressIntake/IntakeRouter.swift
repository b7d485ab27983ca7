import Hummingbird
import HTTPTypes
import NIOCore

/// The request context of intake: Hummingbird's basics and the connected peer's address, for the rate limit.
public struct IntakeRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connected peer; nil in router tests, which have no socket.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// Intake's routes: `POST` (any path, so a proxy may forward `/comments` or `/`) takes a submission; `OPTIONS` answers
/// CORS preflights from the site's pages; `GET /` says what this is (a health check for proxies and scripts).
public enum IntakeRouter {
    public static func make(intake: CommentIntake) -> Router<IntakeRequestContext> {
        let router = Router(context: IntakeRequestContext.self)
        let submit: @Sendable (Request, IntakeRequestContext) async throws -> Response = { request, context in
            let answer = await intake.receive(describe(request, context: context)) { limit in
                var buffer = try await request.body.collect(upTo: limit)
                return buffer.readBytes(length: buffer.readableBytes) ?? []
            }
            return response(answer)
        }
        router.post("/", use: submit)
        router.post("**", use: submit)
        let preflight: @Sendable (Request, IntakeRequestContext) async throws -> Response = { request, context in
            response(intake.preflight(describe(request, context: context)))
        }
        router.on("/", method: .options, use: preflight)
        router.on("**", method: .options, use: preflight)
        router.get("/") { _, _ in
            response(IntakeAnswer(status: 200, headers: CommentIntake.commonHeaders + [("Content-Type", "text/plain; charset=utf-8")],
                                  body: "ClinicPress comment intake for \(intake.siteOrigin): comment forms POST here.\n"))
        }
        return router
    }

    /// The headers intake reads, and the peer's address.
    static func describe(_ request: Request, context: IntakeRequestContext) -> IntakeRequest {
        let headers = request.headers
        return IntakeRequest(
            contentType: headers[.contentType], contentLength: headers[.contentLength].flatMap { Int($0) }, accept: headers[.accept],
            origin: headers[.origin], referer: headers[.referer], forwardedFor: headers[values: HTTPField.Name("X-Forwarded-For")!].joined(separator: ","),
            peerAddress: context.remoteAddress?.ipAddress
        )
    }

    static func response(_ answer: IntakeAnswer) -> Response {
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        let body = ByteBuffer(string: answer.body)
        headers[.contentLength] = String(body.readableBytes)
        return Response(status: .init(code: answer.status), headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
