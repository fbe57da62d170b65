import Foundation
import PortalApp
import PortalDomain
import PortalTestSupport
import Vapor
import PortalCore
import PortalWeb

/// `portal-bench certificates`: from "request certificate" (the form's POST)
/// to "document available" (the status page reports ready, as its script
/// polls it), with the in-process worker idle and outside the window.
struct CertificatesBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "count", help: "certificates to request (default 60)")
        var count: Int?
        @Flag(name: "postgres", help: "on PostgreSQL (PORTAL_BENCH_POSTGRES_URL) instead of SQLite")
        var postgres: Bool
    }

    var help: String { "Measures request-to-available time of certificates (worker idle, outside the maintenance window)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let configuration = try BenchPortal.baseConfiguration()
        guard !configuration.maintenanceWindow.contains(Date()) else {
            throw BenchFailure("it is inside the maintenance window (\(configuration.maintenanceWindow)); certificates wait until it ends — run the benchmark later")
        }
        let count = max(5, signature.count ?? 60)
        try await BenchPortal.run(from: configuration, members: 200, postgres: signature.postgres) { portal in
            try await measure(portal, count: count, console: context.console)
        }
    }

    private func measure(_ portal: BenchPortal, count: Int, console: any Console) async throws {
        let browser = try await portal.signIn()
        let page = try await browser.get("/konto/bescheinigungen")
        guard let token = BenchBrowser.csrfToken(in: page.text) else { throw BenchFailure("the certificates page has no CSRF token") }
        let year = Calendar.berlin.dateComponents(in: .berlin, from: Date()).year.map { String($0 - 1) } ?? "2025"
        let forms: [[String: String]] = [["kind": "contributions", "year": year], ["kind": "membership"], ["kind": "entitlement"]]
        console.print("target: request to document available p50 < 1 s (worker idle, outside the window)")
        var samples: [Double] = []
        for index in 0..<(count + 3) {
            var form = forms[index % forms.count]
            form["csrf_token"] = token
            let begin = ContinuousClock.now
            let sent = try await browser.post("/konto/bescheinigungen", form: form)
            guard sent.status == .seeOther, let location = sent.location else {
                throw BenchFailure("the request answered \(sent.status.code)")
            }
            var state = ""
            while state != "ready" {
                let status = try await browser.get(location, headers: ["Accept": "application/json"])
                state = (try? status.content.decode([String: String].self)["state"]) ?? ""
                guard state != "failed" else { throw BenchFailure("certificate \(location) failed") }
                guard (ContinuousClock.now - begin) < .seconds(60) else { throw BenchFailure("certificate \(location) not ready after 60 s") }
                if state != "ready" { try await Task.sleep(for: .milliseconds(2)) }
            }
            let elapsed = (ContinuousClock.now - begin).milliseconds
            if index >= 3 { samples.append(elapsed) } // the first three warm up fonts, seal key and templates
        }
        samples.sort()
        let p50 = percentile(samples, 0.5)
        console.print("certificates: \(samples.count) on \(portal.databaseName): p50 \(format(p50, 1)) ms, p90 \(format(percentile(samples, 0.9), 1)) ms, max \(format(samples.last ?? .nan, 1)) ms — target p50 < 1,000 ms (\(p50 < 1_000 ? "meets" : "MISSES"))")
    }
}
