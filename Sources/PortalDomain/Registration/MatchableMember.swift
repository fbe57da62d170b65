import Foundation

/// The member-record side of a registration match: the fields the matcher
/// compares, as the core system exported them. The app builds it from its
/// stored member row.
public struct MatchableMember: Sendable, Equatable {
    public var familyName: String
    public var givenNames: String
    public var birthName: String?
    /// Never compared (degrees are not part of a name), only dropped when a name starts with it.
    public var academicDegree: String?
    /// `YYYY-MM-DD` as imported; anything else never matches.
    public var dateOfBirth: String

    public init(familyName: String, givenNames: String, birthName: String? = nil, academicDegree: String? = nil, dateOfBirth: String) {
        self.familyName = familyName
        self.givenNames = givenNames
        self.birthName = birthName
        self.academicDegree = academicDegree
        self.dateOfBirth = dateOfBirth
    }

    public init(_ record: MemberImportRecord) {
        self.init(
            familyName: record.familyName, givenNames: record.givenNames, birthName: record.birthName,
            academicDegree: record.academicDegree, dateOfBirth: record.dateOfBirth)
    }
}
