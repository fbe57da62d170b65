import Foundation
import Vapor

/// A path parameter of a `SiteURL`: `.key` where a route is registered (it
/// becomes `:name` in the pattern), `.value(x)` where a link is written.
/// One case gives both, so a route and its links cannot drift apart (the
/// pattern of SwiftPackageIndex-Server's `SiteURL` with `Parameter<T>`).
enum Parameter<Value: Sendable & Equatable>: Sendable, Equatable {
    case key
    case value(Value)
}

/// Every path of the portal in one place: views, redirects and route
/// registrations never spell a path by hand.
enum SiteURL: Sendable, Equatable {
    case start
    case signIn
    case signOut
    case registration
    case registrationStatus
    case registrationNotify
    case dashboard
    case profile
    case cardChange
    case notificationSettings
    case confirmEmail
    case devMailbox
    case documents
    case document(Parameter<UUID>)
    case documentRequest(Parameter<UUID>)
    case inbox
    case inboxMessage(Parameter<UUID>)
    /// The certificates a member can generate, and one request's status page.
    case certificates
    case certificateRequest(Parameter<UUID>)
    /// The applications catalogue (issue "Applications"); until it exists, it forwards to the certificates.
    case applications
    case drafts
    case cases
    case help
    case contact
    case privacy
    case imprint
    case language(Parameter<String>)
    case sessionStatus
    case sessionExtend
    case devEID
    case healthz
    case readyz

    /// The parameter names of the route patterns, as handlers read them (`req.parameters.get`).
    enum Key {
        static let documentID = "documentID"
        static let messageID = "messageID"
        static let requestID = "requestID"
        static let languageCode = "code"
    }

    /// The path for a link or redirect. A `.key` parameter here is a programming error.
    var path: String {
        "/" + segments.map { segment in
            switch segment {
            case .fixed(let text): text
            case .parameter(let name, nil): preconditionFailure("SiteURL.path needs a value for :\(name)")
            case .parameter(_, let value?): Self.encoded(value)
            }
        }.joined(separator: "/")
    }

    /// The path with a query (keys and values percent-encoded, in the given
    /// order) and an optional fragment.
    func path(query: KeyValuePairs<String, String>, fragment: String? = nil) -> String {
        var result = path
        if !query.isEmpty {
            result += "?" + query.map { "\(Self.encoded($0.key))=\(Self.encoded($0.value))" }.joined(separator: "&")
        }
        if let fragment { result += "#" + Self.encoded(fragment) }
        return result
    }

    /// The route pattern for Vapor's router: parameters as `:name`.
    var components: [PathComponent] {
        segments.map { segment in
            switch segment {
            case .fixed(let text): .constant(text)
            case .parameter(let name, _): .parameter(name)
            }
        }
    }

    private enum Segment {
        case fixed(String)
        case parameter(String, String?)
    }

    private var segments: [Segment] {
        func fixed(_ path: String) -> [Segment] { path.split(separator: "/").map { .fixed(String($0)) } }
        func uuid(_ name: String, _ parameter: Parameter<UUID>) -> Segment {
            switch parameter {
            case .key: .parameter(name, nil)
            case .value(let id): .parameter(name, id.uuidString)
            }
        }
        switch self {
        case .start: return []
        case .signIn: return fixed("anmelden")
        case .signOut: return fixed("abmelden")
        case .registration: return fixed("registrierung")
        case .registrationStatus: return fixed("registrierung/status")
        case .registrationNotify: return fixed("registrierung/benachrichtigung")
        case .dashboard: return fixed("konto")
        case .profile: return fixed("konto/profil")
        case .cardChange: return fixed("konto/neuer-ausweis")
        case .notificationSettings: return fixed("konto/profil/benachrichtigungen")
        case .confirmEmail: return fixed("email-bestaetigen")
        case .devMailbox: return fixed("dev/postfach")
        case .documents: return fixed("konto/dokumente")
        case .document(let id): return fixed("konto/dokumente") + [uuid(Key.documentID, id)]
        case .documentRequest(let id): return fixed("konto/dokumente") + [uuid(Key.documentID, id), .fixed("anfordern")]
        case .inbox: return fixed("konto/posteingang")
        case .inboxMessage(let id): return fixed("konto/posteingang") + [uuid(Key.messageID, id)]
        case .certificates: return fixed("konto/bescheinigungen")
        case .certificateRequest(let id): return fixed("konto/bescheinigungen") + [uuid(Key.requestID, id)]
        case .applications: return fixed("konto/antraege")
        case .drafts: return fixed("konto/entwuerfe")
        case .cases: return fixed("konto/vorgaenge")
        case .help: return fixed("hilfe")
        case .contact: return fixed("hilfe/kontakt")
        case .privacy: return fixed("datenschutz")
        case .imprint: return fixed("impressum")
        case .language(let code):
            switch code {
            case .key: return fixed("sprache") + [.parameter(Key.languageCode, nil)]
            case .value(let value): return fixed("sprache") + [.parameter(Key.languageCode, value)]
            }
        case .sessionStatus: return fixed("sitzung/status")
        case .sessionExtend: return fixed("sitzung/verlaengern")
        case .devEID: return fixed("dev/eid")
        case .healthz: return fixed("healthz")
        case .readyz: return fixed("readyz")
        }
    }

    /// RFC 3986 unreserved characters stay; everything else is percent-encoded.
    private static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func encoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
