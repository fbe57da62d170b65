import Fluent
import SQLKit
import Vapor
import PortalCore
import PortalWeb

/// Liveness and readiness for load balancers and orchestrators.
package struct HealthController: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.healthz.components, use: healthz)
        routes.get(SiteURL.readyz.components, use: readyz)
    }

    /// The process answers.
    package func healthz(req: Request) async throws -> Response {
        Response(status: .ok, body: .init(string: "ok\n"))
    }

    /// The database answers; otherwise 503, so traffic goes elsewhere.
    package func readyz(req: Request) async throws -> Response {
        do {
            guard let sql = req.db as? any SQLDatabase else { throw Abort(.serviceUnavailable) }
            _ = try await sql.raw("SELECT 1 AS ok").first()
            return Response(status: .ok, body: .init(string: "ready\n"))
        } catch {
            req.logger.warning("readiness check failed: database unreachable")
            return Response(status: .serviceUnavailable, body: .init(string: "database unavailable\n"))
        }
    }
}
