import Foundation

/// Who acts, for the audit trail: every business action names one, and the
/// services take it by type so that the CLI, the back office and jobs cannot
/// confuse a member with a case worker. `auditValue` is the text stored in
/// `audit_entries.actor` (and `registrations.decided_by`, `documents.source`);
/// its format is the trail's and must not change for entries already written.
package enum AuditActor: Sendable, Equatable {
    /// A signed-in member, by their portal account.
    case member(accountID: UUID)
    /// A case worker of the back office, by their staff account.
    case staff(id: UUID)
    /// A job of the portal itself, e.g. `matching`.
    case system(job: String)
    /// A person running a `portal` command (`OperatorName`).
    case `operator`(name: String)
    /// Someone without a session: nobody signed in.
    case visitor
    /// An eID holder signed in with a card that no account is bound to (yet).
    case unregisteredCardHolder
    /// An eID holder registering a new card with a transfer code from the old one.
    case transferCodeHolder

    /// The registration matching job.
    package static let matching = AuditActor.system(job: "matching")

    package var auditValue: String {
        switch self {
        case .member(let accountID): "account:" + accountID.uuidString
        case .staff(let id): "staff:" + id.uuidString
        case .system(let job): "system:" + job
        case .operator(let name): "operator:" + name
        case .visitor: "visitor"
        case .unregisteredCardHolder: "eid:unregistered"
        case .transferCodeHolder: "eid:transfer-code"
        }
    }

    /// The signed-in account's member, or the unregistered card holder when no account is bound.
    package static func cardHolder(accountID: UUID?) -> AuditActor {
        accountID.map { .member(accountID: $0) } ?? .unregisteredCardHolder
    }
}
