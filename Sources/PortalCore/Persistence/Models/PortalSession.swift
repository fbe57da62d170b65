import Fluent
import Foundation

/// A server-side session. The cookie carries a random token; the database
/// keeps only its HMAC, so a leaked table cannot be replayed as cookies.
package final class PortalSession: Model, @unchecked Sendable {
    package static let schema = "sessions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "csrf_token") package var csrfToken: String
    @OptionalField(key: "account_id") package var accountID: UUID?
    @OptionalField(key: "pseudonym") package var pseudonym: String?
    /// The eID attributes of this sign-in as JSON; needed for registration matching.
    @OptionalField(key: "identity_json") package var identityJSON: String?
    @Field(key: "created_at") package var createdAt: Date
    @Field(key: "last_seen_at") package var lastSeenAt: Date
    /// `SessionScope`: the listener this session is valid on.
    @Field(key: "scope") package var scope: String

    package init() {}

    package var isSignedIn: Bool { pseudonym != nil }

    /// When the session ends: after the idle period since the last request,
    /// or the absolute lifetime since sign-in, whichever comes first.
    package func end(idle: TimeInterval, absolute: TimeInterval) -> Date {
        min(lastSeenAt.addingTimeInterval(idle), createdAt.addingTimeInterval(absolute))
    }
}

/// The two trust boundaries: members on the public listener, the fund's
/// staff on the back-office listener. Each has its own cookie name, and a
/// session is looked up only within its own scope.
package enum SessionScope: String, Sendable {
    case member
    case staff

    /// `__Host-` binds the cookie to this exact origin, but browsers accept
    /// it only together with `Secure`, which needs https.
    package func cookieName(usesHTTPS: Bool) -> String {
        switch self {
        case .member: usesHTTPS ? "__Host-portal_session" : "portal_session"
        case .staff: usesHTTPS ? "__Host-portal_staff_session" : "portal_staff_session"
        }
    }
}
