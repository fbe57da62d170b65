import Fluent
import Foundation
import PortalDomain
import SQLKit
import Vapor

/// A whole portal for a benchmark: built by `makeApplication` like
/// production, on a scratch SQLite file (or a fresh PostgreSQL schema when
/// PORTAL_BENCH_POSTGRES_URL is set), demo data seeded, the in-process
/// worker running, listening on a free port of 127.0.0.1. Requests go over
/// real HTTP, so the figures include parsing, middleware and rendering.
struct BenchPortal {
    let app: Application
    let baseURL: String
    let databaseName: String
    private let directory: URL
    private let schema: String?

    /// Starts a bench portal, runs `body` and stops the portal whatever happens.
    static func run(from base: PortalConfiguration, members: Int, postgres: Bool,
                    _ body: (BenchPortal) async throws -> Void) async throws {
        let portal = try await start(from: base, members: members, postgres: postgres)
        do {
            try await body(portal)
        } catch {
            await portal.stop()
            throw error
        }
        await portal.stop()
    }

    static func start(from base: PortalConfiguration, members: Int, postgres: Bool) async throws -> BenchPortal {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-bench-\(UUID().uuidString)")
        var configuration = base
        configuration.mode = .development
        configuration.dataDirectory = directory
        configuration.database = .sqlite(path: directory.appendingPathComponent("portal.sqlite").path)
        configuration.port = 0
        configuration.backOfficePort = 0
        configuration.devEIDEnabled = true
        configuration.seedDemoData = true
        configuration.demoMemberCount = members
        configuration.autoMigrate = true
        configuration.runWorkerInProcess = true
        configuration.cacheTemplates = true
        configuration.signInRateLimit = .init(limit: 1_000_000, period: 60)
        configuration.sessionIdleTimeout = 86_400
        configuration.sessionAbsoluteTimeout = 86_400
        var schema: String?
        if postgres {
            guard let url = Environment.get("PORTAL_BENCH_POSTGRES_URL"), !url.isEmpty else {
                throw UsageError(description: "--postgres needs PORTAL_BENCH_POSTGRES_URL (scripts/bench-archive starts a throwaway server)")
            }
            schema = "bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
            configuration.database = .postgres(url: url, searchPath: schema)
        }
        let app = try await makeApplication(configuration: configuration, arguments: ["portal", "serve"])
        do {
            if let schema { try await app.db.requireSQL().raw("CREATE SCHEMA IF NOT EXISTS \(unsafeRaw: schema)").run() }
            app.logger.logLevel = .warning
            try await app.asyncBoot()
            app.http.client.configuration.redirectConfiguration = .disallow
            let server = app.http.server.shared
            try await server.start(address: .hostname("127.0.0.1", port: 0))
            guard let port = server.localAddress?.port else { throw UsageError(description: "the bench server did not report its port") }
            return BenchPortal(app: app, baseURL: "http://127.0.0.1:\(port)", databaseName: postgres ? "postgres" : "sqlite",
                               directory: directory, schema: schema)
        } catch {
            try? await app.asyncShutdown()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    func stop() async {
        await app.http.server.shared.shutdown()
        await app.jobs.worker.stop(grace: .seconds(5))
        if Environment.get("PORTAL_BENCH_KEEP") == "true" {
            print("kept the bench data in \(directory.path)\(schema.map { " and schema \($0)" } ?? "")")
            try? await app.asyncShutdown()
            return
        }
        if let schema { try? await app.db.requireSQL().raw("DROP SCHEMA IF EXISTS \(unsafeRaw: schema) CASCADE").run() }
        try? await app.asyncShutdown()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A signed-in browser for the stock identity (Erika is registered by the demo data).
    func signIn(stock: String = "erika") async throws -> BenchBrowser {
        var browser = BenchBrowser(client: app.client, baseURL: baseURL)
        let form = try await browser.get("/dev/eid")
        guard let token = BenchBrowser.csrfToken(in: form.body.map { String(buffer: $0) } ?? "") else {
            throw UsageError(description: "the simulator page has no CSRF token")
        }
        let signedIn = try await browser.post("/dev/eid", form: ["csrf_token": token, "stock": stock])
        guard signedIn.status == .seeOther else { throw UsageError(description: "sign-in answered \(signedIn.status.code)") }
        return browser
    }
}

/// Cookies kept between requests, the way a browser would.
struct BenchBrowser {
    let client: any Client
    let baseURL: String
    var cookies: [String: String] = [:]

    mutating func get(_ path: String, json: Bool = false) async throws -> ClientResponse {
        var headers = HTTPHeaders()
        if json { headers.add(name: .accept, value: "application/json") }
        return try await send(.GET, path, headers: headers, body: nil)
    }

    mutating func post(_ path: String, form: [String: String]) async throws -> ClientResponse {
        var headers = HTTPHeaders()
        headers.contentType = .urlEncodedForm
        let body = form.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&")
        return try await send(.POST, path, headers: headers, body: body)
    }

    private mutating func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders, body: String?) async throws -> ClientResponse {
        var headers = headers
        if !cookies.isEmpty { headers.add(name: .cookie, value: cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        var request = ClientRequest(method: method, url: URI(string: baseURL + path), headers: headers)
        if let body { request.body = ByteBuffer(string: body) }
        let response = try await client.send(request)
        for header in response.headers[.setCookie] {
            guard let pair = header.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            cookies[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
