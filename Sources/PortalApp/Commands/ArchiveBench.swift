import Fluent
import Foundation
import PortalDomain
import SQLKit
import Vapor

/// `portal bench documents`: the archive page of a member with 1,000
/// documents while the table holds 1 million, over HTTP; p50/p99 per page
/// shape, sequential and with concurrent clients.
struct DocumentsBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "documents", help: "rows in the documents table (default 1000000)")
        var documents: Int?
        @Option(name: "requests", help: "requests per measurement (default 400)")
        var requests: Int?
        @Flag(name: "postgres", help: "on PostgreSQL (PORTAL_BENCH_POSTGRES_URL) instead of SQLite")
        var postgres: Bool
    }

    var help: String { "Measures the document archive page: 1,000 documents for one member, 1 million in the table." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let total = max(1_000, signature.documents ?? 1_000_000)
        let requests = max(20, signature.requests ?? 400)
        try await BenchPortal.run(from: context.application.portal.configuration, members: 1_000, postgres: signature.postgres) { portal in
            try await measure(portal, total: total, requests: requests, console: context.console)
        }
    }

    private func measure(_ portal: BenchPortal, total: Int, requests: Int, console: any Console) async throws {
        let db = portal.app.db
        guard let erika = try await Account.query(on: db).first().map({ $0.$member.id }) else { throw UsageError(description: "no registered demo member") }
        let others = try await Member.query(on: db).filter(\.$id != erika).all(\.$id)
        let seeding = ContinuousClock.now
        try await Self.seed(total: total, member: erika, others: others, db: db, console: console)
        console.print("documents: \(total) rows (1,000 for the measured member) inserted in \(format((ContinuousClock.now - seeding).seconds, 1)) s on \(portal.databaseName)")
        if portal.databaseName == "postgres" { try await db.requireSQL().raw("ANALYZE documents").run() }

        let browser = try await portal.signIn()
        let lastYear = (Calendar.berlin.dateComponents(in: .berlin, from: Date()).year ?? 2026) - 1
        let shapes: [(String, String)] = [
            ("first page", "/konto/dokumente"),
            ("page 25 of 50", "/konto/dokumente?seite=25"),
            ("filtered by year", "/konto/dokumente?jahr=\(lastYear)"),
            ("filtered by category", "/konto/dokumente?kategorie=decision&seite=3"),
        ]
        console.print("target: document list p99 < 50 ms")
        var sequential: [Double] = []
        for (name, path) in shapes {
            var client = browser
            let check = try await client.get(path)
            let body = check.body.map { String(buffer: $0) } ?? ""
            guard check.status == .ok, body.contains("documents-table") else {
                throw UsageError(description: "\(path) answered \(check.status.code) without the document table")
            }
            for _ in 0..<10 { _ = try await client.get(path) } // warm-up
            var samples: [Double] = []
            for _ in 0..<requests {
                let begin = ContinuousClock.now
                let response = try await client.get(path)
                samples.append((ContinuousClock.now - begin).milliseconds)
                guard response.status == .ok else { throw UsageError(description: "\(path) answered \(response.status.code)") }
            }
            samples.sort()
            sequential += samples
            console.print("documents: \(name.padding(toLength: 22, withPad: " ", startingAt: 0)) sequential p50 \(format(percentile(samples, 0.5))) ms, p99 \(format(percentile(samples, 0.99))) ms")
        }
        sequential.sort()
        let concurrent = try await Self.concurrent(browser, path: "/konto/dokumente", clients: 8, requests: requests * 2)
        console.print("documents: first page, 8 concurrent clients: \(format(concurrent.perSecond, 0)) req/s, p50 \(format(percentile(concurrent.samples, 0.5))) ms, p99 \(format(percentile(concurrent.samples, 0.99))) ms")
        let p99 = percentile(sequential, 0.99)
        console.print("documents: all shapes sequential p99 \(format(p99)) ms — target < 50 ms (\(p99 < 50 ? "meets" : "MISSES")); peak RSS \(peakMemoryMB().map { format($0, 1) } ?? "?") MB (bench process incl. server)")
    }

    /// Inserts the rows in multi-row statements through SQLKit binds, so the
    /// values are encoded exactly as Fluent encodes them.
    static func seed(total: Int, member: UUID, others: [UUID], db: any Database, console: any Console) async throws {
        let columns = ["id", "member_id", "title", "category", "document_date", "source", "online_until", "availability",
                       "blob_key", "file_name", "byte_count", "created_at"]
        let categories = Document.Category.allCases
        let now = Date()
        let batch = 400
        var written = 0
        var nextReport = 100_000
        while written < total {
            let count = min(batch, total - written)
            let start = written
            try await db.transaction { tx in
                var insert = try tx.requireSQL().insert(into: Document.schema).columns(columns)
                for offset in 0..<count {
                    let index = start + offset
                    let owner = index < 1_000 ? member : others[index % others.count]
                    let category = categories[index % categories.count]
                    let date = now.addingTimeInterval(-Double(index % 3_650) * 86_400 - Double(index % 997))
                    let online = index % 3 == 0
                    let id = UUID()
                    insert = insert.values([
                        SQLBind(id), SQLBind(owner), SQLBind("Dokument \(index)"), SQLBind(category.rawValue), SQLBind(date),
                        SQLBind("bench"), SQLBind(online ? now.addingTimeInterval(86_400 * 30) : nil as Date?),
                        SQLBind(online ? Document.Availability.online.rawValue : Document.Availability.offline.rawValue),
                        SQLBind(id.uuidString), SQLBind("Dokument-\(index).pdf"), SQLBind(1_000), SQLBind(date),
                    ])
                }
                try await insert.run()
            }
            written += count
            if written >= nextReport {
                console.print("documents: \(written) rows …")
                nextReport += 100_000
            }
        }
    }

    static func concurrent(_ browser: BenchBrowser, path: String, clients: Int, requests: Int) async throws -> (samples: [Double], perSecond: Double) {
        let started = ContinuousClock.now
        let samples = try await withThrowingTaskGroup(of: [Double].self) { group in
            for _ in 0..<clients {
                group.addTask {
                    var client = browser
                    var samples: [Double] = []
                    for _ in 0..<(requests / clients) {
                        let begin = ContinuousClock.now
                        _ = try await client.get(path)
                        samples.append((ContinuousClock.now - begin).milliseconds)
                    }
                    return samples
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let seconds = (ContinuousClock.now - started).seconds
        return (samples.sorted(), Double(samples.count) / seconds)
    }
}

/// `portal bench certificates`: from "request certificate" (the form's POST)
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
        let configuration = context.application.portal.configuration
        guard !configuration.maintenanceWindow.contains(Date()) else {
            throw UsageError(description: "it is inside the maintenance window (\(configuration.maintenanceWindow)); certificates wait until it ends — run the benchmark later")
        }
        let count = max(5, signature.count ?? 60)
        try await BenchPortal.run(from: configuration, members: 200, postgres: signature.postgres) { portal in
            try await measure(portal, count: count, console: context.console)
        }
    }

    private func measure(_ portal: BenchPortal, count: Int, console: any Console) async throws {
        var browser = try await portal.signIn()
        let page = try await browser.get("/konto/antraege")
        let html = page.body.map { String(buffer: $0) } ?? ""
        guard let token = BenchBrowser.csrfToken(in: html) else { throw UsageError(description: "the certificates page has no CSRF token") }
        let year = Calendar.berlin.dateComponents(in: .berlin, from: Date()).year.map { String($0 - 1) } ?? "2025"
        let forms: [[String: String]] = [["kind": "contributions", "year": year], ["kind": "membership"], ["kind": "entitlement"]]
        console.print("target: request to document available p50 < 1 s (worker idle, outside the window)")
        var samples: [Double] = []
        for index in 0..<(count + 3) {
            var form = forms[index % forms.count]
            form["csrf_token"] = token
            let begin = ContinuousClock.now
            let sent = try await browser.post("/konto/antraege", form: form)
            guard sent.status == .seeOther, let location = sent.headers.first(name: .location) else {
                throw UsageError(description: "the request answered \(sent.status.code)")
            }
            var state = ""
            while state != "ready" {
                let status = try await browser.get(location, json: true)
                state = (try? status.content.decode([String: String].self)["state"]) ?? ""
                guard state != "failed" else { throw UsageError(description: "certificate \(location) failed") }
                guard (ContinuousClock.now - begin) < .seconds(60) else { throw UsageError(description: "certificate \(location) not ready after 60 s") }
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

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
