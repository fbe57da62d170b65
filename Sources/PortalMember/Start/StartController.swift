import Vapor
import PortalCore
import PortalWeb

/// The public pages: start (how to sign in), privacy notice, imprint, help,
/// and the language switch.
package struct StartController: RouteCollection {
    /// Where "Mit Online-Ausweis anmelden" leads; nil when none is configured.
    package let identityProvider: (any IdentityProvider)?
    package let configuration: PortalConfiguration

    package func boot(routes: any RoutesBuilder) throws {
        routes.get(use: start)
        routes.get(SiteURL.privacy.components, use: privacy)
        routes.get(SiteURL.imprint.components, use: imprint)
        routes.get(SiteURL.help.components, use: help)
        routes.get(SiteURL.language(.key).components, use: switchLanguage)
        routes.get(SiteURL.signIn.components, use: signIn)
    }

    package func start(req: Request) async throws -> Response {
        if req.currentSession?.accountID != nil { return req.redirect(to: SiteURL.dashboard.path) }
        let notice: String? = req.query[String.self, at: "abgemeldet"] != nil ? "notice.signedOut"
            : req.query[String.self, at: "abgelaufen"] != nil ? "notice.sessionExpired" : nil
        let page = PageContext(req, titleKey: "start.title", noticeKey: notice)
        return req.respond(page: page, content: StartPage.content(req.texts))
    }

    package func privacy(req: Request) async throws -> Response {
        let page = PageContext(req, titleKey: "privacy.title")
        return req.respond(page: page, content: SimplePages.legal(titleKey: page.titleKey, text: configuration.fund.privacyText, req.texts))
    }

    package func imprint(req: Request) async throws -> Response {
        let page = PageContext(req, titleKey: "imprint.title")
        return req.respond(page: page, content: SimplePages.legal(titleKey: page.titleKey, text: configuration.fund.imprintText, req.texts))
    }

    package func help(req: Request) async throws -> Response {
        try await HelpContext.render(req, fund: configuration.fund)
    }

    /// Sets only the language preference cookie, which holds no personal data
    /// and changes nothing on the server, then returns to the page (local paths only).
    package func switchLanguage(req: Request) async throws -> Response {
        guard let code = req.parameters.get(SiteURL.Key.languageCode), let language = LocalizationCatalogue.Language(rawValue: code) else {
            throw Abort(.notFound)
        }
        let back = (try? req.query.get(String.self, at: "zurueck")).flatMap(Self.localPath) ?? SiteURL.start.path
        let response = req.redirect(to: back)
        response.cookies[LanguageMiddleware.cookieName] = HTTPCookies.Value(
            string: language.rawValue, maxAge: 365 * 86_400, path: "/",
            isSecure: configuration.usesHTTPS, isHTTPOnly: true, sameSite: .lax)
        return response
    }

    /// The identity provider's entry. Until the SAML connector exists, the
    /// development simulator is the only provider; without one, sign-in is unavailable (503).
    package func signIn(req: Request) async throws -> Response {
        guard let provider = identityProvider else {
            throw Abort(.serviceUnavailable, reason: "no identity provider configured")
        }
        return try await provider.startSignIn(req)
    }

    /// Accepts "/konto/profil" but not "//evil.example" or "https://…": no open redirect.
    package static func localPath(_ text: String) -> String? {
        guard text.hasPrefix("/"), !text.hasPrefix("//"), !text.contains("\\"),
              text.count < 200, text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        return text
    }

    package init(configuration: PortalConfiguration, identityProvider: (any IdentityProvider)? = nil) {
        self.configuration = configuration
        self.identityProvider = identityProvider
    }
}

package struct HelpContext: Encodable {
    package let page: PageContext
    package let fund: FundView
    /// nil when nobody is signed in: the form is for members only.
    package let contact: ContactForm?

    package struct FundView: Encodable {
        package let name: String
        package let email: String
        package let phone: String
        package let hostingNote: String?
    }

    package init(page: PageContext, fund: FundProfile, contact: ContactForm?) {
        self.page = page
        self.fund = FundView(name: fund.name, email: fund.email, phone: fund.phone, hostingNote: fund.hostingNote)
        self.contact = contact
    }
}
