import Fluent
import Foundation
import PortalDomain
import Vapor
import PortalCore
import PortalWeb

/// The inbox ("Posteingang"): newest first, 20 per page; opening a message
/// marks it read. Every query goes through the signed-in member's
/// `MemberScope`, so another member's message id is the same 404 as a missing one.
package struct InboxController: RouteCollection {
    package let clock: any PortalClock
    package let catalogue: LocalizationCatalogue

    package static let pageSize = 20

    package func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware())
        area.get(SiteURL.inbox.components, use: list)
        area.get(SiteURL.inboxMessage(.key).components, use: show)
    }

    package func list(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        let scope = try req.memberScope()
        let total = try await scope.inboxMessages().count()
        let pages = max(1, (total + Self.pageSize - 1) / Self.pageSize)
        let page = min(max(1, req.query[Int.self, at: "seite"] ?? 1), pages)
        let messages = try await scope.inboxMessages()
            .sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .range((page - 1) * Self.pageSize..<page * Self.pageSize).all()
        let context = InboxContext(
            page: PageContext(req, titleKey: "nav.inbox", memberName: member.displayName),
            messages: try messages.map { try InboxContext.Item($0, language: req.language, catalogue: catalogue) },
            currentPage: page, pageCount: pages,
            previous: page > 1 ? SiteURL.inbox.path(query: ["seite": String(page - 1)]) : nil,
            next: page < pages ? SiteURL.inbox.path(query: ["seite": String(page + 1)]) : nil)
        return req.respond(page: context.page, content: InboxPages.list(context, req.texts))
    }

    package func show(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        guard let id = req.parameters.get(SiteURL.Key.messageID, as: UUID.self),
              let message = try await req.memberScope().inboxMessage(id)
        else { throw Abort(.notFound) }
        if message.readAt == nil {
            // Opening marks the message read: a reading receipt for the member's own view, not a domain change.
            message.readAt = clock.now()
            try await message.save(on: req.db)
            req.signedInMember?.unreadCount -= 1
        }
        try await AuditLog.record(req, action: "inbox.open", memberID: message.memberID, detail: ["message": id.uuidString])
        let context = InboxMessageContext(
            page: PageContext(req, titleKey: "nav.inbox", memberName: member.displayName),
            message: try InboxContext.Item(message, language: req.language, catalogue: catalogue),
            back: SiteURL.inbox.path)
        return req.respond(page: context.page, content: InboxPages.message(context, req.texts))
    }

    package init(clock: any PortalClock, catalogue: LocalizationCatalogue) {
        self.clock = clock
        self.catalogue = catalogue
    }
}

package struct InboxContext: Encodable {
    package let page: PageContext
    package let messages: [Item]
    package let currentPage: Int
    package let pageCount: Int
    package let previous: String?
    package let next: String?

    package struct Item: Encodable {
        package let href: String
        package let subjectKey: String
        package let bodyKey: String
        /// The (up to three) parameters of the subject and body texts.
        package let p0: String
        package let p1: String
        package let p2: String
        package let date: String
        package let unread: Bool
        package let documentHref: String?

        /// Messages whose first parameter is a document title the portal may have written itself.
        package static let titledKinds: Set<String> = [
            Inbox.Kind.certificateReady.rawValue, Inbox.Kind.documentRestored.rawValue, Inbox.Kind.documentExpiring.rawValue,
            // The form's German title comes first in these; the reader sees it in their language.
            Inbox.Kind.applicationReceived.rawValue, Inbox.Kind.draftExpiring.rawValue, Inbox.Kind.draftDeleted.rawValue,
        ]

        package init(_ message: InboxMessage, language: LocalizationCatalogue.Language, catalogue: LocalizationCatalogue) throws {
            let id = try message.requireID()
            href = SiteURL.inboxMessage(.value(id)).path
            subjectKey = "inbox.\(message.kind).subject"
            bodyKey = "inbox.\(message.kind).body"
            var parameters = message.parameters.map { $0.text(in: language) } + ["", "", ""]
            if Self.titledKinds.contains(message.kind) { parameters[0] = catalogue.certificateTitle(parameters[0], language) }
            (p0, p1, p2) = (parameters[0], parameters[1], parameters[2])
            date = Format.date(message.createdAt, language) + ", " + Format.time(message.createdAt, language)
            unread = message.readAt == nil
            documentHref = message.documentID.map { SiteURL.document(.value($0)).path }
        }
    }
}

package struct InboxMessageContext: Encodable {
    package let page: PageContext
    package let message: InboxContext.Item
    package let back: String
}
