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
    let input: RegistrationInput
    let errors: [FieldProblem]
    let texts: CredentialTexts
}

/// The texts that name what the person signed in with: "Ihr Ausweis" for a
/// German card, "Ihre eID" for another EU state's eID (eIDAS).
struct CredentialTexts: Encodable {
    let lead: String
    let how: String
    let leave: String
    let review: String
    let oldCardText: String
    let oldCardAgain: String

    init(eidas: Bool) {
        func key(_ base: String) -> String { eidas ? base + ".eidas" : base }
        lead = key("registration.lead")
        how = key("registration.how")
        leave = key("registration.pending.leave")
        review = key("registration.review.text")
        oldCardText = key("registration.oldCard.text")
        oldCardAgain = key("registration.oldCard.again")
    }
}

struct RegistrationStatusContext: Encodable {
    let page: PageContext
    let state: String
    let expectedTime: String?
    let afterWindow: Bool
    let windowEnd: String
    let fundEmail: String
    let fundPhone: String
    let texts: CredentialTexts
    /// Rejected after a case worker's review, not by the automatic match.
    let reviewed: Bool
    /// In review: whether an address for the decision's mail was left.
    let notifyRequested: Bool
    let notifyInput: String
    let errors: [FieldProblem]
}

/// The page for a card that a newer card replaced.
struct OldCardContext: Encodable {
    let page: PageContext
    let retiredOn: String
    let fundEmail: String
    let fundPhone: String
    let texts: CredentialTexts
}
