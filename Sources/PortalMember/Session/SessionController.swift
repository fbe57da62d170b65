import PortalDomain
import Vapor
import PortalCore
import PortalWeb

/// Sign-out and the idle-timeout helpers behind the "stay signed in" warning.
package struct SessionController: RouteCollection {
    package let configuration: PortalConfiguration
    package let clock: any PortalClock

    package func boot(routes: any RoutesBuilder) throws {
        routes.post(SiteURL.signOut.components, use: signOut)
        routes.get(SiteURL.sessionStatus.components, use: status)
        routes.post(SiteURL.sessionExtend.components, use: extend)
    }

    package func signOut(req: Request) async throws -> Response {
        if let session = req.currentSession, session.isSignedIn {
            try await AuditLog.record(
                on: req.db, at: clock.now(), actor: .cardHolder(accountID: session.accountID),
                action: "signout", memberID: nil)
        }
        try await req.signOutEverywhere()
        return req.redirect(to: SiteURL.start.path(query: ["abgemeldet": "1"]))
    }

    /// Seconds until the idle timeout; asking does not extend the session.
    package func status(req: Request) async throws -> SessionStatus {
        guard let session = req.currentSession, session.isSignedIn else { return SessionStatus(signedIn: false, remainingSeconds: 0) }
        let config = configuration
        let remaining = session.end(idle: config.sessionIdleTimeout, absolute: config.sessionAbsoluteTimeout).timeIntervalSince(clock.now())
        // Rounded up: "0 left" must only ever mean the session has ended.
        return SessionStatus(signedIn: true, remainingSeconds: max(0, Int(remaining.rounded(.up))))
    }

    /// "Angemeldet bleiben": resets the idle timer (never the absolute limit).
    package func extend(req: Request) async throws -> Response {
        guard let session = req.currentSession, session.isSignedIn else { throw Abort(.unauthorized) }
        session.lastSeenAt = clock.now()
        try await session.save(on: req.db)
        if req.wantsJSON {
            return try await status(req: req).encodeResponse(for: req)
        }
        let back = (try? req.content.get(String.self, at: "zurueck")).flatMap(StartController.localPath) ?? SiteURL.dashboard.path
        return req.redirect(to: back)
    }

    package init(configuration: PortalConfiguration, clock: any PortalClock) {
        self.configuration = configuration
        self.clock = clock
    }
}

package struct SessionStatus: Content {
    package let signedIn: Bool
    package let remainingSeconds: Int
}
