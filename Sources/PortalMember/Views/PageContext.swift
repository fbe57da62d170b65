import Vapor
import PortalCore
import PortalWeb

/// What the page frame (PageFrame.swift) needs on every page.
package struct PageContext: Encodable {
    package let lang: String
    package let otherLang: String
    package let titleKey: String
    package let fundName: String
    package let signedIn: Bool
    package let memberName: String?
    package let csrf: String?
    package let path: String
    package let idleSeconds: Int
    package let warningSeconds: Int
    package let noticeKey: String?
    package let devEID: Bool
    package let nav: [NavItem]
    package let hasNav: Bool
    /// `data-registration-state` on the main element, for the status page and browser tests.
    package var registrationState: String?

    package struct NavItem: Encodable {
        package let key: String
        package let href: String
        package let current: Bool
        /// Unread messages, for the inbox entry only.
        package var badge: Int?
    }

    package init(_ request: Request, titleKey: String, memberName: String? = nil, noticeKey: String? = nil) {
        let config = request.portal.configuration
        let session = request.currentSession
        lang = request.language.rawValue
        otherLang = request.language == .de ? "en" : "de"
        self.titleKey = titleKey
        fundName = config.fund.name
        signedIn = session?.isSignedIn ?? false
        self.memberName = memberName
        csrf = session?.csrfToken ?? AnonymousCSRF.issued(for: request)
        let path = request.url.path
        self.path = path
        idleSeconds = Int(config.sessionIdleTimeout)
        warningSeconds = Int(config.sessionWarningLead)
        self.noticeKey = noticeKey ?? (request.sessionState.expiredNow ? "notice.sessionExpired" : nil)
        devEID = config.devEIDEnabled
        // The one entry whose path is the longest prefix of this page's path:
        // /konto/dokumente/… is the archive, not also the overview at /konto.
        let current = Self.memberNavigation.map(\.1.path)
            .filter { path == $0 || path.hasPrefix($0 + "/") }
            .max { $0.count < $1.count }
        nav = session?.accountID == nil ? [] : Self.memberNavigation.map { key, url in
            NavItem(key: key, href: url.path, current: url.path == current,
                    badge: url == .inbox ? request.signedInMember.map(\.unreadCount).flatMap { $0 > 0 ? $0 : nil } : nil)
        }
        hasNav = !nav.isEmpty
    }

    /// Only sections that exist: cases join when their feature lands (its
    /// route stays, unlinked, with a "coming soon" page).
    package static let memberNavigation: [(String, SiteURL)] = [
        ("nav.dashboard", .dashboard), ("nav.profile", .profile), ("nav.documents", .documents),
        ("nav.inbox", .inbox), ("nav.applications", .applications), ("nav.drafts", .drafts),
        ("nav.certificates", .certificates), ("nav.help", .help),
    ]
}

extension Request {
    /// Whether the caller (the page's script) asked for JSON. Compared as text
    /// on purpose: Vapor's media-type equality lets a browser's `*/*` match JSON.
    package var wantsJSON: Bool {
        let accept = headers.first(name: .accept)?.lowercased() ?? ""
        return accept.hasPrefix("application/json")
    }
}
