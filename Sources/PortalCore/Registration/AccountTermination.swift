import Fluent
import Foundation
import PortalDomain

/// Account termination (DOMAIN.md): everything the portal holds for the
/// member goes — binding, sessions, registrations, transfer codes, the jobs
/// about them — in one transaction, then, once it has committed, the mail
/// files and document copies outside the database; one audit entry records it. The member record from the
/// core system and the member file are not portal data and stay.
/// Running it again finds nothing and changes nothing.
package enum AccountTermination {
    package struct Report: Equatable {
        package var accounts = 0
        package var sessions = 0
        package var registrations = 0
        package var messages = 0
        package var documents = 0
        package var contactMessages = 0
        package var jobs = 0
        package var mailFiles = 0

        package var deletedAnything: Bool { accounts + sessions + registrations + messages + documents + contactMessages + jobs > 0 }

        package func summary(_ number: MemberNumber) -> String {
            guard deletedAnything else { return "\(number): no portal data (already terminated or never registered)" }
            return "\(number): account terminated; deleted \(accounts) account(s), \(sessions) session(s), \(registrations) registration(s), \(messages) message(s), \(documents) document(s), \(contactMessages) contact message(s), \(jobs) job(s), \(mailFiles) mail file(s)"
        }
    }

    /// The database part is done; these document files are not.
    package struct FilesLeft: Error, CustomStringConvertible {
        package let number: MemberNumber
        package let blobKeys: [String]
        package let reason: String
        package var description: String {
            "\(number): account terminated, but \(blobKeys.count) document file(s) could not be deleted (\(reason)); "
                + "delete them from the portal's document store by hand: \(blobKeys.joined(separator: ", "))"
        }
    }

    package struct UnknownMember: Error, CustomStringConvertible {
        package let number: MemberNumber
        package var description: String { "no member \(number)" }
    }

    /// Tables with a `member_id` or `account_id` column whose rows of the
    /// member termination keeps, with the reason. Every other such table is
    /// portal data and emptied of the member's rows; the live-schema test
    /// (AccountTerminationSchemaTests) fails for a table in neither group.
    package static let keptTables: [String: String] = [
        // Imported from the core system by `portal import`: the fund's records, not the portal's (DOMAIN.md).
        "contributions": "core system data (imported)",
        "pension_payments": "core system data (imported)",
        "entitlements": "core system data (imported)",
        // Append-only and retained by law; the termination's own entry is among them.
        "audit_entries": "audit trail (legal retention)",
    ]

    package static func terminate(_ number: MemberNumber, on database: any Database, at now: Date, actor: AuditActor,
                          portalStore: (any BlobStore)? = nil, outbox: MailOutbox? = nil) async throws -> Report {
        guard let member = try await Member.query(on: database).filter(\.$memberNumber == number.value).first() else {
            throw UnknownMember(number: number)
        }
        let memberID = try member.requireID()
        let (deleted, deletedJobs, blobKeys) = try await database.writeTransaction { db -> (Report, MemberJobs.Deleted, [String]) in
            var report = Report()
            let accounts = try await Account.query(on: db).filter(\.$member.$id == memberID).all()
            let accountIDs = try accounts.map { try $0.requireID() }
            let pseudonyms = accounts.map(\.pseudonym)
            // Block first, so a request racing this transaction is refused.
            for account in accounts {
                account.state = .blocked
                try await account.save(on: db)
            }
            report.sessions += try await PortalSession.query(on: db).filter(\.$accountID ~~ accountIDs).count()
            try await PortalSession.query(on: db).filter(\.$accountID ~~ accountIDs).delete()
            report.sessions += try await PortalSession.query(on: db).filter(\.$pseudonym ~~ pseudonyms).count()
            try await PortalSession.query(on: db).filter(\.$pseudonym ~~ pseudonyms).delete()
            let registrations = {
                Registration.query(on: db).group(.or) { group in
                    group.filter(\.$memberID == memberID)
                    group.filter(\.$memberNumber == number.value)
                    group.filter(\.$pseudonym ~~ pseudonyms)
                }
            }
            let registrationRows = try await registrations().all()
            report.registrations = registrationRows.count
            try await registrations().delete()
            try await TransferCode.query(on: db).filter(\.$accountID ~~ accountIDs).delete()
            // Portal copies of documents go; the member file keeps its own retention (DOMAIN.md).
            let documents = try await Document.query(on: db).filter(\.$memberID == memberID).all()
            report.documents = documents.count
            try await Document.query(on: db).filter(\.$memberID == memberID).delete()
            try await CertificateRequest.query(on: db).filter(\.$memberID == memberID).delete()
            // Drafts and the portal's record of sent applications; the binding
            // PDFs stay in the member file, where the fund keeps them (DOMAIN.md).
            try await ApplicationDraft.query(on: db).filter(\.$memberID == memberID).delete()
            try await ApplicationSubmission.query(on: db).filter(\.$memberID == memberID).delete()
            let setting = try await NotificationSetting.query(on: db).filter(\.$memberID == memberID).first()
            let deletedJobs = try await MemberJobs.delete(memberID: memberID, registrationJobIDs: registrationRows.compactMap(\.jobID),
                                                          knownAddresses: Set([setting?.email, setting?.pendingEmail].compactMap { $0 }), on: db)
            report.jobs = deletedJobs.jobs.count
            try await NotificationSetting.query(on: db).filter(\.$memberID == memberID).delete()
            report.messages = try await InboxMessage.query(on: db).filter(\.$memberID == memberID).count()
            try await InboxMessage.query(on: db).filter(\.$memberID == memberID).delete()
            report.contactMessages = try await ContactMessage.query(on: db).filter(\.$memberID == memberID).count()
            try await ContactMessage.query(on: db).filter(\.$memberID == memberID).delete()
            try await RetiredCard.query(on: db).filter(\.$memberID == memberID).delete()
            report.accounts = accounts.count
            try await Account.query(on: db).filter(\.$member.$id == memberID).delete()
            if report.deletedAnything {
                try await AuditLog.record(on: db, at: now, actor: actor, action: "account.terminated", memberID: memberID,
                                          detail: ["accounts": "\(report.accounts)", "sessions": "\(report.sessions)",
                                                   "registrations": "\(report.registrations)", "messages": "\(report.messages)",
                                                   "jobs": "\(report.jobs)"])
            }
            return (report, deletedJobs, documents.map(\.blobKey))
        }
        // Files only after the commit: a rolled-back termination must leave
        // the member's documents and mails as they were, and a deleted file
        // cannot be rolled back. Each file is tried: once the rows are gone a
        // second run cannot find what the first one left.
        var report = deleted
        var left: [String] = [], failure: (any Error)?
        for key in blobKeys {
            do { try await portalStore?.delete(key) } catch { left.append(key); failure = error }
        }
        report.mailFiles = try await MemberJobs.deleteMailFiles(deletedJobs, outbox: outbox)
        if let failure { throw FilesLeft(number: number, blobKeys: left, reason: "\(failure)") }
        return report
    }
}
