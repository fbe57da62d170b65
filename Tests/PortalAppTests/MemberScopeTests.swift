import Fluent
import Foundation
import PortalDomain
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore
@testable import PortalWeb
@testable import PortalMember
@testable import PortalBackOffice

/// SECURITY.md, access: member A asking for member B's ids sees the same 404
/// as for a missing id, and B's rows stay as they were; `MemberScope`'s
/// queries return the scoped member's rows only. (The inbox message and the
/// online document's download and request are covered in InboxTests and
/// DocumentsAndCertificatesTests.)
@Suite("Member scope")
struct MemberScopeTests {
    @Test(arguments: TestDatabase.allCases)
    func anotherMembersCertificateRequestIsTheSame404AsAMissingOne(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let lysky = try await Self.registeredLysky(app, clock)
            let erika = Browser(app)
            try await erika.signIn(stock: "erika")
            let status = try await DocumentsAndCertificatesTests.requestCertificate(erika, app, kind: "membership")
            let request = try #require(try await CertificateRequest.query(on: app.db).first())

            for accept in ["text/html", "application/json"] {
                let foreign = try await lysky.get(status, headers: ["Accept": accept])
                let missing = try await lysky.get(SiteURL.certificateRequest(.value(UUID())).path, headers: ["Accept": accept])
                #expect(foreign.status == .notFound)
                #expect(missing.status == .notFound)
                #expect(!foreign.body.string.contains("queued"), "nothing of the request shows")
                #expect(!foreign.body.string.contains("data-certificate-state"))
            }
            #expect(try await erika.get(status).status == .ok, "the owner still sees it")
            let after = try #require(try await CertificateRequest.find(request.id, on: app.db))
            #expect(after.state == .queued)
            #expect(after.memberID == request.memberID)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func anotherMembersOfflineDocumentIsNeitherShownNorRequested(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let erika = Browser(app)
            try await erika.signIn(stock: "erika")
            _ = try await DocumentsAndCertificatesTests.requestCertificate(erika, app, kind: "membership")
            try await runDueJobs(app)
            let document = try #require(try await Document.query(on: app.db).first())
            document.availability = .offline
            try await document.save(on: app.db)
            let path = SiteURL.document(.value(try document.requireID())).path
            let lysky = try await Self.registeredLysky(app, clock)
            let jobsBefore = try await app.portal.jobs.queue.counts()

            let page = try await lysky.get(path)
            #expect(page.status == .notFound)
            #expect(!page.body.string.contains("Dokument anfordern"))
            #expect(!page.body.string.contains("Mitgliedsbescheinigung"))
            let requested = try await lysky.post(SiteURL.documentRequest(.value(try document.requireID())).path, form: [:])
            #expect(requested.status == .notFound)
            #expect(try await lysky.post(SiteURL.documentRequest(.value(UUID())).path, form: [:]).status == .notFound)

            #expect(try await Document.find(document.id, on: app.db)?.availability == .offline, "B's document is not claimed")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "document.request").count() == 0)
            #expect(try await app.portal.jobs.queue.counts() == jobsBefore, "no restore job")
            #expect(try await erika.get(path).body.string.contains("Dokument anfordern"), "the owner still can")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theScopesQueriesReturnOnlyTheMembersRows(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let a = try await Self.member("10001/01", app)
            let b = try await Self.member("10002/01", app)
            let (aID, bID) = (try a.requireID(), try b.requireID())
            let rowsA = try await Self.ownedRows(of: aID, app, clock)
            let rowsB = try await Self.ownedRows(of: bID, app, clock)
            try await Entitlement.query(on: app.db).filter(\.$memberID == aID).delete()
            try await Self.ensureEntitlement(of: bID, app, clock)
            try await NotificationSetting.query(on: app.db).filter(\.$memberID == aID).delete()
            try await Self.setting(of: bID, app, clock)
            try await Self.contribution(of: bID, year: 1990, app)
            try await Self.payment(of: bID, year: 1990, app)
            let scope = try Self.scope(of: a, app)

            #expect(Set(try await scope.documents().all().map(\.memberID)) == [aID])
            #expect(try await scope.documents().all().map(\.id).contains(rowsA.document))
            #expect(try await scope.document(rowsA.document) != nil)
            #expect(try await scope.document(rowsB.document) == nil)
            let selected = try await scope.documentSelect().column("member_id").all(decodingColumn: "member_id", as: UUID.self)
            #expect(Set(selected) == [aID])
            #expect(Set(try await scope.inboxMessages().all().map(\.memberID)) == [aID])
            #expect(try await scope.inboxMessage(rowsB.message) == nil)
            #expect(try await scope.inboxMessage(rowsA.message)?.memberID == aID)
            #expect(Set(try await scope.certificateRequests().all().map(\.memberID)) == [aID])
            #expect(try await scope.certificateRequest(rowsB.request) == nil)
            #expect(try await scope.certificateRequest(rowsA.request) != nil)
            #expect(Set(try await scope.contactMessages().all().map(\.memberID)) == [aID])
            #expect(try await scope.contactMessages().all().map(\.id).contains(rowsA.contact))
            #expect(try await scope.notificationSetting() == nil, "B's setting is not A's")
            #expect(try await scope.notificationSettingOrNew().memberID == aID)
            #expect(try await scope.entitlement() == nil, "B's entitlement is not A's")
            #expect(try await Self.scope(of: b, app).entitlement()?.memberID == bID)
            let expectedYears = Set(try await ContributionRecord.query(on: app.db).filter(\.$member.$id == aID).all().map(\.year))
            #expect(Set(try await scope.contributionYears()) == expectedYears)
            #expect(!(try await scope.contributionYears().contains(1990)))
            #expect(!(try await scope.paymentYears().contains(1990)), "B's payments do not show")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func writesThroughTheScopeTouchOnlyTheMembersRows(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let a = try await Self.member("10001/01", app)
            let b = try await Self.member("10002/01", app)
            let rowsA = try await Self.ownedRows(of: try a.requireID(), app, clock, availability: .offline)
            let rowsB = try await Self.ownedRows(of: try b.requireID(), app, clock, availability: .offline)
            let scope = try Self.scope(of: a, app)

            let claimed = try await app.db.writeTransaction { tx in
                let owned = scope.on(tx)
                #expect(owned.memberID == scope.memberID)
                #expect(try await owned.documents().count() == 1)
                return (foreign: try await owned.markDocumentRequested(rowsB.document), own: try await owned.markDocumentRequested(rowsA.document))
            }
            #expect(!claimed.foreign)
            #expect(claimed.own)
            #expect(try await Document.find(rowsB.document, on: app.db)?.availability == .offline)
            #expect(try await Document.find(rowsA.document, on: app.db)?.availability == .requested)
            #expect(!(try await scope.markDocumentRequested(rowsA.document)), "already requested")
            #expect(try await scope.documents().filter(\.$availability == .requested).count() == 1)
            #expect(scope.newCertificateRequest().memberID == scope.memberID)
            #expect(scope.newContactMessage().memberID == scope.memberID)
            try await scope.postInbox(.contactReceived, at: clock.now())
            #expect(try await InboxMessage.query(on: app.db).filter(\.$kind == Inbox.Kind.contactReceived.rawValue).all().map(\.memberID) == [scope.memberID])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func withoutASignedInMemberThereIsNoScope(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, _ in
            let request = Request(application: app, on: app.eventLoopGroup.any())
            #expect(throws: Abort.self) { try request.memberScope() }
        }
    }
}

