import Fluent
import Foundation
import PortalDomain
import Vapor

/// The document archive: all documents newest first with their media
/// status, download of online ones, and "Dokument anfordern" for offline ones.
struct DocumentsController: RouteCollection {
    static let pageSize = 20

    func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware())
        area.get(SiteURL.documents.components, use: list)
        area.get(SiteURL.documents.components + [":documentID"], use: download)
        area.post(SiteURL.documents.components + [":documentID", "anfordern"], use: request)
    }

    func list(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        let memberID = try member.requireID()
        let category = req.query[String.self, at: "kategorie"].flatMap(Document.Category.init(rawValue:))
        let year = req.query[Int.self, at: "jahr"].flatMap { (1950...2200).contains($0) ? $0 : nil }
        var query = Document.query(on: req.db).filter(\.$memberID == memberID)
        if let category { query = query.filter(\.$category == category) }
        var documents = try await query.sort(\.$documentDate, .descending).all()
        let years = Array(Set(documents.map { Self.year(of: $0.documentDate) })).sorted(by: >)
        if let year { documents = documents.filter { Self.year(of: $0.documentDate) == year } }
        let context = DocumentsContext(
            page: PageContext(req, titleKey: "nav.documents", memberName: member.displayName),
            lang: req.language.rawValue,
            documents: documents.prefix(200).map { DocumentsContext.Item($0, language: req.language) },
            categories: Document.Category.allCases.map { .init(value: $0.rawValue, selected: $0 == category, labelKey: "documents.category.\($0.rawValue)") },
            years: years.map { .init(value: String($0), selected: $0 == year) })
        return try await req.render("documents", context)
    }

    /// Only the member's own online documents; anything else is the same 404.
    func download(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        guard let id = req.parameters.get("documentID", as: UUID.self),
              let document = try await Document.query(on: req.db).filter(\.$id == id).filter(\.$memberID == member.requireID()).first(),
              document.availability == .online
        else { throw Abort(.notFound) }
        let bytes: [UInt8]
        do {
            guard let stored = try await req.application.archive.portalStore.get(document.blobKey) else { throw Abort(.notFound) }
            bytes = stored
        } catch is BlobCipher.Tampered {
            req.logger.critical("document failed its integrity check", metadata: ["document": .string(id.uuidString)])
            throw Abort(.conflict, reason: "document integrity")
        }
        try await AuditLog.record(on: req.db, at: req.clock.now(), actor: "account:\(req.signedInMember?.account.id?.uuidString ?? "")",
                                  action: "document.download", memberID: member.id, detail: ["document": id.uuidString])
        let response = Response(status: .ok, body: .init(data: Data(bytes)))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(name: .contentDisposition, value: Self.attachment(document.fileName))
        return response
    }

    func request(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        guard let id = req.parameters.get("documentID", as: UUID.self),
              let document = try await Document.query(on: req.db).filter(\.$id == id).filter(\.$memberID == member.requireID()).first()
        else { throw Abort(.notFound) }
        guard document.availability == .offline else { return req.redirect(to: SiteURL.documents.path) }
        let jobs = req.jobs
        let now = req.clock.now()
        try await req.db.transaction { db in
            document.availability = .requested
            try await document.save(on: db)
            try await jobs.enqueue(PortalJobKinds.documentRestore, payload: DocumentRestore.Payload(documentID: id),
                                   key: "restore:\(id.uuidString):\(Int(now.timeIntervalSince1970))", on: db)
        }
        jobs.worker.wake()
        return req.redirect(to: SiteURL.documents.path + "?angefordert=1")
    }

    /// RFC 6266: an ASCII fallback name plus the UTF-8 form.
    static func attachment(_ name: String) -> String {
        let ascii = name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? String($0) : "_" }.joined()
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    static func year(of date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .berlin
        return calendar.component(.year, from: date)
    }
}

struct DocumentsContext: Encodable {
    let page: PageContext
    let lang: String
    let documents: [Item]
    let categories: [Option]
    let years: [Option]

    struct Option: Encodable {
        let value: String
        let selected: Bool
        var labelKey: String? = nil
    }

    struct Item: Encodable {
        let title: String
        let categoryKey: String
        let date: String
        let availability: String
        let onlineUntil: String?
        let href: String
        let requestAction: String

        init(_ document: Document, language: LocalizationCatalogue.Language) {
            title = document.title
            categoryKey = "documents.category.\(document.category.rawValue)"
            date = Format.date(document.documentDate, language)
            availability = document.availability.rawValue
            onlineUntil = document.onlineUntil.map { Format.date($0, language) }
            href = "\(SiteURL.documents.path)/\(document.id?.uuidString ?? "")"
            requestAction = href + "/anfordern"
        }
    }
}
