import Foundation
import PortalDomain
import PortalCore

/// What a form fills in before the member types (FormField.prefill): the
/// address from the fund's records, bank details, tax id and health
/// insurance as the member last submitted them, the confirmed notification
/// address. The member can change every one of them.
package enum ApplicationPrefill {
    package static func values(for fields: [FormField], member: Member, scope: MemberScope) async throws -> [String: String] {
        var values: [String: String] = [:]
        for field in fields {
            guard let source = field.prefill else { continue }
            switch source {
            case .address:
                if let value = address(field.id, member) { values[field.id] = value }
            case .notificationEmail:
                if let email = try await scope.notificationSetting()?.email { values[field.id] = email }
            case .lastBankDetails, .taxID, .healthInsurance:
                if let value = try await lastSubmitted(field.id, scope: scope) { values[field.id] = value }
            }
        }
        return values
    }

    /// The imported address in the change-of-address form's fields.
    static func address(_ field: String, _ member: Member) -> String? {
        let abroad = !["", "DE", "D", "DEU"].contains(member.country.uppercased().trimmingCharacters(in: .whitespaces))
        switch field {
        case "abroad": return abroad ? "yes" : "no"
        case "street": return member.street
        case "postcode": return abroad ? nil : member.postalCode
        case "foreignPostcode": return abroad ? member.postalCode : nil
        case "city": return member.city
        case "country": return abroad ? member.country : nil
        default: return nil
        }
    }

    private static func lastSubmitted(_ field: String, scope: MemberScope) async throws -> String? {
        guard let (submission, json) = try await scope.latestAnswer(field),
              let definition = ApplicationTypes.definition(submission.type) else { return nil }
        return FormAnswers(canonicalJSON: json, definition: definition)[field]?.inputText
    }
}
