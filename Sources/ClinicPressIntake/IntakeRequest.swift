import Foundation

/// What intake reads of an HTTP request before its body, independent of the server framework.
public struct IntakeRequest: Sendable {
    /// `Content-Type`.
    public var contentType: String?
    /// `Content-Length`, when the client sent one.
    public var contentLength: Int?
    /// `Accept`: `application/json` asks for a JSON answer instead of a redirect.
    public var accept: String?
    /// `Origin` and `Referer`, checked against the site's origin.
    public var origin: String?
    public var referer: String?
    /// `X-Forwarded-For`, used only when intake runs behind a proxy.
    public var forwardedFor: String?
    /// The address of the connected peer (the proxy's, behind one); nil when unknown.
    public var peerAddress: String?

    /// Creates a request description.
    public init(contentType: String? = nil, contentLength: Int? = nil, accept: String? = nil, origin: String? = nil, referer: String? = nil,
                forwardedFor: String? = nil, peerAddress: String? = nil) {
        self.contentType = contentType
        self.contentLength = contentLength
        self.accept = accept
        self.origin = origin
        self.referer = referer
        self.forwardedFor = forwardedFor
        self.peerAddress = peerAddress
    }

    /// The media type without parameters, lower-cased: `application/x-www-form-urlencoded`.
    var mediaType: String? {
        contentType.map { String($0.prefix { $0 != ";" }).trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// Whether the client asked for JSON (`Accept: application/json`).
    var wantsJSON: Bool {
        accept?.lowercased().split(separator: ",").contains { $0.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces) == "application/json" } ?? false
    }
}

/// Intake's answer, independent of the server framework.
public struct IntakeAnswer: Sendable, Equatable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers, in order.
    public var headers: [(name: String, value: String)]
    /// The body, UTF-8.
    public var body: String

    public static func == (a: IntakeAnswer, b: IntakeAnswer) -> Bool {
        a.status == b.status && a.body == b.body && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
    }

    /// The value of the first header called `name` (any case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
