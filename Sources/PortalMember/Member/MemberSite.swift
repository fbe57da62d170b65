import Vapor
import PortalCore
import PortalWeb

/// The member listener: its middleware (in this order) and every member
/// route. The back office (PortalBackOffice) serves none of these.
package enum MemberSite {
    package static func configure(_ app: Application, identityProvider: (any IdentityProvider)?) throws {
        let configuration = app.portal.configuration
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware(usesHTTPS: configuration.usesHTTPS))
        app.middleware.use(ErrorPageMiddleware(frame: MemberFrame()))
        app.middleware.use(RequestGuardMiddleware())
        app.middleware.use(FileMiddleware(publicDirectory: configuration.resourcesDirectory.appendingPathComponent("Resources/Public").path + "/"))
        app.middleware.use(LanguageMiddleware())
        app.middleware.use(SessionMiddleware(scope: .member, untouchedPath: SiteURL.sessionStatus.path))
        app.middleware.use(CSRFMiddleware())

        try app.register(collection: StartController(identityProvider: identityProvider))
        try app.register(collection: HealthController())
        try app.register(collection: SessionController())
        try app.register(collection: MemberAreaController())
        try app.register(collection: RegistrationController())
        try app.register(collection: CardChangeController())
        try app.register(collection: InboxController())
        try app.register(collection: DocumentsController())
        try app.register(collection: CertificatesController())
        try app.register(collection: NotificationsController())
        try app.register(collection: ContactController())
        if configuration.devEIDEnabled { try app.register(collection: DevMailboxController()) }
        try identityProvider?.register(on: app)
    }
}
