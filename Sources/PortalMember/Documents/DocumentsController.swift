import Fluent
import Foundation
import PortalDomain
import SQLKit
import Vapor
import PortalCore
import PortalWeb

/// The document archive: all documents newest first with their media
/// status, download of online ones, and "Dokument anfordern" for offline ones.
package struct DocumentsController: RouteCollection {
    package let configuration: PortalConfiguration
    package let clock: any PortalClock
    package let jobs: JobsService
    package let archive: DocumentArchive
    package let catalogue: LocalizationCatalogue

    package static let pageSize = 20

    package func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware())
        area.get(SiteURL.documents.components, use: list)
        area.get(SiteURL.document(.key).components, use: download)
        area.post(SiteURL.documentRequest(.key).components, use: request)
    }

    package func list(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        let scope = try req.memberScope()
        let category = req.query[String.self, at: "kategorie"].flatMap(Document.Category.init(rawValue:))
        let year = req.query[Int.self, at: "jahr"].flatMap { (1950...2200).contains($0) ? $0 : nil }
        // The year choices come from the dates alone (one indexed column), the
        // page from a filtered, counted and limited query: a member with
        // thousands of documents costs one page, not the whole archive.
        // SQLKit rows, not Fluent models: Fluent fills each model by reflection,
        // which for 1,000 dates cost about 80 ms; plain columns cost well under one.
        let dates = try await scope.documentSelect().column("document_date").orderBy("document_date", .descending)
            .all(decodingColumn: "document_date", as: Date.self)
        let years = Self.years(ofDescending: dates)
        let range = year.flatMap(Self.range(of:))
        let filtered = { (select: SQLSelectBuilder) -> SQLSelectBuilder in
            if let category { select.where("category", .equal, SQLBind(category.rawValue)) }
            if let range {
                select.where("document_date", .greaterThanOrEqual, SQLBind(range.lowerBound))
                    .where("document_date", .lessThan, SQLBind(range.upperBound))
            }
            return select
        }
        let total = try await filtered(scope.documentSelect().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "total"))
            .first(decodingColumn: "total", as: Int.self) ?? 0
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, req.query[Int.self, at: "seite"] ?? 1), pages)
        let documents = try await filtered(scope.documentSelect().columns(DocumentRow.columns))
            .orderBy("document_date", .descending).orderBy("created_at", .descending)
            .limit(Self.pageSize).offset((page - 1) * Self.pageSize)
            .all(decoding: DocumentRow.self)
        let link = { (target: Int) -> String in
            var items = [URLQueryItem(name: "seite", value: String(target))]
            if let category { items.append(.init(name: "kategorie", value: category.rawValue)) }
            if let year { items.append(.init(name: "jahr", value: String(year))) }
            var components = URLComponents()
            components.path = SiteURL.documents.path
            components.queryItems = items
            return components.string ?? SiteURL.documents.path
        }
        let context = DocumentsContext(
            page: PageContext(req, titleKey: "nav.documents", memberName: member.displayName,
                              noticeKey: req.hasQueryParameter("angefordert") ? "documents.requested.next" : nil),
            documents: documents.map { DocumentsContext.Item($0, language: req.language, catalogue: catalogue) },
            categories: Document.Category.allCases.map { .init(value: $0.rawValue, selected: $0 == category, labelKey: "documents.category.\($0.rawValue)") },
            years: years.map { .init(value: String($0), selected: $0 == year) },
            total: total, currentPage: page, pageCount: pages,
            previous: page > 1 ? link(page - 1) : nil,
            next: page < pages ? link(page + 1) : nil)
        return req.respond(page: context.page, content: DocumentsPages.archive(context, req.texts))
    }

    /// 1 January 00:00 to the next 1 January, Berlin time.
    package static func range(of year: Int) -> Range<Date>? {
        guard let start = Calendar.berlin.date(from: DateComponents(year: year, month: 1, day: 1)),
              let end = Calendar.berlin.date(from: DateComponents(year: year + 1, month: 1, day: 1)) else { return nil }
        return start..<end
    }

    /// The distinct years of dates sorted newest first, with one calendar
    /// computation per year instead of one per document.
    package static func years(ofDescending dates: [Date]) -> [Int] {
        var years: [Int] = []
        var index = dates.startIndex
        while index < dates.endIndex {
            let year = year(of: dates[index])
            years.append(year)
            guard let start = range(of: year)?.lowerBound else { break }
            index = dates[index...].firstIndex { $0 < start } ?? dates.endIndex
        }
        return years
    }

    /// The member's own online document as PDF; an own document that has gone
    /// offline gets its page with "Dokument anfordern", because inbox messages
    /// link here long after retention took the bytes away. Another member's
    /// document and an unknown id are the same 404.
    package func download(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        guard let id = req.parameters.get(SiteURL.Key.documentID, as: UUID.self),
              let document = try await req.memberScope().document(id)
        else { throw Abort(.notFound) }
        guard document.availability == .online else {
            let row = DocumentRow(id: id, title: document.title, category: document.category.rawValue, documentDate: document.documentDate,
                                  onlineUntil: document.onlineUntil, availability: document.availability.rawValue)
            let context = DocumentContext(page: PageContext(req, titleKey: "nav.documents", memberName: member.displayName),
                                          document: .init(row, language: req.language, catalogue: catalogue))
            return req.respond(page: context.page, content: DocumentsPages.document(context.document, csrf: context.page.csrf, req.texts))
        }
        let bytes: [UInt8]
        do {
            guard let stored = try await archive.portalStore.get(document.blobKey) else { throw Abort(.notFound) }
            bytes = stored
        } catch is BlobCipher.Tampered {
            req.logger.critical("document failed its integrity check", metadata: ["document": .string(id.uuidString)])
            throw Abort(.conflict, reason: "document integrity")
        }
        try await AuditLog.record(on: req.db, at: clock.now(), actor: AuditLog.actor(of: req),
                                  action: "document.download", memberID: member.id, detail: ["document": id.uuidString])
        let response = Response(status: .ok, body: .init(data: Data(bytes)))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "pdf")
        response.headers.replaceOrAdd(name: .contentDisposition, value: Self.attachment(document.fileName))
        return response
    }

    package func request(req: Request) async throws -> Response {
        let scope = try req.memberScope()
        guard let id = req.parameters.get(SiteURL.Key.documentID, as: UUID.self),
              let document = try await scope.document(id)
        else { throw Abort(.notFound) }
        guard document.availability == .offline else { return req.redirect(to: SiteURL.documents.path) }
        let jobs = self.jobs
        let now = clock.now()
        let memberID = scope.memberID
        let limit = ActionLimit(name: "document-requests", limit: configuration.documentRequestsPerHour, window: 3600)
        // One key per request: a document restored, taken offline and asked for
        // again within the same second must not find the earlier job's key.
        // One pending request per document: only the request whose conditional
        // UPDATE moves the document from offline to requested enqueues a job,
        // so a burst of requests restores it once.
        let claimed = try await req.db.writeTransaction { db -> Bool in
            guard try await scope.on(db).markDocumentRequested(id) else { return false }
            // Thrown, so the refused request rolls back its claim and its count.
            if case .limited(let retryAfter) = try await limit.count(memberID.uuidString, at: now, on: db) {
                throw Abort(.tooManyRequests, headers: ["Retry-After": String(retryAfter)], reason: "document request limit")
            }
            try await jobs.enqueue(PortalJobKinds.documentRestore, payload: DocumentRestore.Payload(documentID: id),
                                   key: "restore:\(id.uuidString):\(UUID().uuidString)", on: db)
            try await AuditLog.record(req, action: "document.request", memberID: document.memberID, detail: ["document": id.uuidString], on: db)
            return true
        }
        guard claimed else { return req.redirect(to: SiteURL.documents.path) }
        jobs.worker.wake()
        return req.redirect(to: SiteURL.documents.path(query: ["angefordert": "1"]))
    }

    /// RFC 6266: an ASCII fallback name plus the UTF-8 form.
    package static func attachment(_ name: String) -> String {
        let ascii = name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? String($0) : "_" }.joined()
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    package static func year(of date: Date) -> Int {
        Calendar.berlin.component(.year, from: date)
    }

    package init(configuration: PortalConfiguration, clock: any PortalClock, jobs: JobsService, archive: DocumentArchive, catalogue: LocalizationCatalogue) {
        self.configuration = configuration
        self.clock = clock
        self.jobs = jobs
        self.archive = archive
        self.catalogue = catalogue
    }
}

