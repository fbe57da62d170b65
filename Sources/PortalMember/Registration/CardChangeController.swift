import Fluent
import PortalDomain
import Vapor
import PortalCore
import PortalWeb

/// "Neuer Ausweis": the member prepares a card change while still signed in.
package struct CardChangeController: RouteCollection {
    package let clock: any PortalClock
    package let tokens: TokenKeys

    package func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware())
        area.get(SiteURL.cardChange.components, use: show)
        area.post(SiteURL.cardChange.components, use: create)
    }

    package func show(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        let page = PageContext(req, titleKey: "cardChange.title", memberName: member.displayName)
        return req.respond(page: page, content: AccountPages.cardChange(code: nil, csrf: page.csrf, req.texts))
    }

    package func create(req: Request) async throws -> Response {
        let signedIn = try req.requireMember()
        let now = clock.now()
        let code = try await TransferCodes.create(for: try signedIn.account.requireID(), on: req.db, hasher: tokens.transferCodes, at: now)
        try await AuditLog.record(on: req.db, at: now, actor: AuditLog.actor(of: req),
                                  action: "transfer_code.created", memberID: signedIn.member.id)
        let page = PageContext(req, titleKey: "cardChange.title", memberName: signedIn.member.displayName)
        return req.respond(page: page, content: AccountPages.cardChange(code: code, csrf: page.csrf, req.texts))
    }

    package init(clock: any PortalClock, tokens: TokenKeys) {
        self.clock = clock
        self.tokens = tokens
    }
}
