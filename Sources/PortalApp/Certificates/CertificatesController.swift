import Fluent
import Foundation
import PortalDomain
import PortalJobs
import SQLKit
import Vapor

/// "Anträge" for now: the certificates this member's status allows, the
/// request, and the status of each request until the PDF is ready.
struct CertificatesController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware())
        area.get(SiteURL.applications.components, use: catalogue)
        area.post(SiteURL.applications.components, use: request)
        area.get(SiteURL.applications.components + [":requestID"], use: status)
    }

    func catalogue(req: Request) async throws -> Response {
        try await renderCatalogue(req, problem: nil)
    }

    func request(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        let memberID = try member.requireID()
        let input = try req.content.decode(CertificateInput.self)
        guard let kind = input.kind.flatMap(CertificateKind.init(rawValue:)), CertificateKind.offered(for: member.memberStatus).contains(kind) else {
            return try await renderCatalogue(req, problem: "certificates.error.kind", status: .unprocessableEntity)
        }
        var year: Int?
        if kind.needsYear {
            guard let chosen = input.year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (1950...2200).contains(chosen) else {
                return try await renderCatalogue(req, problem: "certificates.error.year", status: .unprocessableEntity)
            }
            guard try await Self.hasData(kind, year: chosen, memberID: memberID, on: req.db) else {
                return try await renderCatalogue(req, problem: "certificates.error.noData", year: String(chosen), status: .unprocessableEntity)
            }
            year = chosen
        }
        // The same certificate already queued or being made is not enqueued twice.
        var pending = CertificateRequest.query(on: req.db).filter(\.$memberID == memberID).filter(\.$kind == kind.rawValue)
            .filter(\.$state ~~ [.queued, .generating])
        pending = year.map { pending.filter(\.$year == $0) } ?? pending
        if let existing = try await pending.first() {
            return req.redirect(to: "\(SiteURL.applications.path)/\(try existing.requireID().uuidString)")
        }
        let jobs = req.jobs
        let now = req.clock.now()
        let request = CertificateRequest()
        request.id = UUID()
        request.memberID = memberID
        request.kind = kind.rawValue
        request.year = year
        request.state = .queued
        request.createdAt = now
        try await req.db.transaction { db in
            let job = try await jobs.enqueue(PortalJobKinds.certificateGenerate, payload: CertificateGeneration.Payload(requestID: request.id!),
                                             key: "certificate:\(request.id!.uuidString)", on: db)
            request.jobID = job.id
            try await request.create(on: db)
            try await AuditLog.record(req, action: "certificate.request", memberID: memberID, detail: ["request": request.id!.uuidString, "kind": kind.rawValue], on: db)
        }
        jobs.worker.wake()
        return req.redirect(to: "\(SiteURL.applications.path)/\(request.id!.uuidString)")
    }

    func status(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        guard let id = req.parameters.get("requestID", as: UUID.self),
              let request = try await CertificateRequest.query(on: req.db).filter(\.$id == id).filter(\.$memberID == member.requireID()).first()
        else { throw Abort(.notFound) }
        if req.wantsJSON {
            return try await ["state": request.state.rawValue].encodeResponse(for: req)
        }
        var expected: String?
        var afterWindow = false
        if request.state == .queued, let jobID = request.jobID, let job = try await req.jobs.queue.find(jobID),
           let start = req.jobs.queue.expectedStart(of: job) {
            afterWindow = req.portal.configuration.maintenanceWindow.contains(max(job.runAt, req.clock.now()))
            expected = Format.time(start, req.language)
        }
        let context = CertificateStatusContext(
            page: PageContext(req, titleKey: "certificates.title", memberName: member.displayName),
            lang: req.language.rawValue, state: request.state.rawValue, stateKey: "certificates.state.\(request.state.rawValue)", kindKey: "certificates.kind.\(request.kind)",
            year: request.year.map(String.init), expectedTime: expected, afterWindow: afterWindow,
            windowEnd: req.portal.configuration.maintenanceWindow.end.description,
            documentHref: request.documentID.map { "\(SiteURL.documents.path)/\($0.uuidString)" },
            statusURL: "\(SiteURL.applications.path)/\(id.uuidString)")
        return try await req.render("certificate-status", context)
    }

    private func renderCatalogue(_ req: Request, problem: String?, year: String = "", status: HTTPStatus = .ok) async throws -> Response {
        let member = try req.requireMember().member
        let memberID = try member.requireID()
        let offered = CertificateKind.offered(for: member.memberStatus)
        var items: [CertificateCatalogueContext.Item] = []
        for kind in offered {
            items.append(.init(kind: kind.rawValue, titleKey: "certificates.kind.\(kind.rawValue)", textKey: "certificates.text.\(kind.rawValue)",
                               years: kind.needsYear ? try await Self.years(kind, memberID: memberID, on: req.db).map(String.init) : nil))
        }
        let recent = try await CertificateRequest.query(on: req.db).filter(\.$memberID == memberID).sort(\.$createdAt, .descending).limit(10).all()
        let context = CertificateCatalogueContext(
            page: PageContext(req, titleKey: "certificates.title", memberName: member.displayName), lang: req.language.rawValue,
            certificates: items, problemKey: problem, problemYear: year,
            recent: recent.map { .init(kindKey: "certificates.kind.\($0.kind)", year: $0.year.map(String.init), stateKey: "certificates.state.\($0.state.rawValue)",
                                       href: "\(SiteURL.applications.path)/\($0.id?.uuidString ?? "")") })
        let response = try await req.render("certificates", context)
        response.status = status
        return response
    }

    static func years(_ kind: CertificateKind, memberID: UUID, on db: any Database) async throws -> [Int] {
        // DISTINCT in the database: the member's booking rows are not read one by one.
        let table = kind == .pensionPayments ? PensionPayment.schema : ContributionRecord.schema
        return try await db.requireSQL().raw("""
            SELECT DISTINCT year FROM \(unsafeRaw: table) WHERE member_id = \(bind: memberID) ORDER BY year DESC
            """).all(decodingColumn: "year", as: Int.self)
    }

    static func hasData(_ kind: CertificateKind, year: Int, memberID: UUID, on db: any Database) async throws -> Bool {
        try await years(kind, memberID: memberID, on: db).contains(year)
    }
}

struct CertificateInput: Content {
    var kind: String?
    var year: String?
}

struct CertificateCatalogueContext: Encodable {
    let page: PageContext
    let lang: String
    let certificates: [Item]
    let problemKey: String?
    let problemYear: String
    let recent: [Recent]

    struct Item: Encodable {
        let kind: String
        let titleKey: String
        let textKey: String
        let years: [String]?
    }

    struct Recent: Encodable {
        let kindKey: String
        let year: String?
        let stateKey: String
        let href: String
    }
}

struct CertificateStatusContext: Encodable {
    let page: PageContext
    let lang: String
    let state: String
    let stateKey: String
    let kindKey: String
    let year: String?
    let expectedTime: String?
    let afterWindow: Bool
    let windowEnd: String
    let documentHref: String?
    let statusURL: String
}