package struct DocumentsContext: Encodable {
    package let page: PageContext
    package let documents: [Item]
    package let categories: [Option]
    package let years: [Option]
    package let total: Int
    package let currentPage: Int
    package let pageCount: Int
    package let previous: String?
    package let next: String?

    package struct Option: Encodable {
        package let value: String
        package let selected: Bool
        package var labelKey: String? = nil

        package init(value: String, selected: Bool, labelKey: String? = nil) {
            self.value = value
            self.selected = selected
            self.labelKey = labelKey
        }
    }

    package struct Item: Encodable {
        package let title: String
        package let categoryKey: String
        package let date: String
        package let availability: String
        package let onlineUntil: String?
        package let href: String
        package let requestAction: String

        package init(_ document: DocumentRow, language: LocalizationCatalogue.Language, catalogue: LocalizationCatalogue? = nil) {
            title = catalogue?.certificateTitle(document.title, language) ?? document.title
            categoryKey = "documents.category.\(document.category)"
            date = Format.date(document.documentDate, language)
            availability = document.availability
            onlineUntil = document.onlineUntil.map { Format.date($0, language) }
            href = SiteURL.document(.value(document.id)).path
            requestAction = SiteURL.documentRequest(.value(document.id)).path
        }
    }
}

/// One document that is not online: its status and what the member can do.
package struct DocumentContext: Encodable {
    package let page: PageContext
    package let document: DocumentsContext.Item
}

/// The columns of the archive page, read without a Fluent model.
package struct DocumentRow: Decodable {
    package static let columns = ["id", "title", "category", "document_date", "online_until", "availability"]

    package let id: UUID
    package let title: String
    package let category: String
    package let documentDate: Date
    package let onlineUntil: Date?
    package let availability: String

    package enum CodingKeys: String, CodingKey {
        case id, title, category, availability
        case documentDate = "document_date"
        case onlineUntil = "online_until"
    }
}