extension MemberScopeTests {
    struct OwnedRows {
        let document: UUID
        let message: UUID
        let request: UUID
        let contact: UUID
    }

    static func member(_ number: String, _ app: Application) async throws -> Member {
        try #require(try await Member.query(on: app.db).filter(\.$memberNumber == number).first())
    }

    /// The scope exactly as a controller gets it: from the request's signed-in member.
    static func scope(of member: Member, _ app: Application) throws -> MemberScope {
        let request = Request(application: app, on: app.eventLoopGroup.any())
        let account = Account()
        account.$member.id = try member.requireID()
        request.signedInMember = SignedInMember(account: account, member: member, unreadCount: 0)
        return try request.memberScope()
    }

    /// Lysky registered, activated and signed in: a second member with an account.
    static func registeredLysky(_ app: Application, _ clock: TestClock) async throws -> Browser {
        let lysky = Browser(app)
        try await lysky.signIn(stock: "lysky")
        try await lysky.register("10003/01")
        clock.advance(by: 10)
        try await runDueJobs(app)
        try await lysky.get("/registrierung")
        #expect(try await lysky.get(SiteURL.dashboard.path).status == .ok)
        return lysky
    }

    /// One document, inbox message, certificate request and contact message of the member.
    static func ownedRows(of memberID: UUID, _ app: Application, _ clock: TestClock,
                          availability: Document.Availability = .online) async throws -> OwnedRows {
        let document = Document()
        document.id = UUID()
        document.memberID = memberID
        document.title = "Schreiben"
        document.category = .letter
        document.documentDate = clock.now()
        document.source = "test"
        document.availability = availability
        document.blobKey = UUID().uuidString
        document.fileName = "schreiben.pdf"
        document.byteCount = 1
        document.createdAt = clock.now()
        try await document.create(on: app.db)
        try await Inbox.post(.documentProvided, to: memberID, parameters: ["Schreiben"], documentID: document.id, on: app.db, at: clock.now())
        let message = try #require(try await InboxMessage.query(on: app.db).filter(\.$memberID == memberID).filter(\.$documentID == document.id).first())
        let request = CertificateRequest()
        request.id = UUID()
        request.memberID = memberID
        request.kind = "membership"
        request.state = .queued
        request.createdAt = clock.now()
        try await request.create(on: app.db)
        let contact = ContactMessage()
        contact.id = UUID()
        contact.memberID = memberID
        contact.topic = .question
        contact.text = "Frage"
        contact.state = .new
        contact.createdAt = clock.now()
        try await contact.create(on: app.db)
        return OwnedRows(document: try document.requireID(), message: try message.requireID(),
                         request: try request.requireID(), contact: try contact.requireID())
    }

