import Foundation
import Prometheus
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

@Suite("Health, readiness and metrics")
struct OperationsTests {
    @Test(arguments: TestDatabase.allCases)
    func healthAndReadinessAnswer200(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let browser = Browser(app)
            #expect(try await browser.get("/healthz").status == .ok)
            let ready = try await browser.get("/readyz")
            #expect(ready.status == .ok)
            #expect(ready.body.string == "ready\n")
        }
    }

    @Test
    func readinessIs503WhenTheDatabaseIsUnreachable() async throws {
        let closedPort = "postgres://portal@127.0.0.1:1/nowhere"
        let configuration = try PortalConfiguration.fromEnvironment([
            "PORTAL_DATA_DIR": FileManager.default.temporaryDirectory.appendingPathComponent("portal-ready-\(UUID())").path,
            "PORTAL_RESOURCES_DIR": packageRoot.path, "PORTAL_DATABASE_URL": closedPort,
            "PORTAL_AUTO_MIGRATE": "false", "PORTAL_SEED_DEMO": "false",
        ], mode: .testing)
        let app = try await makeApplication(configuration: configuration, arguments: ["portal", "serve"])
        let health = try await Browser(app).get("/healthz")
        #expect(health.status == .ok, "the process is alive")
        let ready = try await Browser(app).get("/readyz")
        #expect(ready.status == .serviceUnavailable)
        #expect(ready.body.string == "database unavailable\n")
        try await app.asyncShutdown()
    }

    @Test
    func metricsAreOnlyOnTheBackOfficeListener() async throws {
        try await withPortal(.sqlite) { app, _ in
            let browser = Browser(app)
            #expect(try await browser.get("/metrics").status == .notFound)
            try await browser.signIn(stock: "erika")
            let backOffice = try await BackOffice.makeApplication(for: app, registry: app.portal.metrics)
            let metrics = try await backOffice.testing().sendRequest(.GET, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.body.string.contains("portal_signins_total 1"))
            try await backOffice.asyncShutdown()
        }
    }

    @Test
    func theServeCommandStartsBothListenersOnRealPorts() async throws {
        try await withPortal(.sqlite, environment: ["PORTAL_PORT": "0", "PORTAL_BACKOFFICE_PORT": "0"]) { app, _ in
            try await app.server.start(address: .hostname("127.0.0.1", port: 0))
            let port = try #require(app.http.server.shared.localAddress?.port)
            let response = try await app.client.get(URI(string: "http://127.0.0.1:\(port)/healthz"))
            #expect(response.status == .ok)
            #expect(response.body.map { String(buffer: $0) } == "ok\n")
            #expect(response.headers.first(name: "Content-Security-Policy") != nil)
            await app.server.shutdown()
        }
    }
}
