import Foundation
import PortalDomain
import PortalCore
import PortalWeb

package struct ProfileContext: Encodable {
    package let page: PageContext
    package let member: MemberView
    package let email: String
    package let pendingEmail: String?
    package let notify: Bool
    package let problemKey: String?

    package struct MemberView: Encodable {
        package let memberNumber: String
        package let academicDegree: String?
        package let givenNames: String
        package let familyName: String
        package let birthName: String?
        package let dateOfBirth: String
        package let statusKey: String
        package let street: String
        package let postalCode: String
        package let city: String
        package let country: String

        package init(_ member: Member, language: LocalizationCatalogue.Language) {
            memberNumber = member.memberNumber
            academicDegree = member.academicDegree
            givenNames = member.givenNames
            familyName = member.familyName
            birthName = member.birthName
            dateOfBirth = PartialDate(iso: member.dateOfBirth).map { Format.date($0, language) } ?? member.dateOfBirth
            statusKey = "status.\(member.status)"
            street = member.street
            postalCode = member.postalCode
            city = member.city
            country = Locale(identifier: language.rawValue).localizedString(forRegionCode: member.country) ?? member.country
        }
    }
}

