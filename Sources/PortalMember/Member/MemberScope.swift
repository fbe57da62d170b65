import Fluent
import Foundation
import SQLKit
import Vapor
import PortalCore
import PortalWeb

/// The signed-in member's own rows and nothing else (SECURITY.md, access:
/// 8.2.1, 8.2.2). Every member-side read and write of a member-owned row goes
/// through a scope, so a controller cannot ask for another member's id: the
/// only way to get one is `Request.memberScope()`, which takes the id from the
/// member `RequireAccountMiddleware` signed in. Another member's row is then
/// the same "not found" as a missing one. Jobs and operator commands that work
/// on a given member by their task keep their own queries.
package struct MemberScope: Sendable {
    /// Readable for audit entries, rate-limit keys and job payloads; never settable.
    package let memberID: UUID
    /// The request's database or, after `on(_:)`, a transaction.
    package let db: any Database

    fileprivate init(memberID: UUID, db: any Database) {
        self.memberID = memberID
        self.db = db
    }

    /// The same member on another database handle, typically a write transaction.
    package func on(_ db: any Database) -> MemberScope {
        MemberScope(memberID: memberID, db: db)
    }

    /// Serialises this member's check-then-act writes (PostgreSQL row lock; SQLite's write lock already does).
    package func lock() async throws {
        try await db.lockMember(memberID)
    }
}

extension Request {
    /// The scope of the signed-in member; only routes behind `RequireAccountMiddleware` call it.
    package func memberScope() throws -> MemberScope {
        MemberScope(memberID: try requireMember().member.requireID(), db: db)
    }
}

// MARK: - Documents

extension MemberScope {
    package func documents() -> QueryBuilder<Document> {
        Document.query(on: db).filter(\.$memberID == memberID)
    }

    package func document(_ id: UUID) async throws -> Document? {
        try await documents().filter(\.$id == id).first()
    }

    /// A plain SQL select over this member's documents (no columns yet), for
    /// the archive page that reads rows without Fluent's reflection.
    package func documentSelect() throws -> SQLSelectBuilder {
        try db.requireSQL().select().from(Document.schema).where("member_id", .equal, SQLBind(memberID))
    }

    /// Moves this member's offline document to "requested"; false when it is
    /// not this member's or no longer offline (a concurrent request won).
    package func markDocumentRequested(_ id: UUID) async throws -> Bool {
        let moved = try await db.requireSQL().raw("""
            UPDATE \(unsafeRaw: Document.schema) SET availability = \(bind: Document.Availability.requested.rawValue)
            WHERE id = \(bind: id) AND member_id = \(bind: memberID) AND availability = \(bind: Document.Availability.offline.rawValue)
            RETURNING id
            """).all()
        return !moved.isEmpty
    }
}

// MARK: - Inbox

extension MemberScope {
    package func inboxMessages() -> QueryBuilder<InboxMessage> {
        InboxMessage.query(on: db).filter(\.$memberID == memberID)
    }

    package func inboxMessage(_ id: UUID) async throws -> InboxMessage? {
        try await inboxMessages().filter(\.$id == id).first()
    }

    /// A message to this member's own inbox (a receipt for what they just did).
    package func postInbox(_ kind: Inbox.Kind, values: [Inbox.Parameter] = [], at now: Date) async throws {
        try await Inbox.post(kind, to: memberID, values: values, on: db, at: now)
    }
}

// MARK: - Certificates

extension MemberScope {
    package func certificateRequests() -> QueryBuilder<CertificateRequest> {
        CertificateRequest.query(on: db).filter(\.$memberID == memberID)
    }

    package func certificateRequest(_ id: UUID) async throws -> CertificateRequest? {
        try await certificateRequests().filter(\.$id == id).first()
    }

    /// A new, unsaved request that already belongs to this member.
    package func newCertificateRequest() -> CertificateRequest {
        let request = CertificateRequest()
        request.memberID = memberID
        return request
    }

    package func entitlement() async throws -> Entitlement? {
        try await Entitlement.query(on: db).filter(\.$memberID == memberID).first()
    }

    /// The years with imported contributions, newest first.
    package func contributionYears() async throws -> [Int] {
        try await bookingYears(ContributionRecord.schema)
    }

    /// The years with imported pension payments, newest first.
    package func paymentYears() async throws -> [Int] {
        try await bookingYears(PensionPayment.schema)
    }

    private func bookingYears(_ table: String) async throws -> [Int] {
        // DISTINCT in the database: the member's booking rows are not read one by one.
        try await db.requireSQL().raw("""
            SELECT DISTINCT year FROM \(unsafeRaw: table) WHERE member_id = \(bind: memberID) ORDER BY year DESC
            """).all(decodingColumn: "year", as: Int.self)
    }
}

// MARK: - Notification settings and contact messages

extension MemberScope {
    package func notificationSetting() async throws -> NotificationSetting? {
        try await NotificationSetting.query(on: db).filter(\.$memberID == memberID).first()
    }

    /// The member's setting, or a new unsaved one (no notifications) that belongs to this member.
    package func notificationSettingOrNew() async throws -> NotificationSetting {
        if let setting = try await notificationSetting() { return setting }
        let created = NotificationSetting()
        created.memberID = memberID
        created.notify = false
        return created
    }

    package func contactMessages() -> QueryBuilder<ContactMessage> {
        ContactMessage.query(on: db).filter(\.$memberID == memberID)
    }

    /// A new, unsaved contact message that already belongs to this member.
    package func newContactMessage() -> ContactMessage {
        let message = ContactMessage()
        message.memberID = memberID
        return message
    }
}

// MARK: - Applications

extension MemberScope {
    package func applicationDrafts() -> QueryBuilder<ApplicationDraft> {
        ApplicationDraft.query(on: db).filter(\.$memberID == memberID)
    }

    package func applicationDraft(_ id: UUID) async throws -> ApplicationDraft? {
        try await applicationDrafts().filter(\.$id == id).first()
    }

    package func applicationDraft(type: String) async throws -> ApplicationDraft? {
        try await applicationDrafts().filter(\.$type == type).first()
    }

    package func applicationSubmissions() -> QueryBuilder<ApplicationSubmission> {
        ApplicationSubmission.query(on: db).filter(\.$memberID == memberID)
    }

    package func applicationSubmission(_ id: UUID) async throws -> ApplicationSubmission? {
        try await applicationSubmissions().filter(\.$id == id).first()
    }

    package func applicationSubmission(draftID: UUID) async throws -> ApplicationSubmission? {
        try await applicationSubmissions().filter(\.$draftID == draftID).first()
    }

    /// The member's latest submission that answered `field` (bank details as
    /// last submitted, the tax id given before): prefill for a new form.
    package func latestAnswer(_ field: String) async throws -> (ApplicationSubmission, String)? {
        // Few per member; the JSON is read here rather than queried per dialect.
        for submission in try await applicationSubmissions().sort(\.$submittedAt, .descending).limit(50).all() {
            if let object = (try? JSONSerialization.jsonObject(with: Data(submission.answersJSON.utf8))) as? [String: Any], object[field] != nil {
                return (submission, submission.answersJSON)
            }
        }
        return nil
    }
}
