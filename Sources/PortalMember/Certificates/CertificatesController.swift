import Fluent
import Foundation
import PortalDomain
import PortalJobs
import SQLKit
import Vapor
import PortalCore
import PortalWeb

/// "Bescheinigungen": the certificates this member's status allows, the
/// request, and the status of each request until the PDF is ready.
package struct CertificatesController: RouteCollection {
    package let configuration: PortalConfiguration
    package let clock: any PortalClock
    package let jobs: JobsService

    package func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware())
        area.get(SiteURL.certificates.components, use: catalogue)
        area.post(SiteURL.certificates.components, use: request)
        area.get(SiteURL.certificateRequest(.key).components, use: status)
    }

    package func catalogue(req: Request) async throws -> Response {
        try await renderCatalogue(req, problem: nil)
    }

    package func request(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        let scope = try req.memberScope()
        let memberID = scope.memberID
        let input = try req.content.decode(CertificateInput.self)
        guard let kind = input.kind.flatMap(CertificateKind.init(rawValue:)), CertificateKind.offered(for: member.memberStatus).contains(kind) else {
            return try await renderCatalogue(req, problem: "certificates.error.kind", status: .unprocessableEntity)
        }
        if let unavailable = try await CertificateAvailability.unavailableKey(kind, in: scope) {
            return try await renderCatalogue(req, problem: unavailable, status: .unprocessableEntity)
        }
        var year: Int?
        if kind.needsYear {
            guard let chosen = input.year.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), (1950...2200).contains(chosen) else {
                return try await renderCatalogue(req, problem: "certificates.error.year", status: .unprocessableEntity)
            }
            guard try await Self.hasData(kind, year: chosen, in: scope) else {
                return try await renderCatalogue(req, problem: "certificates.error.noData", detail: String(chosen), status: .unprocessableEntity)
            }
            year = chosen
        }
        let requestedYear = year
        let jobs = self.jobs
        let now = clock.now()
        let limit = ActionLimit(name: "certificate-requests", limit: configuration.certificateRequestsPerHour, window: 3600)
        // Check and insert in one write transaction, serialised per member, so
        // a burst of identical requests makes one certificate, not one each.
        let outcome = try await scope.db.writeTransaction { db -> RequestOutcome in
            let owned = scope.on(db)
            try await owned.lock()
            var pending = owned.certificateRequests().filter(\.$kind == kind.rawValue)
                .filter(\.$state ~~ [.queued, .generating])
            pending = requestedYear.map { pending.filter(\.$year == $0) } ?? pending
            if let existing = try await pending.first() { return .existing(try existing.requireID()) }
            if case .limited(let retryAfter) = try await limit.count(memberID.uuidString, at: now, on: db) {
                return .limited(retryAfter: retryAfter)
            }
            let request = owned.newCertificateRequest()
            let id = UUID()
            request.id = id
            request.kind = kind.rawValue
            request.year = requestedYear
            request.state = .queued
            request.createdAt = now
            let job = try await jobs.enqueue(PortalJobKinds.certificateGenerate, payload: CertificateGeneration.Payload(requestID: id),
                                             key: "certificate:\(id.uuidString)", on: db)
            request.jobID = job.id
            try await request.create(on: db)
            try await AuditLog.record(req, action: "certificate.request", memberID: memberID, detail: ["request": id.uuidString, "kind": kind.rawValue], on: db)
            return .created(id)
        }
        switch outcome {
        case .existing(let id):
            return req.redirect(to: SiteURL.certificateRequest(.value(id)).path)
        case .created(let id):
            jobs.worker.wake()
            return req.redirect(to: SiteURL.certificateRequest(.value(id)).path)
        case .limited(let retryAfter):
            let minutes = String(max(1, (retryAfter + 59) / 60))
            let response = try await renderCatalogue(req, problem: "certificates.error.limit", detail: minutes, status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(retryAfter))
            return response
        }
    }

    package enum RequestOutcome: Sendable {
        case existing(UUID)
        case created(UUID)
        case limited(retryAfter: Int)
    }

    package func status(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        guard let id = req.parameters.get(SiteURL.Key.requestID, as: UUID.self),
              let request = try await req.memberScope().certificateRequest(id)
        else { throw Abort(.notFound) }
        if req.wantsJSON {
            return try await ["state": request.state.rawValue].encodeResponse(for: req)
        }
        var expected: String?
        var afterWindow = false
        if request.state == .queued, let jobID = request.jobID, let job = try await jobs.queue.find(jobID),
           let start = jobs.queue.expectedStart(of: job) {
            afterWindow = configuration.maintenanceWindow.contains(max(job.runAt, clock.now()))
            expected = Format.time(start, req.language)
        }
        let context = CertificateStatusContext(
            page: PageContext(req, titleKey: "certificates.title", memberName: member.displayName),
            state: request.state.rawValue, stateKey: "certificates.state.\(request.state.rawValue)", kindKey: "certificates.kind.\(request.kind)",
            year: request.year.map(String.init), expectedTime: expected, afterWindow: afterWindow,
            windowEnd: configuration.maintenanceWindow.end.description,
            documentHref: request.documentID.map { SiteURL.document(.value($0)).path },
            statusURL: SiteURL.certificateRequest(.value(id)).path)
        return req.respond(page: context.page, content: CertificatesPages.status(context, req.texts))
    }

    /// `detail` fills the problem message's placeholder (a year, minutes).
    private func renderCatalogue(_ req: Request, problem: String?, detail: String = "", status: HTTPStatus = .ok) async throws -> Response {
        let member = try req.requireMember().member
        let scope = try req.memberScope()
        let offered = CertificateKind.offered(for: member.memberStatus)
        var items: [CertificateCatalogueContext.Item] = []
        for kind in offered {
            items.append(.init(kind: kind.rawValue, titleKey: "certificates.kind.\(kind.rawValue)", textKey: "certificates.text.\(kind.rawValue)",
                               years: kind.needsYear ? try await Self.years(kind, in: scope).map(String.init) : nil,
                               unavailableKey: try await CertificateAvailability.unavailableKey(kind, in: scope)))
        }
        let recent = try await scope.certificateRequests().sort(\.$createdAt, .descending).limit(10).all()
        let context = CertificateCatalogueContext(
            page: PageContext(req, titleKey: "certificates.title", memberName: member.displayName),
            certificates: items, problemKey: problem, problemYear: detail,
            recent: recent.map { .init(kindKey: "certificates.kind.\($0.kind)", year: $0.year.map(String.init), stateKey: "certificates.state.\($0.state.rawValue)",
                                       href: $0.id.map { SiteURL.certificateRequest(.value($0)).path } ?? SiteURL.certificates.path) })
        return req.respond(page: context.page, status: status, content: CertificatesPages.catalogue(context, req.texts))
    }

    package static func years(_ kind: CertificateKind, in scope: MemberScope) async throws -> [Int] {
        try await kind == .pensionPayments ? scope.paymentYears() : scope.contributionYears()
    }

    package static func hasData(_ kind: CertificateKind, year: Int, in scope: MemberScope) async throws -> Bool {
        try await years(kind, in: scope).contains(year)
    }

    package init(configuration: PortalConfiguration, clock: any PortalClock, jobs: JobsService) {
        self.configuration = configuration
        self.clock = clock
        self.jobs = jobs
    }
}

package struct CertificateInput: Content {
    package var kind: String?
    package var year: String?
}

package struct CertificateCatalogueContext: Encodable {
    package let page: PageContext
    package let certificates: [Item]
    package let problemKey: String?
    package let problemYear: String
    package let recent: [Recent]

    package struct Item: Encodable {
        package let kind: String
        package let titleKey: String
        package let textKey: String
        package let years: [String]?
        /// Why this certificate cannot be made now (no imported figures); no request form then.
        package let unavailableKey: String?

        package init(kind: String, titleKey: String, textKey: String, years: [String]? = nil, unavailableKey: String? = nil) {
            self.kind = kind
            self.titleKey = titleKey
            self.textKey = textKey
            self.years = years
            self.unavailableKey = unavailableKey
        }
    }

    package struct Recent: Encodable {
        package let kindKey: String
        package let year: String?
        package let stateKey: String
        package let href: String
    }
}

package struct CertificateStatusContext: Encodable {
    package let page: PageContext
    package let state: String
    package let stateKey: String
    package let kindKey: String
    package let year: String?
    package let expectedTime: String?
    package let afterWindow: Bool
    package let windowEnd: String
    package let documentHref: String?
    package let statusURL: String
}
