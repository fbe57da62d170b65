import Fluent
import PortalDomain
import Vapor

/// The member area: dashboard, profile, and the sections later issues fill.
struct MemberAreaController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware())
        area.get(SiteURL.dashboard.components, use: dashboard)
        area.get(SiteURL.profile.components, use: profile)
        for (url, key) in [(SiteURL.drafts, "nav.drafts"), (.cases, "nav.cases")] {
            area.get(url.components) { req in try await comingSoon(req: req, titleKey: key) }
        }
    }

    func dashboard(req: Request) async throws -> Response {
        let signedIn = try req.requireMember()
        let member = signedIn.member
        let memberID = try member.requireID()
        let bookings: [DashboardContext.Booking]
        switch member.memberStatus {
        case .pensioner, .survivor:
            bookings = try await PensionPayment.query(on: req.db).filter(\.$member.$id == memberID)
                .sort(\.$year, .descending).sort(\.$month, .descending).limit(3).all()
                .map { .init(period: Format.period(year: $0.year, month: $0.month), amount: Format.euros(cents: $0.grossCents, req.language)) }
        case .active, .former:
            bookings = try await ContributionRecord.query(on: req.db).filter(\.$member.$id == memberID)
                .sort(\.$year, .descending).sort(\.$month, .descending).limit(3).all()
                .map { .init(period: Format.period(year: $0.year, month: $0.month), amount: Format.euros(cents: $0.amountCents, req.language)) }
        }
        let context = DashboardContext(
            page: PageContext(req, titleKey: "dashboard.title", memberName: member.displayName,
                              noticeKey: req.query[String.self, at: "willkommen"] != nil ? "dashboard.welcome" : nil),
            lang: req.language.rawValue,
            name: member.displayName,
            memberNumber: member.memberNumber,
            statusKey: "status.\(member.status)",
            pays: member.memberStatus == .pensioner || member.memberStatus == .survivor,
            bookings: bookings,
            activatedOn: Format.date(signedIn.account.activatedAt, req.language))
        return try await req.render("dashboard", context)
    }

    func profile(req: Request) async throws -> Response {
        try await ProfileRendering.render(req)
    }

    func comingSoon(req: Request, titleKey: String) async throws -> Response {
        let member = try req.requireMember().member
        let page = PageContext(req, titleKey: titleKey, memberName: member.displayName)
        return try await req.render("coming-soon", SimplePageContext(page: page, lang: page.lang))
    }
}
