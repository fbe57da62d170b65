import Fluent
import Foundation
import NIOPosix
import PortalDomain
import PortalJobs
import PortalPDF

/// The window-bound job that turns a sent application into its binding PDF:
/// rendered, sealed, filed in the member file and the archive (category
/// "submitted application"), announced in the inbox. The document id is the
/// submission id, so a rerun after a crash finds the document and goes on.
package struct ApplicationFiling {
    package let database: PortalDatabase
    package let clock: any PortalClock
    package let fund: FundProfile
    package let texts: LocalizationCatalogue
    package let renderer: DocumentRendering
    package let archive: DocumentArchive
    package let jobs: JobsService

    /// The submission names a type the portal no longer offers: the job fails
    /// visibly (jobs list) instead of filing nothing.
    package struct UnknownType: Error, CustomStringConvertible {
        package let type: String
        package var description: String { "no application type \(type)" }
    }

    package func run(_ context: JobContext) async throws {
        let payload = try context.decodePayload(ApplicationSubmitting.FilePayload.self)
        let db = database.db
        // Gone when the account was terminated in the meantime: nothing to file.
        guard let submission = try await ApplicationSubmission.find(payload.submissionID, on: db),
              let member = try await Member.find(submission.memberID, on: db) else { return }
        guard submission.documentID == nil else { return }
        guard let definition = ApplicationTypes.definition(submission.type) else { throw UnknownType(type: submission.type) }
        let now = clock.now()
        let built = try ApplicationDocument(fund: fund, texts: texts).build(submission, member: member, definition: definition, at: now)
        // Rendering and sealing are CPU work and, the first time, file reads: off the event loops.
        let renderer = renderer
        let spec = built.spec
        let bytes = try await NIOThreadPool.singleton.runIfActive { try renderer.sealedPDF(spec, at: now) }
        // Filed before the transaction, as certificates are: the blobs may go to
        // the database through the store's own connection.
        let submissionID = try submission.requireID()
        let document = try await archive.file(
            bytes, title: built.title, fileName: CertificateGeneration.fileName(built.title + " " + submission.reference, member: member),
            category: .application, memberID: member.requireID(), source: "portal:application", id: submissionID,
            dated: submission.submittedAt, on: db)
        let jobs = jobs
        let phone = fund.phone
        try await db.writeTransaction { tx in
            // Read again under the write lock: a second worker that got here first has done all of it.
            guard let current = try await ApplicationSubmission.find(submissionID, on: tx), current.documentID == nil else { return }
            current.documentID = document.id
            try await current.save(on: tx)
            let memberID = current.memberID
            try await Inbox.post(.applicationReceived, to: memberID, parameters: [built.title, current.reference],
                                 documentID: document.id, on: tx, at: now)
            if current.type == ChangeOfBankDetails.definition.id {
                try await BankDetailsChangeNotice.send(to: memberID, reference: current.reference, submittedAt: current.submittedAt,
                                                       phone: phone, on: tx, at: now, jobs: jobs)
            }
            try await AuditLog.record(on: tx, at: now, actor: .system(job: "application-filing"), action: "application.filed",
                                      memberID: memberID, detail: ["submission": submissionID.uuidString, "reference": current.reference,
                                                                   "document": document.id?.uuidString ?? "-"])
        }
    }
}

/// A change of bank details is told on a second channel too, as a card change
/// is: whoever took over a session and redirected the payments sees the inbox,
/// but only the member reads the confirmed notification address, whether or
/// not they chose to be notified of new messages. The mail says when and whom
/// to call, nothing else (no account number, no name).
package enum BankDetailsChangeNotice {
    package static func send(to memberID: UUID, reference: String, submittedAt: Date, phone: String,
                             on db: any Database, at now: Date, jobs: JobsService) async throws {
        try await Inbox.post(.bankDetailsChanged, to: memberID, values: [.day(of: submittedAt), .text(reference), .text(phone)],
                             on: db, at: now)
        guard let address = try await NotificationSetting.query(on: db).filter(\.$memberID == memberID).first()?.email else { return }
        let payload = PortalMails.Payload(kind: .bankDetailsChanged, to: address, changedAt: submittedAt, memberID: memberID)
        try await jobs.enqueue(PortalJobKinds.mailSend, payload: payload, key: "mail-bank-details-\(reference)", on: db)
    }
}
