import Foundation
import PortalDomain
import PortalJobs
import PortalJobsTestSupport
import SQLKit
import Testing

@Suite("Backup")
struct BackupTests {
    @Test("SQLite: VACUUM INTO writes a usable copy and keeps the newest N", arguments: [TestBackend.sqlite])
    func sqliteRotation(backend: TestBackend) async throws {
        try await withHarness(backend, at: utc("2026-11-26T02:30:00Z")) { h in
            let job = try await h.queue.enqueue(kind: "noop", payload: ["member": "99999/01"])
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backups-\(UUID())")
            defer { try? FileManager.default.removeItem(at: directory) }
            var written: [URL] = []
            for _ in 0..<5 {
                written.append(try await SQLiteBackup.run(db: h.sql, to: directory, keep: 3, clock: h.clock))
                h.clock.advance(by: 86_400)
            }
            let kept = try SQLiteBackup.backups(in: directory).map(\.lastPathComponent)
            #expect(kept == ["portal-20261128T023000Z.sqlite", "portal-20261129T023000Z.sqlite",
                             "portal-20261130T023000Z.sqlite"])
            #expect(kept == written.suffix(3).map(\.lastPathComponent))

            let copy = try await TestDatabase.openSQLite(path: try #require(written.last).path, owned: false)
            let copied = try await JobQueue(database: copy.sql, registry: h.queue.registry, clock: h.clock).find(job.id)
            try await copy.shutdown()
            #expect(copied?.payload == job.payload)
        }
    }

    @Test("PostgreSQL: the configured hook runs pg_dump into the backup folder", arguments: [TestBackend.postgres])
    func postgresHook(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            try await h.queue.enqueue(kind: "noop", payload: Empty())
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pgdump-\(UUID())")
            defer { try? FileManager.default.removeItem(at: directory) }
            let pgDump = ["/usr/lib/postgresql/15/bin/pg_dump", "/usr/bin/pg_dump"]
                .first { FileManager.default.isExecutableFile(atPath: $0) } ?? "pg_dump"
            let hook = PostgresBackupHook(
                command: "\(pgDump) --format=plain --schema=\(h.db.schema) --file=\"$PORTAL_BACKUP_FILE\" '\(h.db.location)'",
                directory: directory
            )
            let file = try await hook.run(clock: h.clock)
            #expect(file.lastPathComponent == "portal-20261130T100000Z.dump")
            let dump = try String(contentsOf: file, encoding: .utf8)
            #expect(dump.contains("CREATE TABLE \(h.db.schema).jobs"))

            let failing = PostgresBackupHook(command: "echo 'connection refused' >&2; exit 3", directory: directory)
            await #expect(throws: PostgresBackupHook.Failed.self) { try await failing.run(clock: h.clock) }
        }
    }

    @Test("the SQLite backup refuses a PostgreSQL database", arguments: [TestBackend.postgres])
    func sqliteBackupNeedsSQLite(backend: TestBackend) async throws {
        try await withHarness(backend) { h in
            await #expect(throws: JobQueueError.self) {
                try await SQLiteBackup.run(db: h.sql, to: FileManager.default.temporaryDirectory, keep: 1, clock: h.clock)
            }
        }
    }
}
