import Fluent
import PortalDomain
import Vapor
import PortalCore
import PortalWeb

/// The member area: dashboard, profile, and the sections later issues fill.
package struct MemberAreaController: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware())
        area.get(SiteURL.dashboard.components, use: dashboard)
        area.get(SiteURL.profile.components, use: profile)
        area.get(SiteURL.cases.components) { req in try await comingSoon(req: req, titleKey: "nav.cases") }
    }

    package func dashboard(req: Request) async throws -> Response {
        let signedIn = try req.requireMember()
        let member = signedIn.member
        // The three latest bookings come with the member's row (LatestBookings): no second query.
        let pays = member.memberStatus == .pensioner || member.memberStatus == .survivor
        let language = req.language
        let bookings = LatestBookings(stored: pays ? member.latestPayments : member.latestContributions).bookings
            .map { DashboardView.Booking(period: Format.period(year: $0.year, month: $0.month), amount: Format.euros(cents: $0.cents, language)) }
        let page = PageContext(req, titleKey: "dashboard.title", memberName: member.displayName,
                               noticeKey: req.hasQueryParameter("willkommen") ? "dashboard.welcome" : nil)
        let texts = req.texts
        let content = DashboardView.content(
            name: member.displayName, memberNumber: member.memberNumber, statusKey: "status.\(member.status)",
            activatedOn: Format.date(signedIn.account.activatedAt, language),
            pays: pays, bookings: bookings, nav: page.nav, entitlement: Self.entitlementPanel(member, language), texts)
        return req.respond(page: page, content: content)
    }

    /// From the member's row (EntitlementSummary): no second query.
    package static func entitlementPanel(_ member: Member, _ language: LocalizationCatalogue.Language) -> DashboardView.EntitlementPanel {
        guard CertificateKind.offered(for: member.memberStatus).contains(.entitlement) else { return .hidden }
        guard let summary = EntitlementSummary(stored: member.entitlementSummary) else { return .missing }
        return .figures(asOf: PartialDate(iso: summary.asOf).map { Format.date($0, language) } ?? summary.asOf,
                        accrued: Format.euros(cents: summary.accruedCents, language),
                        projected: summary.projectedCents.map { Format.euros(cents: $0, language) },
                        statementHref: SiteURL.certificates.path)
    }

    package func profile(req: Request) async throws -> Response {
        try await ProfileRendering.render(req)
    }

    package func comingSoon(req: Request, titleKey: String) async throws -> Response {
        let member = try req.requireMember().member
        let page = PageContext(req, titleKey: titleKey, memberName: member.displayName)
        return req.respond(page: page, content: SimplePages.comingSoon(titleKey: titleKey, req.texts))
    }
}
