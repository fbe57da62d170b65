import Vapor

/// What the page frame (layout.leaf) needs on every page.
struct PageContext: Encodable {
    let lang: String
    let otherLang: String
    let titleKey: String
    let fundName: String
    let signedIn: Bool
    let memberName: String?
    let csrf: String?
    let path: String
    let idleSeconds: Int
    let warningSeconds: Int
    let noticeKey: String?
    let devEID: Bool
    let nav: [NavItem]
    let hasNav: Bool
    /// `data-registration-state` on the main element, for the status page and browser tests.
    var registrationState: String?
    let links = Links.shared
    /// The frame before and after `<main>` (PageFrame.swift), built once here.
    private(set) var frameStart = ""
    private(set) var frameEnd = ""

    /// The paths templates link to, from `SiteURL`, so no template spells a path.
    struct Links: Encodable, Sendable {
        static let shared = Links()
        let start = SiteURL.start.path
        let signIn = SiteURL.signIn.path
        let signOut = SiteURL.signOut.path
        let dashboard = SiteURL.dashboard.path
        let profile = SiteURL.profile.path
        let documents = SiteURL.documents.path
        let applications = SiteURL.applications.path
        let cardChange = SiteURL.cardChange.path
        let notificationSettings = SiteURL.notificationSettings.path
        let confirmEmail = SiteURL.confirmEmail.path
        let devMailbox = SiteURL.devMailbox.path
        let help = SiteURL.help.path
        let contact = SiteURL.contact.path
        let privacy = SiteURL.privacy.path
        let imprint = SiteURL.imprint.path
        let devEID = SiteURL.devEID.path
        let sessionExtend = SiteURL.sessionExtend.path
        let sessionStatus = SiteURL.sessionStatus.path
        let registration = SiteURL.registration.path
        let registrationStatus = SiteURL.registrationStatus.path
        let registrationNotify = SiteURL.registrationNotify.path
        let languageDE = SiteURL.language("de").path
        let languageEN = SiteURL.language("en").path
    }

    struct NavItem: Encodable {
        let key: String
        let href: String
        let current: Bool
        /// Unread messages, for the inbox entry only.
        var badge: Int?
    }

    /// `forTemplate: false` for a page built in Swift, which puts the frame
    /// around its content itself (`Request.respond(page:content:)`).
    init(_ request: Request, titleKey: String, memberName: String? = nil, noticeKey: String? = nil, forTemplate: Bool = true) {
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
        if forTemplate {
            let texts = request.texts
            frameStart = PageFrame.start(self, texts).markup
            frameEnd = PageFrame.end(self, texts).markup
        }
    }

    /// Only sections that exist: drafts and cases join when their features land
    /// (their routes stay, unlinked, with a "coming soon" page).
    static let memberNavigation: [(String, SiteURL)] = [
        ("nav.dashboard", .dashboard), ("nav.profile", .profile), ("nav.documents", .documents),
        ("nav.inbox", .inbox), ("nav.applications", .applications), ("nav.help", .help),
    ]
}

/// A page with only the frame and a few texts.
struct SimplePageContext: Encodable {
    let page: PageContext
    let lang: String
    var text: String?
}

extension Request {
    func render<Context: Encodable>(_ template: String, _ context: Context) async throws -> Response {
        try await view.render(template, context).encodeResponse(for: self)
    }
}

extension Request {
    /// Whether the caller (the page's script) asked for JSON. Compared as text
    /// on purpose: Vapor's media-type equality lets a browser's `*/*` match JSON.
    var wantsJSON: Bool {
        let accept = headers.first(name: .accept)?.lowercased() ?? ""
        return accept.hasPrefix("application/json")
    }
}
