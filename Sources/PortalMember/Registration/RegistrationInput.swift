import Fluent
import Foundation
import PortalDomain
import Vapor
import PortalCore
import PortalWeb

/// The registration form: member number and privacy consent.
package struct RegistrationInput: Codable, Equatable {
    package var member_number: String?
    package var privacy_consent: String?
    /// Optional: the one-time code prepared with the old card.
    package var transfer_code: String?

    package func validated() -> Result<MemberNumber, InputProblems> {
        var problems: [InputProblem] = []
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
        guard let number, problems.isEmpty else { return .failure(InputProblems(problems: problems)) }
        return .success(number)
    }
}

package struct RegistrationFormContext: Encodable {
    package let page: PageContext
    package let input: RegistrationInput
    package let errors: [InputProblem]
    package let texts: CredentialTexts
}

/// The texts that name what the person signed in with: "Ihr Ausweis" for a
/// German card, "Ihre eID" for another EU state's eID (eIDAS).
package struct CredentialTexts: Encodable {
    package let lead: String
    package let how: String
    package let leave: String
    package let review: String
    package let oldCardText: String
    package let oldCardAgain: String

    package init(eidas: Bool) {
        func key(_ base: String) -> String { eidas ? base + ".eidas" : base }
        lead = key("registration.lead")
        how = key("registration.how")
        leave = key("registration.pending.leave")
        review = key("registration.review.text")
        oldCardText = key("registration.oldCard.text")
        oldCardAgain = key("registration.oldCard.again")
    }
}

package struct RegistrationStatusContext: Encodable {
    package let page: PageContext
    package let state: String
    package let expectedTime: String?
    package let afterWindow: Bool
    package let windowEnd: String
    package let fundEmail: String
    package let fundPhone: String
    package let texts: CredentialTexts
    /// Rejected after a case worker's review, not by the automatic match.
    package let reviewed: Bool
    /// In review: whether an address for the decision's mail was left.
    package let notifyRequested: Bool
    package let notifyInput: String
    package let errors: [InputProblem]
}

/// The page for a card that a newer card replaced.
package struct OldCardContext: Encodable {
    package let page: PageContext
    package let retiredOn: String
    package let fundEmail: String
    package let fundPhone: String
    package let texts: CredentialTexts
}
