import ClinicPressContent
import ClinicPressModel
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// `clinicpress intake`: runs `CommentIntake` behind Hummingbird until SIGINT or SIGTERM.
public struct IntakeServer: Sendable {
    public let intake: CommentIntake
    public let host: String
    public let port: Int

    /// A server for `intake` listening on `host`:`port`.
    public init(intake: CommentIntake, host: String, port: Int) {
        self.intake = intake
        self.host = host
        self.port = port
    }

    /// Serves until Ctrl-C (SIGINT) or SIGTERM; requests being answered are finished first. `onReady` gets the address.
    public func run(onReady: @escaping @Sendable (String) -> Void) async throws {
        let address = host.contains(":") ? "[\(host)]" : host
        var logger = Logger(label: "clinicpress.intake")
        logger.logLevel = .error
        let app = Application(
            router: IntakeRouter.make(intake: intake),
            configuration: .init(address: .hostname(host, port: port), serverName: "ClinicPress intake"),
            onServerRunning: { channel in onReady("http://\(address):\(channel.localAddress?.port ?? port)/") },
            logger: logger
        )
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await services.run()
    }
}
