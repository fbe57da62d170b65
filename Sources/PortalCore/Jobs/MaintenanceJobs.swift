import Fluent
import Foundation
import Logging
import PortalDomain
import PortalJobs

/// Deletes sessions past their idle or absolute limit, so abandoned sessions
/// do not stay in the database (they are refused on use anyway).
package struct SessionCleanup {
    package let database: PortalDatabase
    package let clock: any PortalClock
    package let configuration: PortalConfiguration

    package func run() async throws {
        let now = clock.now()
        try await PortalSession.query(on: database.db)
            .group(.or) { group in
                group.filter(\.$lastSeenAt < now.addingTimeInterval(-configuration.sessionIdleTimeout))
                group.filter(\.$createdAt < now.addingTimeInterval(-configuration.sessionAbsoluteTimeout))
            }
            .delete()
    }
}

/// Deletes succeeded and dead jobs older than PORTAL_JOB_RETENTION_DAYS and
/// the mail files of those that were mails: neither may keep an address or
/// a confirmation link for longer than the outbox needs it.
package struct JobPruning {
    package let clock: any PortalClock
    package let retention: TimeInterval
    package let queue: JobQueue
    package let outbox: MailOutbox?
    package let logger: Logger

    package func run() async throws {
        let pruned = try await queue.pruneFinished(before: clock.now().addingTimeInterval(-retention))
        var files = 0
        if let outbox {
            for job in pruned where job.kind == PortalJobKinds.mailSend.name {
                files += try await outbox.files.delete(messageID: outbox.messageID(of: job)) ? 1 : 0
            }
        }
        logger.notice("finished jobs pruned", metadata: ["jobs": .stringConvertible(pruned.count), "mailFiles": .stringConvertible(files)])
    }
}

/// The nightly backup in the maintenance window: an online SQLite copy with
/// rotation, or the operator's PostgreSQL hook (pg_dump) when configured.
package struct BackupJob {
    package let database: PortalDatabase
    package let clock: any PortalClock
    package let configuration: PortalConfiguration
    package let logger: Logger

    package func run() async throws {
        let directory = configuration.dataDirectory.appendingPathComponent("backups")
        switch configuration.database {
        case .sqlite:
            let file = try await SQLiteBackup.run(db: try database.db.requireSQL(), to: directory, keep: configuration.backupsToKeep, clock: clock)
            logger.notice("backup written", metadata: ["file": .string(file.lastPathComponent)])
        case .postgres:
            guard let command = configuration.postgresBackupCommand else {
                logger.notice("no PORTAL_PG_BACKUP_COMMAND configured; PostgreSQL is backed up by its own tooling")
                return
            }
            let file = try await PostgresBackupHook(command: command, directory: directory).run(clock: clock)
            logger.notice("backup written", metadata: ["file": .string(file.lastPathComponent)])
        case .sqliteInMemory:
            return
        }
    }
}
