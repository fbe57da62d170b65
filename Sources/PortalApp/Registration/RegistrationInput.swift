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
