import Foundation
import Vapor
import PortalCore
import PortalWeb

/// Every path of the portal in one place: views, redirects and route
/// registrations never spell a path by hand.
package enum SiteURL: SitePath, Equatable {
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
    /// The applications this member's status allows; one type's start (resumes
    /// its draft), a step, the timeout warning's save of a step, the review,
    /// the binding confirmation, and a sent application's receipt.
    case applications
    case applicationStart(Parameter<String>)
    case applicationStep(Parameter<String>, Parameter<String>)
    case applicationAutosave(Parameter<String>, Parameter<String>)
    case applicationReview(Parameter<String>)
    case applicationConfirm(Parameter<String>)
    case applicationReceipt(Parameter<UUID>)
    /// "Noch nicht versandte Anträge" and the deletion of one draft.
    case drafts
    case draftDelete(Parameter<UUID>)
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
    package enum Key {
        package static let documentID = "documentID"
        package static let messageID = "messageID"
        package static let requestID = "requestID"
        package static let languageCode = "code"
        package static let applicationType = "type"
        package static let step = "step"
        package static let submissionID = "submissionID"
        package static let draftID = "draftID"
    }

    package var segments: [PathSegment] {
        func fixed(_ path: String) -> [PathSegment] { path.split(separator: "/").map { .fixed(String($0)) } }
        func uuid(_ name: String, _ parameter: Parameter<UUID>) -> PathSegment {
            switch parameter {
            case .key: .parameter(name, nil)
            case .value(let id): .parameter(name, id.uuidString)
            }
        }
        func text(_ name: String, _ parameter: Parameter<String>) -> PathSegment {
            switch parameter {
            case .key: .parameter(name, nil)
            case .value(let value): .parameter(name, value)
            }
        }
        let applications = fixed("konto/antraege")
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
        case .applications: return applications
        case .applicationStart(let type): return applications + [text(Key.applicationType, type)]
        case .applicationStep(let type, let step):
            return applications + [text(Key.applicationType, type), .fixed("schritt"), text(Key.step, step)]
        case .applicationAutosave(let type, let step):
            return applications + [text(Key.applicationType, type), .fixed("schritt"), text(Key.step, step), .fixed("zwischenspeichern")]
        case .applicationReview(let type): return applications + [text(Key.applicationType, type), .fixed("pruefen")]
        case .applicationConfirm(let type): return applications + [text(Key.applicationType, type), .fixed("absenden")]
        case .applicationReceipt(let id): return fixed("konto/antraege/gesendet") + [uuid(Key.submissionID, id)]
        case .drafts: return fixed("konto/entwuerfe")
        case .draftDelete(let id): return fixed("konto/entwuerfe") + [uuid(Key.draftID, id), .fixed("loeschen")]
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
}
