import Fluent
import Foundation
import PortalJobs
import Vapor

/// Deletes sessions past their idle or absolute limit, so abandoned sessions
/// do not stay in the database (they are refused on use anyway).
enum SessionCleanup {
    static func run(app: Application) async throws {
        let config = app.portal.configuration
        let now = app.portal.clock.now()
        try await PortalSession.query(on: app.db)
            .group(.or) { group in
                group.filter(\.$lastSeenAt < now.addingTimeInterval(-config.sessionIdleTimeout))
                group.filter(\.$createdAt < now.addingTimeInterval(-config.sessionAbsoluteTimeout))
            }
            .delete()
    }
}

/// Deletes succeeded and dead jobs older than PORTAL_JOB_RETENTION_DAYS and
/// the mail files of those that were mails: neither may keep an address or
/// a confirmation link for longer than the outbox needs it.
enum JobPruning {
    static func run(app: Application) async throws {
        let cutoff = app.portal.clock.now().addingTimeInterval(-app.portal.configuration.jobRetention)
        let pruned = try await app.jobs.queue.pruneFinished(before: cutoff)
        var files = 0
        if let outbox = app.mailOutbox {
            for job in pruned where job.kind == PortalJobKinds.mailSend.name {
                files += try await outbox.files.delete(messageID: outbox.messageID(of: job)) ? 1 : 0
            }
        }
        app.logger.notice("finished jobs pruned", metadata: ["jobs": .stringConvertible(pruned.count), "mailFiles": .stringConvertible(files)])
    }
}

/// The nightly backup in the maintenance window: an online SQLite copy with
/// rotation, or the operator's PostgreSQL hook (pg_dump) when configured.
enum BackupJob {
    static func run(app: Application) async throws {
        let config = app.portal.configuration
        let directory = config.dataDirectory.appendingPathComponent("backups")
        switch config.database {
        case .sqlite:
            let file = try await SQLiteBackup.run(db: try app.db.requireSQL(), to: directory, keep: config.backupsToKeep, clock: app.portal.clock)
            app.logger.notice("backup written", metadata: ["file": .string(file.lastPathComponent)])
        case .postgres:
            guard let command = config.postgresBackupCommand else {
                app.logger.notice("no PORTAL_PG_BACKUP_COMMAND configured; PostgreSQL is backed up by its own tooling")
                return
            }
            let file = try await PostgresBackupHook(command: command, directory: directory).run(clock: app.portal.clock)
            app.logger.notice("backup written", metadata: ["file": .string(file.lastPathComponent)])
        case .sqliteInMemory:
            return
        }
    }
}
