import PortalDomain

/// Every application type the portal offers (DOMAIN.md, "What each status may
/// request", and issue 16). One definition per file under Types/.
package enum ApplicationTypes {
    package static let all: [FormDefinition] = [
        ChangeOfAddress.definition,
        ChangeOfBankDetails.definition,
        PensionInsuranceExemption.definition,
        ContributionReduction.definition,
        OldAgePension.definition,
        DisabilityPension.definition,
        ChangeOfTaxOrHealthInsurance.definition,
        AdditionalContribution.definition,
    ]

    /// What the application catalogue ("Anträge") lists for a member with this status.
    package static func available(for status: MemberStatus) -> [FormDefinition] {
        all.filter { $0.isAvailable(for: status) }
    }

    package static func definition(_ id: String) -> FormDefinition? {
        all.first { $0.id == id }
    }
}
