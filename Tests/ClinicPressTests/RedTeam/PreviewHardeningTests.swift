import ClinicPressModel
@testable import ClinicPressPreview
import Foundation
import Hummingbird
import Testing

/// The preview serves drafts and pending comments: it must answer only its own loopback names (DNS rebinding),
/// never redirect off-site, and say so loudly when it is exposed to the network.
@Suite struct PreviewHardeningTests {
    func test(hosts: HostAllowList, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let site = PreviewSite(generation: "test")
        await site.publish([
            OutputFile(path: "index.html", text: "<html><body>home</body></html>"),
            OutputFile(path: "tags/index.html", text: "<html><body>tags</body></html>"),
            OutputFile(path: "404.html", text: "<html><body>not here</body></html>"),
        ])
        let app = Application(router: PreviewRouter.make(site: site, hosts: hosts))
        try await app.test(.router) { client in try await body(client) }
    }

    @Test(arguments: ["127.0.0.1:8000", "localhost:8000", "LOCALHOST:8000", "[::1]:8000", "127.0.0.1", "localhost"])
    func loopbackNamesAreAllowed(host: String) {
        #expect(HostAllowList(boundHost: "127.0.0.1", port: 8000).allows(host))
    }

    @Test(arguments: ["evil.example", "evil.example:8000", "127.0.0.1.evil.example:8000", "localhost:8001", "10.0.0.5:8000", ""])
    func otherHostNamesAreRefused(host: String) {
        #expect(!HostAllowList(boundHost: "127.0.0.1", port: 8000).allows(host))
    }

    @Test func theBoundNameIsAllowed() {
        let hosts = HostAllowList(boundHost: "192.168.1.20", port: 8080)
        #expect(hosts.allows("192.168.1.20:8080"))
        #expect(hosts.allows("localhost:8080"))
        #expect(!hosts.allows("evil.example:8080"))
        #expect(HostAllowList(boundHost: "::1", port: 8000).allows("[::1]:8000"))
    }

    /// The router test client always sends `localhost`: allowed through the middleware. Refusals over a real socket,
    /// with a forged `Host`, are in scripts/browser-test.py (the router test client cannot send another name).
    @Test func theMiddlewareLetsAllowedNamesThrough() async throws {
        try await test(hosts: HostAllowList(boundHost: "127.0.0.1", port: 8000)) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
        try await test(hosts: HostAllowList(boundHost: "10.9.9.9", port: 1)) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func aWildcardBindAnswersAnyName() {
        #expect(HostAllowList(boundHost: "0.0.0.0", port: 8000).allows("clinic-laptop.local:8000"))
        #expect(HostAllowList(boundHost: "::", port: 8000).allows("anything"))
    }

    @Test(arguments: [("//tags", "/tags/"), ("///tags", "/tags/"), ("/tags", "/tags/")])
    func folderRedirectsStayOnThisSite(uri: String, location: String) async throws {
        try await test(hosts: .any) { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .movedPermanently, "\(uri)")
                #expect(response.headers[.location] == location, "\(uri)")
            }
        }
    }

    @Test func redirectLocationsNeverStartWithTwoSlashes() {
        for path in ["//evil.example", "////evil.example/x", "/a//b"] {
            #expect(!PreviewRouter.redirectLocation(for: path).hasPrefix("//"), "\(path)")
        }
    }

    @Test(arguments: [("127.0.0.1", false), ("127.0.0.2", false), ("localhost", false), ("::1", false),
                      ("0.0.0.0", true), ("::", true), ("192.168.1.20", true), ("clinic-laptop.local", true)])
    func exposedHostsAreRecognised(host: String, exposed: Bool) {
        #expect(HostAllowList.isExposed(host) == exposed, "\(host)")
    }

    @Test func serveWarnsLoudlyOnANonLoopbackHost() throws {
        // The warning comes first, before the build; the server is stopped as soon as it is seen.
        let process = Process()
        process.executableURL = ClinicPressBinary.url
        process.arguments = ["serve", "--site", Fixtures.site("basic").path, "--host", "0.0.0.0", "--port", "65531"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while !text.contains("computer.") && Date() < deadline {
            let chunk = err.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        #expect(text.hasPrefix("warning: --host 0.0.0.0 makes the preview reachable from other computers on the network"), "\(text)")
    }
}
