import Fluent
import Foundation
import PortalApp
import PortalDomain
import SQLKit
import Vapor
import PortalCore
import PortalWeb

/// `portal-bench documents`: the archive page of a member with 1,000
/// documents while the table holds 1 million, over HTTP; p50/p99 per page
/// shape, sequential and with concurrent clients.
struct DocumentsBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "documents", help: "rows in the documents table (default 1000000)")
        var documents: Int?
        @Option(name: "requests", help: "requests per measurement (default 400)")
        var requests: Int?
        @Option(name: "members", help: "demo members who own the other documents (default 1000)")
        var members: Int?
        @Flag(name: "postgres", help: "on PostgreSQL (PORTAL_BENCH_POSTGRES_URL) instead of SQLite")
        var postgres: Bool
    }

    var help: String { "Measures the document archive page: 1,000 documents for one member, 1 million in the table." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let total = max(1_000, signature.documents ?? 1_000_000)
        let requests = max(20, signature.requests ?? 400)
        let members = max(8, signature.members ?? 1_000)
        try await BenchPortal.run(from: try BenchPortal.baseConfiguration(), members: members, postgres: signature.postgres) { portal in
            try await measure(portal, total: total, requests: requests, console: context.console)
        }
    }

    private func measure(_ portal: BenchPortal, total: Int, requests: Int, console: any Console) async throws {
        let db = portal.app.db
        let sql = try db.sqlDatabase()
        // The one account of the demo data is Erika's, the member the browser signs in as.
        guard let erika = try await sql.raw("SELECT member_id FROM accounts LIMIT 1").first()?.decode(column: "member_id", as: UUID.self) else {
            throw BenchFailure("no registered demo member")
        }
        let others = try await sql.raw("SELECT id FROM members WHERE id <> \(bind: erika)").all().map { try $0.decode(column: "id", as: UUID.self) }
        let seeding = ContinuousClock.now
        try await Self.seed(total: total, member: erika, others: others, db: db, console: console)
        console.print("documents: \(total) rows (1,000 for the measured member) inserted in \(format((ContinuousClock.now - seeding).seconds, 1)) s on \(portal.databaseName)")
        if portal.databaseName == "postgres" { try await sql.raw("ANALYZE documents").run() }

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
            let client = browser.copy()
            let check = try await client.get(path)
            guard check.status == .ok, check.text.contains("documents-table") else {
                throw BenchFailure("\(path) answered \(check.status.code) without the document table")
            }
            for _ in 0..<10 { _ = try await client.get(path) } // warm-up
            var samples: [Double] = []
            for _ in 0..<requests {
                let begin = ContinuousClock.now
                let response = try await client.get(path)
                samples.append((ContinuousClock.now - begin).milliseconds)
                guard response.status == .ok else { throw BenchFailure("\(path) answered \(response.status.code)") }
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
                var insert = try tx.sqlDatabase().insert(into: Document.schema).columns(columns)
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
                let client = browser.copy()
                group.addTask {
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
