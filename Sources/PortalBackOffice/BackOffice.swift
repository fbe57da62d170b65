import Fluent
import Prometheus
import Vapor
import PortalCore
import PortalWeb

/// The back-office listener: its own port, meant for the internal network
/// only, for the fund's staff. It shares the member side's services and
/// connection pool but nothing of its trust boundary: its own session cookie
/// and session scope (a member's session is not valid here), its own frame,
/// CSRF on every unsafe method, and none of the member routes.
package enum BackOffice {
    package static func makeApplication(for portal: Application, registry: PrometheusCollectorRegistry) async throws -> Application {
        let app = try await Application.make(portal.environment, .shared(portal.eventLoopGroup))
        let services = portal.portal
        let config = services.configuration
        app.portal = services
        app.directory = portal.directory
        app.databases.use(SharedDatabaseConfiguration(databases: portal.databases), as: .init(string: "portal"), isDefault: true)
        app.http.server.configuration.hostname = config.backOfficeHost
        app.http.server.configuration.port = config.backOfficePort
        app.routes.defaultMaxBodySize = "64kb"
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware(usesHTTPS: false))
        app.middleware.use(ErrorPageMiddleware(frame: BackOfficeFrame()))
        app.middleware.use(RequestGuardMiddleware())
        app.middleware.use(FileMiddleware(publicDirectory: config.resourcesDirectory.appendingPathComponent("Resources/Public").path + "/"))
        app.middleware.use(LanguageMiddleware())
        app.middleware.use(SessionMiddleware(scope: .staff, untouchedPath: nil))
        app.middleware.use(CSRFMiddleware())
        app.get("metrics") { _ -> Response in
            var buffer: [UInt8] = []
            registry.emit(into: &buffer)
            let response = Response(status: .ok, body: .init(data: Data(buffer)))
            response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
            return response
        }
        app.get("healthz") { _ in "ok\n" }
        try app.register(collection: BackOfficeStartController())
        return app
    }
}
