import Crypto
import Fluent
import Foundation
import PortalDomain
import PortalJobs

/// Drafts and the binding send, for one member at a time. Every
/// check-then-act runs in one write transaction with the member locked, so
/// double clicks, reloads and concurrent duplicate POSTs change nothing twice.
package struct ApplicationSubmitting: Sendable {
    package let jobs: JobsService
    package let clock: any PortalClock

    package init(jobs: JobsService, clock: any PortalClock) {
        self.jobs = jobs
        self.clock = clock
    }

    package struct FilePayload: Codable, Sendable, MemberJobPayload {
        package let submissionID: UUID
        /// The member the PDF belongs to, so termination finds the job (jobs.subject).
        package var memberID: UUID?
        package init(submissionID: UUID, memberID: UUID) {
            self.submissionID = submissionID
            self.memberID = memberID
        }
    }

    // MARK: Drafts

    /// The `step` of a draft whose steps are all done: it resumes at the review.
    package static let reviewStep = "review"

    package static func draft(memberID: UUID, type: String, on db: any Database) async throws -> ApplicationDraft? {
        try await ApplicationDraft.query(on: db).filter(\.$memberID == memberID).filter(\.$type == type).first()
    }

    /// Saves a step's checked answers into the member's draft of this type
    /// (made on the first save: one per type) and the step to continue at.
    /// The stored answers of `replacing` (the step's fields) go first, so a
    /// field the member's new answers hide keeps no stale value.
    /// `pending` is what the timeout warning saved of a step not yet checked.
    @discardableResult
    package func saveDraft(memberID: UUID, definition: FormDefinition, answers: FormAnswers, replacing: [String] = [],
                           step: String, pending: [String: String]? = nil, on db: any Database) async throws -> UUID {
        let now = clock.now()
        let pendingJSON = try pending.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        return try await db.writeTransaction { tx in
            try await tx.lockMember(memberID)
            let draft = try await Self.draft(memberID: memberID, type: definition.id, on: tx) ?? {
                let created = ApplicationDraft()
                created.id = UUID()
                created.memberID = memberID
                created.type = definition.id
                created.createdAt = now
                created.answersJSON = "{}"
                return created
            }()
            var stored = FormAnswers(canonicalJSON: draft.answersJSON, definition: definition)
            for id in replacing { stored[id] = nil }
            draft.answersJSON = stored.merging(answers).canonicalJSON
            draft.pendingJSON = pendingJSON
            draft.step = step
            draft.updatedAt = now
            draft.remindedDays = nil
            try await draft.save(on: tx)
            return try draft.requireID()
        }
    }

    /// Deletes the member's draft; false when there was none (already sent or deleted).
    package func deleteDraft(memberID: UUID, id: UUID, on db: any Database) async throws -> Bool {
        try await db.writeTransaction { tx in
            guard let draft = try await ApplicationDraft.query(on: tx).filter(\.$memberID == memberID).filter(\.$id == id).first()
            else { return false }
            try await draft.delete(on: tx)
            return true
        }
    }

    // MARK: Sending

    package enum Outcome: Sendable, Equatable {
        /// Sent now, or by an earlier POST of the same draft: the receipt shows it.
        case sent(submissionID: UUID, new: Bool)
        /// No draft of this member with that id and no submission from it.
        case noDraft
        /// A step is missing or no longer valid (e.g. a date that passed): go back there.
        case incomplete(stepIndex: Int)
    }

    /// Sends the draft as a binding application: the submission record, the
    /// draft removed and the PDF job, in one transaction.
    package func submit(memberID: UUID, draftID: UUID, definition: FormDefinition, context: FormContext,
                        levelOfAssurance: String, actor: AuditActor, on db: any Database) async throws -> Outcome {
        let now = clock.now()
        let jobs = self.jobs
        let outcome = try await db.writeTransaction { tx -> Outcome in
            try await tx.lockMember(memberID)
            if let earlier = try await ApplicationSubmission.query(on: tx).filter(\.$memberID == memberID)
                .filter(\.$draftID == draftID).first() {
                return .sent(submissionID: try earlier.requireID(), new: false)
            }
            guard let draft = try await ApplicationDraft.query(on: tx).filter(\.$memberID == memberID).filter(\.$id == draftID)
                .filter(\.$type == definition.id).first()
            else { return .noDraft }
            let answers = FormAnswers(canonicalJSON: draft.answersJSON, definition: definition)
            if let incomplete = definition.firstIncompleteStep(answers: answers, context: context) {
                return .incomplete(stepIndex: incomplete)
            }
            let json = definition.effectiveAnswers(answers, context: context).canonicalJSON
            let submission = ApplicationSubmission()
            let id = UUID()
            submission.id = id
            submission.memberID = memberID
            submission.draftID = draftID
            submission.reference = Self.reference(year: Calendar.berlin.component(.year, from: now))
            submission.type = definition.id
            submission.definitionVersion = definition.version
            submission.answersJSON = json
            submission.sha256 = Self.sha256(json)
            submission.levelOfAssurance = levelOfAssurance
            submission.submittedAt = now
            let job = try await jobs.enqueue(PortalJobKinds.applicationFile, payload: FilePayload(submissionID: id, memberID: memberID),
                                             key: "application:\(id.uuidString)", on: tx)
            submission.jobID = job.id
            try await submission.create(on: tx)
            try await draft.delete(on: tx)
            try await AuditLog.record(on: tx, at: now, actor: actor, action: "application.submitted", memberID: memberID,
                                      detail: ["submission": id.uuidString, "type": definition.id, "reference": submission.reference,
                                               "sha256": submission.sha256, "loa": levelOfAssurance])
            return .sent(submissionID: id, new: true)
        }
        if case .sent(_, true) = outcome { jobs.worker.wake() }
        return outcome
    }

    /// Hex SHA-256 of the canonical JSON's UTF-8 bytes.
    package static func sha256(_ json: String) -> String {
        SHA256.hash(data: Data(json.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// "A-2026-7KQ3-M9XD": the year and eight characters of Crockford's base 32
    /// (no I, L, O, U), easy to read out on the phone; 40 random bits.
    package static func reference(year: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<8).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] }
        return "A-\(year)-\(String(characters[0..<4]))-\(String(characters[4..<8]))"
    }
}
