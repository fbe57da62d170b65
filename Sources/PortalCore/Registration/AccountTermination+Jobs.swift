import Fluent
import Foundation
import PortalJobs

/// The member's traces in the job queue and the mail outbox, which
/// termination deletes too (SECURITY.md "deletion"): mail jobs carry the
/// address and confirmation links in their payload, and the file outbox
/// keeps every mail as a file.
package enum MemberJobs {
    package struct Deleted: Sendable {
        package var jobs: [Job] = []
        /// Every address the member's mails went to, for the outbox sweep.
        package var addresses: Set<String> = []
    }

    /// Deletes, inside the termination's transaction, the jobs stamped with
    /// the member, the matching jobs of their registrations, and mail jobs to
    /// any address the member used: stamped jobs name old addresses too, and
    /// the payload search finds mails enqueued without a stamp.
    package static func delete(memberID: UUID, registrationJobIDs: [Int64], knownAddresses: Set<String>,
                       on db: any Database) async throws -> Deleted {
        let sql = try db.requireSQL()
        var deleted = Deleted()
        let stamped = try await JobQueue.delete(ids: JobQueue.ids(subject: JobSubject.member(memberID), on: sql) + registrationJobIDs, on: sql)
        deleted.jobs = stamped
        deleted.addresses = knownAddresses.union(stamped.compactMap { mailAddress(of: $0) })
        for address in deleted.addresses {
            let candidates = try await JobQueue.jobs(kind: PortalJobKinds.mailSend.name, payloadContaining: address, on: sql)
            let mails = candidates.filter { mailAddress(of: $0)?.lowercased() == address.lowercased() }
            deleted.jobs += try await JobQueue.delete(ids: mails.map(\.id), on: sql)
        }
        return deleted
    }

    /// After the commit: the outbox files of the deleted mail jobs, and any
    /// other mail to the member's addresses.
    package static func deleteMailFiles(_ deleted: Deleted, outbox: MailOutbox?) async throws -> Int {
        guard let outbox else { return 0 }
        var count = 0
        for job in deleted.jobs where job.kind == PortalJobKinds.mailSend.name {
            count += try await outbox.files.delete(messageID: outbox.messageID(of: job)) ? 1 : 0
        }
        return count + (try await outbox.files.deleteMessages(to: deleted.addresses))
    }

    private static func mailAddress(of job: Job) -> String? {
        guard job.kind == PortalJobKinds.mailSend.name else { return nil }
        return (try? job.decodePayload(PortalMails.Payload.self))?.to
    }
}
