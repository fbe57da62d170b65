import Prometheus
import Vapor

/// The back-office listener: its own port, meant for the internal network only.
/// Today it serves the metrics; the case workers' back office joins it later.
enum BackOffice {
    static func makeApplication(for portal: Application, registry: PrometheusCollectorRegistry) async throws -> Application {
        let app = try await Application.make(portal.environment, .shared(portal.eventLoopGroup))
        let config = portal.portal.configuration
        app.http.server.configuration.hostname = config.backOfficeHost
        app.http.server.configuration.port = config.backOfficePort
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware(usesHTTPS: false))
        app.get("metrics") { _ -> Response in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            let response = Response(status: .ok, body: .init(data: Data(buffer)))
            response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
        app.get("healthz") { _ in "ok\n" }
        return app
    }
}

/// Runs the public HTTP server and the back-office listener as one `Server`,
/// so `portal serve` starts and stops both together.
final class PortalServer: Server, @unchecked Sendable {
    // @unchecked: both servers are started and stopped from the one serve command.
    let main: any Server
    let backOffice: Application
    let backOfficeAddress: BindAddress
    /// Taken when the listener starts: at shutdown the back-office application
    /// may already be shut down (ShutdownWith runs first), and asking it for
    /// its server then traps.
    private let backOfficeServer: any Server

    init(main: any Server, backOffice: Application, address: BindAddress) {
        self.main = main
        self.backOffice = backOffice
        self.backOfficeAddress = address
        self.backOfficeServer = backOffice.server
    }

    var onShutdown: EventLoopFuture<Void> { main.onShutdown }

    func start(address: BindAddress?) throws {
        try main.start(address: address)
        try backOfficeServer.start(address: backOfficeAddress)
        backOffice.logger.notice("Back office (metrics) listening on \(backOfficeAddress)")
    }

    func start(address: BindAddress?) async throws {
        try await main.start(address: address)
        try await backOfficeServer.start(address: backOfficeAddress)
        print("Back office (metrics) listening on \(backOfficeAddress)")
    }

    func shutdown() {
        backOfficeServer.shutdown()
        main.shutdown()
    }

    func shutdown() async {
        await backOfficeServer.shutdown()
        await main.shutdown()
    }
}

extension BindAddress: @retroactive CustomStringConvertible {
    public var description: String {
        switch self {
        case .hostname(let host, let port): "http://\(host ?? "127.0.0.1"):\(port ?? 0)"
        case .unixDomainSocket(let path): "unix:\(path)"
        }
    }
}
