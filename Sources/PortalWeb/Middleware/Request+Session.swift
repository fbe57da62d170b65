import Fluent
import PortalDomain
import Vapor
import PortalCore

extension Request {
    package var currentSession: PortalSession? { sessionState.session }

    /// The token for forms: the session's synchroniser token, or for a visitor
    /// without a session the stateless one bound to the pre-session cookie
    /// (AnonymousCSRF). A page view never writes a row, so a crawler cannot
    /// flood the session table or hold SQLite's write lock.
    package func csrfToken() async throws -> String {
        if let session = sessionState.session { return session.csrfToken }
        return AnonymousCSRF.token(for: self)
    }

    /// Sign-in: a brand-new session with a new id and CSRF token; the previous
    /// session row is deleted so its cookie is dead (ASVS 7.2.4, fixation).
    package func signIn(_ identity: EIDIdentity, accountID: UUID?) async throws {
        if let old = sessionState.session {
            try await old.delete(on: db)
            sessionState.session = nil
        }
        let json = String(decoding: try JSONEncoder().encode(identity), as: UTF8.self)
        _ = try await createSession(pseudonym: identity.pseudonym, accountID: accountID, identityJSON: json)
    }

    /// Sign-out ends every session of the person at once (ASVS 7.4.1, 7.4.2).
    package func signOutEverywhere() async throws {
        guard let session = sessionState.session else { return }
        if let accountID = session.accountID {
            try await PortalSession.query(on: db).filter(\.$accountID == accountID).delete()
        } else if let pseudonym = session.pseudonym {
            try await PortalSession.query(on: db).filter(\.$pseudonym == pseudonym).delete()
        }
        try await session.delete(on: db)
        sessionState.session = nil
        sessionState.clearCookie = true
    }

    package var signedInIdentity: EIDIdentity? {
        guard let json = sessionState.session?.identityJSON else { return nil }
        return try? JSONDecoder().decode(EIDIdentity.self, from: Data(json.utf8))
    }

    private func createSession(pseudonym: String?, accountID: UUID?, identityJSON: String?) async throws -> PortalSession {
        let token = TokenHasher.randomToken()
        let now = clock.now()
        let session = PortalSession()
        session.tokenHash = portal.tokens.sessions.hash(token)
        session.csrfToken = TokenHasher.randomToken()
        session.pseudonym = pseudonym
        session.accountID = accountID
        session.identityJSON = identityJSON
        session.createdAt = now
        session.lastSeenAt = now
        session.scope = sessionState.scope.rawValue
        try await session.save(on: db)
        sessionState.session = session
        sessionState.issuedToken = token
        sessionState.clearCookie = false
        return session
    }
}