    static func ensureEntitlement(of memberID: UUID, _ app: Application, _ clock: TestClock) async throws {
        guard try await Entitlement.current(for: memberID, on: app.db) == nil else { return }
        let entitlement = Entitlement()
        entitlement.memberID = memberID
        entitlement.asOf = "2025-12-31"
        entitlement.accruedMonthlyCents = 12_345
        entitlement.updatedAt = clock.now()
        try await entitlement.create(on: app.db)
    }

    static func setting(of memberID: UUID, _ app: Application, _ clock: TestClock) async throws {
        try await NotificationSetting.query(on: app.db).filter(\.$memberID == memberID).delete()
        let setting = NotificationSetting()
        setting.memberID = memberID
        setting.notify = true
        setting.updatedAt = clock.now()
        try await setting.create(on: app.db)
    }

    static func payment(of memberID: UUID, year: Int, _ app: Application) async throws {
        let payment = PensionPayment()
        payment.$member.id = memberID
        payment.year = year
        payment.month = 1
        payment.grossCents = 100
        try await payment.create(on: app.db)
    }

    static func contribution(of memberID: UUID, year: Int, _ app: Application) async throws {
        let record = ContributionRecord()
        record.$member.id = memberID
        record.year = year
        record.month = 1
        record.amountCents = 100
        try await record.create(on: app.db)
    }
}
