import Foundation
import PortalDomain
import PortalCore
import PortalWeb

/// The simulator's free-form identity, checked like a real eID response would be.
package struct DevEIDInput: Codable, Equatable {
    package var family_names: String?
    package var given_names: String?
    package var birth_name: String?
    package var academic_title: String?
    package var date_of_birth: String?
    package var pseudonym: String?
    package var document_type: String?
    package var issuing_state: String?

    package static let empty = DevEIDInput()
    package static let documentTypes = ["ID", "AR", "AS", "AF", "UB", "EIDAS"]

    package func validated() -> Result<EIDIdentity, InputProblems> {
        var problems: [InputProblem] = []
        func required(_ value: String?, _ field: String, max: Int = 200) -> String {
            let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if text.isEmpty { problems.append(.init(field: field, messageKey: "devEID.error.\(field).missing")) }
            else if text.count > max || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                problems.append(.init(field: field, messageKey: "devEID.error.\(field).invalid"))
            }
            return text
        }
        func optional(_ value: String?) -> String? {
            let text = value?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return text.isEmpty ? nil : String(text.prefix(200))
        }
        let family = required(family_names, "family_names")
        let given = required(given_names, "given_names")
        let pseudonym = required(pseudonym, "pseudonym", max: 128)
        let dateText = required(date_of_birth, "date_of_birth", max: 10)
        let date = PartialDate(iso: dateText)
        if date == nil && !dateText.isEmpty {
            problems.append(.init(field: "date_of_birth", messageKey: "devEID.error.date_of_birth.invalid"))
        }
        let documentType = optional(document_type)?.uppercased() ?? "ID"
        if !Self.documentTypes.contains(documentType) {
            problems.append(.init(field: "document_type", messageKey: "devEID.error.document_type.invalid"))
        }
        let state = optional(issuing_state)?.uppercased() ?? "D"
        if !(1...3).contains(state.count) || !state.allSatisfy({ $0.isASCII && $0.isLetter }) {
            problems.append(.init(field: "issuing_state", messageKey: "devEID.error.issuing_state.invalid"))
        }
        guard problems.isEmpty, let date else { return .failure(InputProblems(problems: problems)) }
        return .success(EIDIdentity(
            pseudonym: pseudonym, familyNames: family, givenNames: given,
            birthName: optional(birth_name), academicTitle: optional(academic_title),
            dateOfBirth: date, documentType: documentType, issuingState: state,
            levelOfAssurance: documentType == "EIDAS" ? "substantial" : "high"))
    }
}
