import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOConcurrencyHelpers
import PortalDomain
import PortalJobs
import PortalJobsTestSupport
import SQLKit
import Vapor
import PortalCore
import PortalWeb

/// `portal-bench jobs`: enqueues and drains N no-op jobs on a scratch SQLite
/// file (and on a scratch schema of PORTAL_BENCH_POSTGRES_URL's server when
/// it is set); prints throughput and enqueue-to-start latency per database.
struct JobsBench: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "count", help: "jobs per database (default 2000)")
        var count: Int?
    }

    var help: String { "Measures the job queue: jobs/s and enqueue-to-start latency (two workers on PostgreSQL)." }

    struct Payload: Codable, Sendable {
        let enqueuedAt: Double
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let count = max(10, signature.count ?? 2000)
        // Fluent's pools, as the portal opens its databases.
        let app = try await Application.make(Environment(name: "development", arguments: ["portal-bench"]))
        let file = ScratchDatabase.newSQLitePath(prefix: "portal-bench-jobs")
        var schema: (url: String, name: String)?
        do {
            app.databases.use(.sqlite(.file(file)), as: .init(string: "bench-sqlite"))
            var targets: [(String, DatabaseID)] = [("sqlite", .init(string: "bench-sqlite"))]
            if let url = Environment.get("PORTAL_BENCH_POSTGRES_URL"), !url.isEmpty {
                let name = ScratchDatabase.newSchemaName(prefix: "bench_")
                try await ScratchDatabase.createSchema(name, url: url)
                schema = (url, name)
                var config = try SQLPostgresConfiguration(url: url)
                config.searchPath = [name]
                app.databases.use(.postgres(configuration: config, maxConnectionsPerEventLoop: 8), as: .init(string: "bench-postgres"))
                targets.append(("postgres", .init(string: "bench-postgres")))
            }
            context.console.print("targets: >= 1000 jobs/s with two workers on PostgreSQL, enqueue-to-start p50 < 100 ms")
            for (name, id) in targets {
                let sql = try app.db(id).sqlDatabase()
                if name == "sqlite" { try await sql.raw("PRAGMA journal_mode=WAL").run() }
                context.console.print(try await measure(sql: sql, count: count, name: name))
            }
        } catch {
            await cleanUp(app, file: file, schema: schema)
            throw error
        }
        await cleanUp(app, file: file, schema: schema)
    }

    private func cleanUp(_ app: Application, file: String, schema: (url: String, name: String)?) async {
        try? await app.asyncShutdown()
        ScratchDatabase.removeSQLiteFile(atPath: file)
        if let schema { try? await ScratchDatabase.dropSchema(schema.name, url: schema.url) }
    }

    private func measure(sql: any SQLDatabase, count: Int, name: String) async throws -> String {
        let latencies = NIOLockedValueBox<[Double]>([])
        let done = NIOLockedValueBox<Int>(0)
        var registry = JobRegistry()
        registry.register(JobKind(name: "bench.noop", maxAttempts: 1)) { context in
            let payload = try context.decodePayload(Payload.self)
            latencies.withLockedValue { $0.append((Date().timeIntervalSince1970 - payload.enqueuedAt) * 1000) }
            done.withLockedValue { $0 += 1 }
        }
        let queue = try JobQueue(database: sql, registry: registry, clock: SystemClock())
        try await queue.migrate()
        // SQLite: one worker process is the supported shape (one writer at a time);
        // PostgreSQL: two workers sharing the queue through SKIP LOCKED.
        let isSQLite = name == "sqlite"
        let options = WorkerOptions(concurrency: isSQLite ? 1 : 16, pollInterval: .milliseconds(200))
        let workers = (0..<(isSQLite ? 1 : 2)).map { _ in Worker(queue: queue, options: options) }
        let running = workers.map { worker in Task { await worker.run() } }
        let started = Date()
        let producers = isSQLite ? 1 : 8
        try await withThrowingTaskGroup(of: Void.self) { group in
            for producer in 0..<producers {
                group.addTask {
                    for _ in stride(from: producer, to: count, by: producers) {
                        try await queue.enqueue(kind: "bench.noop", payload: Payload(enqueuedAt: Date().timeIntervalSince1970))
                        workers.forEach { $0.wake() }
                    }
                }
            }
            try await group.waitForAll()
        }
        let deadline = Date().addingTimeInterval(600)
        while done.withLockedValue({ $0 }) < count && Date() < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        let elapsed = Date().timeIntervalSince(started)
        for worker in workers { await worker.stop(grace: .seconds(5)) }
        running.forEach { $0.cancel() }
        let sorted = latencies.withLockedValue { $0 }.sorted()
        let finished = done.withLockedValue { $0 }
        return "\(name): \(format(Double(finished) / elapsed, 0)) jobs/s, p50 \(format(percentile(sorted, 0.5), 1)) ms, p99 \(format(percentile(sorted, 0.99), 1)) ms (\(finished) of \(count) jobs, \(workers.count) worker(s), \(producers) enqueuer(s), enqueue and drain overlapping)"
    }
}
