import Fluent
import Foundation
import PortalDomain

/// Activates an account for a member and binds it to a card (pseudonym).
/// A member already bound to another card moves to the new one: the old
/// card stops working at once and its sessions end (DOMAIN.md, card change).
enum AccountBinding {
    enum Outcome: Equatable {
        case activated
        case cardChanged
        case cardBoundToAnotherMember
    }

    static func bind(
        member: Member, pseudonym: String, registration: Registration?, on db: any Database, at now: Date, actor: String
    ) async throws -> Outcome {
        let memberID = try member.requireID()
        if let other = try await Account.query(on: db).filter(\.$pseudonym == pseudonym).first(), other.$member.id != memberID {
            return .cardBoundToAnotherMember
        }
        let outcome: Outcome
        if let account = try await Account.query(on: db).filter(\.$member.$id == memberID).first() {
            if account.pseudonym != pseudonym {
                try await PortalSession.query(on: db).filter(\.$accountID == account.requireID()).delete()
                account.pseudonym = pseudonym
                outcome = .cardChanged
            } else {
                outcome = .activated
            }
            account.state = .active
            try await account.save(on: db)
        } else {
            try await Account(memberID: memberID, pseudonym: pseudonym, activatedAt: now).create(on: db)
            outcome = .activated
        }
        if let registration {
            registration.state = .active
            registration.memberID = memberID
            registration.decidedAt = now
            registration.decidedBy = actor
            try await registration.save(on: db)
        }
        try await Inbox.post(outcome == .cardChanged ? .cardChanged : .welcome, to: memberID, on: db, at: now)
        try await AuditLog.record(on: db, at: now, actor: actor,
                                  action: outcome == .cardChanged ? "account.card_changed" : "registration.activated",
                                  memberID: memberID, detail: ["registration": registration?.id?.uuidString ?? "-"])
        return outcome
    }
}
