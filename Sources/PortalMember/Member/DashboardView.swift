import PortalCore
import PortalWeb

/// The dashboard's content, built in Swift: it is the page every member sees
/// after signing in and the one issue 2's throughput target measures; Leaf's
/// interpretation of the same markup took about a quarter of the server's
/// CPU per request (docs/benchmarks.md). `HTML` escapes every value.
package enum DashboardView {
    package struct Booking: Equatable {
        package let period: String
        package let amount: String
    }

    /// The entitlement figures for members who build up a pension (active, former).
    package enum EntitlementPanel: Equatable {
        case hidden
        case missing
        case figures(asOf: String, accrued: String, projected: String?, statementHref: String)
    }

    package static func content(
        name: String, memberNumber: String, statusKey: String, activatedOn: String,
        pays: Bool, bookings: [Booking], nav: [PageContext.NavItem], entitlement: EntitlementPanel = .hidden, _ t: Texts
    ) -> HTML {
        var html: HTML = """
        <h1>\(t("dashboard.greeting", name))</h1>
        <dl class="summary-list">
          <div><dt>\(t("profile.memberNumber"))</dt><dd>\(memberNumber)</dd></div>
          <div><dt>\(t("profile.status"))</dt><dd>\(t(statusKey))</dd></div>
          <div><dt>\(t("dashboard.activatedOn"))</dt><dd>\(activatedOn)</dd></div>
        </dl>
        <h2>\(t("dashboard.newTitle"))</h2>
        <h3>\(pays ? t("dashboard.lastPayments") : t("dashboard.lastContributions"))</h3>

        """
        if bookings.isEmpty {
            html += "<p>\(t("dashboard.noBookings"))</p>\n"
        } else {
            html += """
            <table class="data-table">
              <thead><tr><th scope="col">\(t("dashboard.period"))</th><th scope="col" class="num">\(t("dashboard.amount"))</th></tr></thead>
              <tbody>\(HTML.join(bookings) { "<tr><td>\($0.period)</td><td class=\"num\">\($0.amount)</td></tr>" })</tbody>
            </table>

            """
        }
        html += entitlementPanel(entitlement, t)
        html += """
        <h2>\(t("dashboard.sectionsTitle"))</h2>
        <ul class="card-list">
          \(HTML.join(nav.filter { $0.key != "nav.dashboard" }) { "<li><a href=\"\($0.href)\">\(t($0.key))</a></li>" })
        </ul>
        """
        return html
    }

    private static func entitlementPanel(_ panel: EntitlementPanel, _ t: Texts) -> HTML {
        switch panel {
        case .hidden:
            return ""
        case .missing:
            return "<h3>\(t("dashboard.entitlementHeading"))</h3>\n<p>\(t("dashboard.entitlementNone"))</p>\n"
        case .figures(let asOf, let accrued, let projected, let href):
            var html: HTML = """
            <h3>\(t("dashboard.entitlementHeading"))</h3>
            <dl class="summary-list">
              <div><dt>\(t("dashboard.entitlementAsOf"))</dt><dd>\(asOf)</dd></div>
              <div><dt>\(t("dashboard.entitlementAccrued"))</dt><dd>\(accrued)</dd></div>

            """
            if let projected {
                html += "  <div><dt>\(t("dashboard.entitlementProjected"))</dt><dd>\(projected)</dd></div>\n"
            }
            html += "</dl>\n<p><a href=\"\(href)\">\(t("dashboard.entitlementStatement"))</a></p>\n"
            return html
        }
    }
}
