import Foundation
import PortalApp
import PortalJobsTestSupport
import PortalTestSupport
import Vapor
import PortalCore
import PortalWeb

typealias BenchBrowser = TestBrowser<HTTPTransport>

/// A whole portal for a benchmark: built by `makeApplication` like
/// production, on a scratch SQLite file (or a fresh PostgreSQL schema on the
/// server named by PORTAL_BENCH_POSTGRES_URL), demo data seeded, the
/// in-process worker running, listening on a free port of 127.0.0.1.
/// Requests go over real HTTP, so the figures include parsing, middleware
/// and rendering.
struct BenchPortal {
    let app: Application
    let baseURL: String
    let databaseName: String

    /// The environment's configuration as `portal` reads it in development
    /// (fund, fonts, seal, resources directory); the scratch settings go on top.
    static func baseConfiguration() throws -> PortalConfiguration {
        try PortalConfiguration.fromEnvironment(mode: .development)
    }

    /// Starts a bench portal with `members` demo members (none: no demo data),
    /// runs `body` and removes the portal's data afterwards
    /// (PORTAL_BENCH_KEEP=true keeps it and says where). Without `listen`
    /// neither the listener nor the in-process worker runs.
    static func run(from base: PortalConfiguration, members: Int, postgres: Bool, listen: Bool = true,
                    _ body: (BenchPortal) async throws -> Void) async throws {
        let keep = Environment.get("PORTAL_BENCH_KEEP") == "true"
        try await withScratchPortal(postgres ? .postgres : .sqlite, postgresURLVariable: "PORTAL_BENCH_POSTGRES_URL",
                                    keepStorage: keep) { dataDirectory in
            var configuration = base
            configuration.mode = .development
            configuration.dataDirectory = dataDirectory
            configuration.port = 0
            configuration.backOfficePort = 0
            configuration.devEIDEnabled = true
            configuration.seedDemoData = members > 0
            if members > 0 { configuration.demoMemberCount = members }
            configuration.autoMigrate = true
            configuration.runWorkerInProcess = listen

            configuration.signInRateLimit = .init(limit: 1_000_000, period: 60)
            configuration.sessionIdleTimeout = 86_400
            configuration.sessionAbsoluteTimeout = 86_400
            return configuration
        } _: { app, storage in
            var baseURL = ""
            if listen { baseURL = try await startListening(app) }
            do {
                try await body(BenchPortal(app: app, baseURL: baseURL, databaseName: storage.backend.rawValue))
            } catch {
                if listen { await app.http.server.shared.shutdown() }
                throw error
            }
            if listen { await app.http.server.shared.shutdown() }
            if keep { print("kept the bench data in \(storage)") }
        }
    }

    private static func startListening(_ app: Application) async throws -> String {
        app.http.client.configuration.redirectConfiguration = .disallow
        let server = app.http.server.shared
        try await server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = server.localAddress?.port else { throw BenchFailure("the bench server did not report its port") }
        return "http://127.0.0.1:\(port)"
    }

    /// A signed-in browser for the stock identity (Erika is registered by the demo data).
    func signIn(stock: String = "erika") async throws -> BenchBrowser {
        let browser = BenchBrowser(HTTPTransport(client: app.client, baseURL: baseURL))
        let signedIn = try await browser.signIn(stock: stock)
        guard signedIn.status == .seeOther else { throw BenchFailure("sign-in answered \(signedIn.status.code)") }
        return browser
    }
}
