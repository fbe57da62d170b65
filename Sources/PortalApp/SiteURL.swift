import Vapor

/// Every path of the portal in one place: templates and redirects never spell
/// a path by hand (the pattern of SwiftPackageIndex-Server's `SiteURL`).
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
    case inbox
    case applications
    case drafts
    case cases
    case help
    case contact
    case privacy
    case imprint
    case language(String)
    case sessionStatus
    case sessionExtend
    case devEID
    case healthz
    case readyz

    var path: String {
        switch self {
        case .start: "/"
        case .signIn: "/anmelden"
        case .signOut: "/abmelden"
        case .registration: "/registrierung"
        case .registrationStatus: "/registrierung/status"
        case .registrationNotify: "/registrierung/benachrichtigung"
        case .dashboard: "/konto"
        case .profile: "/konto/profil"
        case .cardChange: "/konto/neuer-ausweis"
        case .notificationSettings: "/konto/profil/benachrichtigungen"
        case .confirmEmail: "/email-bestaetigen"
        case .devMailbox: "/dev/postfach"
        case .documents: "/konto/dokumente"
        case .inbox: "/konto/posteingang"
        case .applications: "/konto/antraege"
        case .drafts: "/konto/entwuerfe"
        case .cases: "/konto/vorgaenge"
        case .help: "/hilfe"
        case .contact: "/hilfe/kontakt"
        case .privacy: "/datenschutz"
        case .imprint: "/impressum"
        case .language(let code): "/sprache/\(code)"
        case .sessionStatus: "/sitzung/status"
        case .sessionExtend: "/sitzung/verlaengern"
        case .devEID: "/dev/eid"
        case .healthz: "/healthz"
        case .readyz: "/readyz"
        }
    }

    /// Route path components for Vapor's router.
    var components: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }
}

