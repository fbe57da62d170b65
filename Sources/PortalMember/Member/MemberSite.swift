import Vapor
import PortalCore
import PortalWeb

/// The member listener: its middleware (in this order) and every member
/// route. The back office (PortalBackOffice) serves none of these.
package enum MemberSite {
    package static func configure(_ app: Application, services: PortalServices, identityProvider: (any IdentityProvider)?) throws {
        let configuration = services.configuration
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware(usesHTTPS: configuration.usesHTTPS))
        app.middleware.use(ErrorPageMiddleware(frame: MemberFrame()))
        app.middleware.use(RequestGuardMiddleware())
        app.middleware.use(FileMiddleware(publicDirectory: configuration.resourcesDirectory.appendingPathComponent("Resources/Public").path + "/"))
        app.middleware.use(LanguageMiddleware())
        app.middleware.use(SessionMiddleware(scope: .member, untouchedPath: SiteURL.sessionStatus.path))
        app.middleware.use(CSRFMiddleware())

        let (clock, jobs) = (services.clock, services.jobs)
        try app.register(collection: StartController(configuration: configuration, identityProvider: identityProvider))
        try app.register(collection: HealthController())
        try app.register(collection: SessionController(configuration: configuration, clock: clock))
        try app.register(collection: MemberAreaController())
        try app.register(collection: RegistrationController(configuration: configuration, clock: clock, jobs: jobs, tokens: services.tokens))
        try app.register(collection: CardChangeController(clock: clock, tokens: services.tokens))
        try app.register(collection: InboxController(clock: clock, catalogue: services.catalogue))
        try app.register(collection: DocumentsController(configuration: configuration, clock: clock, jobs: jobs,
                                                         archive: services.archive, catalogue: services.catalogue))
        try app.register(collection: CertificatesController(configuration: configuration, clock: clock, jobs: jobs))
        try app.register(collection: ApplicationsController(configuration: configuration, clock: clock, jobs: jobs))
        try app.register(collection: NotificationsController(configuration: configuration, clock: clock, jobs: jobs, tokens: services.tokens))
        try app.register(collection: ContactController(clock: clock, fund: configuration.fund))
        if configuration.devEIDEnabled { try app.register(collection: DevMailboxController(configuration: configuration)) }
        try identityProvider?.register(on: app)
    }
}
