import Fluent
import Foundation
import PortalDomain

/// Activates an account for a member and binds it to a card (pseudonym).
/// A member already bound to another card moves to the new one: the old
/// card stops working at once and its sessions end (DOMAIN.md, card change).
package enum AccountBinding {
    package enum Outcome: Equatable {
        case activated
        case cardChanged
        case cardBoundToAnotherMember
    }

    package static func bind(
        member: Member, pseudonym: String, registration: Registration?, on db: any Database, at now: Date, actor: AuditActor,
        jobs: JobsService, retiredCards: TokenHasher
    ) async throws -> Outcome {
        let memberID = try member.requireID()
        if let other = try await Account.query(on: db).filter(\.$pseudonym == pseudonym).first(), other.$member.id != memberID {
            return .cardBoundToAnotherMember
        }
        let outcome: Outcome
        if let account = try await Account.query(on: db).filter(\.$member.$id == memberID).first() {
            if account.pseudonym != pseudonym {
                try await PortalSession.query(on: db).filter(\.$accountID == account.requireID()).delete()
                // The old card is remembered as a keyed hash, so signing in with it explains the change.
                try await RetiredCard(memberID: memberID, cardDigest: retiredCards.hash(account.pseudonym), retiredAt: now).create(on: db)
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
        // A card that comes back (the member signs in with it again) is no longer retired.
        try await RetiredCard.query(on: db).filter(\.$cardDigest == retiredCards.hash(pseudonym)).delete()
        if let registration {
            registration.state = .active
            registration.memberID = memberID
            registration.decidedAt = now
            registration.decidedBy = actor.auditValue
            try await registration.save(on: db)
        }
        if outcome == .cardChanged {
            try await CardChangeNotice.send(to: memberID, at: now, on: db, jobs: jobs)
        } else {
            try await Inbox.post(.welcome, to: memberID, on: db, at: now)
        }
        try await AuditLog.record(on: db, at: now, actor: actor,
                                  action: outcome == .cardChanged ? "account.card_changed" : "registration.activated",
                                  memberID: memberID, detail: ["registration": registration?.id?.uuidString ?? "-"])
        return outcome
    }
}

/// Every card change is told on the old channel too (SECURITY.md "identity"):
/// whoever took the account over sees the inbox, but only the member reads
/// the confirmed notification address, whether or not they chose to be
/// notified of new messages. The mail says when and whom to call, nothing else.
package enum CardChangeNotice {
    package static func send(to memberID: UUID, at now: Date, on db: any Database, jobs: JobsService) async throws {
        try await Inbox.post(.cardChanged, to: memberID, on: db, at: now)
        guard let address = try await NotificationSetting.query(on: db).filter(\.$memberID == memberID).first()?.email else { return }
        let payload = PortalMails.Payload(kind: .cardChanged, to: address, link: nil, changedAt: now, memberID: memberID)
        try await jobs.enqueue(PortalJobKinds.mailSend, payload: payload, key: "mail-card-changed-\(UUID().uuidString)", on: db)
    }
}
