import Fluent
import Foundation
import PortalDomain
import Vapor

/// The registration form: member number and privacy consent.
struct RegistrationInput: Codable, Equatable {
    var member_number: String?
    var privacy_consent: String?
    /// Optional: the one-time code prepared with the old card.
    var transfer_code: String?

    func validated() -> Result<MemberNumber, FieldProblems> {
        var problems: [FieldProblem] = []
        var number: MemberNumber?
        do {
            number = try MemberNumber(parsing: member_number ?? "")
        } catch .empty {
            problems.append(.init(field: "member_number", messageKey: "registration.error.member_number.missing"))
        } catch {
            problems.append(.init(field: "member_number", messageKey: "registration.error.member_number.format"))
        }
        if !["on", "yes", "true", "1"].contains(privacy_consent?.lowercased() ?? "") {
            problems.append(.init(field: "privacy_consent", messageKey: "registration.error.privacy_consent.missing"))
        }
        guard let number, problems.isEmpty else { return .failure(FieldProblems(problems: problems)) }
        return .success(number)
    }
}

struct RegistrationFormContext: Encodable {
    let page: PageContext
    let lang: String
    let input: RegistrationInput
    let errors: [FieldProblem]
}

struct RegistrationStatusContext: Encodable {
    let page: PageContext
    let lang: String
    let state: String
    let expectedTime: String?
    let afterWindow: Bool
    let windowEnd: String
    let fundEmail: String
    let fundPhone: String
}

/// At most 5 registrations per card and per member number in 24 hours
/// (DOMAIN.md). Every submitted number counts, known or not, so the limit
/// never tells whether a number exists.
enum RegistrationAttempts {
    static func check(_ req: Request, pseudonym: String, memberNumber: String) async throws {
        let now = req.clock.now()
        let since = now.addingTimeInterval(-24 * 3600)
        let byCard = try await Registration.query(on: req.db).filter(\.$pseudonym == pseudonym)
            .filter(\.$createdAt > since).all(\.$createdAt)
        let byNumber = try await Registration.query(on: req.db).filter(\.$memberNumber == memberNumber)
            .filter(\.$createdAt > since).all(\.$createdAt)
        if case .blocked(let until) = RegistrationAttemptPolicy().decide(pseudonymAttempts: byCard, memberNumberAttempts: byNumber, now: now) {
            try await AuditLog.record(on: req.db, at: now, actor: "eid:unregistered", action: "registration.limited", memberID: nil)
            let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
            throw Abort(.tooManyRequests, headers: ["Retry-After": String(seconds)], reason: "registration attempt limit")
        }
    }
}
