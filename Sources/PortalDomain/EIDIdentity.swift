import Foundation

/// The attributes an eID sign-in delivers (German eID or eIDAS).
///
/// Every identity provider (the development simulator, later the SAML
/// connector) produces this one type, so the rest of the portal does not
/// care where a sign-in came from.
public struct EIDIdentity: Codable, Sendable, Equatable {
    /// The card's service-specific pseudonym; stable per card and service.
    public var pseudonym: String
    public var familyNames: String
    public var givenNames: String
    public var birthName: String?
    public var academicTitle: String?
    public var dateOfBirth: PartialDate
    /// "ID" (Personalausweis), "AR"/"AS"/"AF" (residence permits), "UB" (eID card), or eIDAS.
    public var documentType: String
    /// ISO 3166-1 alpha-3 as on the card, e.g. "D".
    public var issuingState: String
    /// "substantial" or "high" (eIDAS levels of assurance).
    public var levelOfAssurance: String

    public init(
        pseudonym: String, familyNames: String, givenNames: String, birthName: String? = nil,
        academicTitle: String? = nil, dateOfBirth: PartialDate, documentType: String = "ID",
        issuingState: String = "D", levelOfAssurance: String = "high"
    ) {
        self.pseudonym = pseudonym
        self.familyNames = familyNames
        self.givenNames = givenNames
        self.birthName = birthName
        self.academicTitle = academicTitle
        self.dateOfBirth = dateOfBirth
        self.documentType = documentType
        self.issuingState = issuingState
        self.levelOfAssurance = levelOfAssurance
    }
}

/// A date of birth as documents carry it: some only know the year, or year and month.
public struct PartialDate: Codable, Sendable, Equatable, CustomStringConvertible {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; nil for anything else or an impossible date.
    public init?(iso text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1800...2200).contains(year) else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3, let month {
            guard parts[2].count == 2, let day = Int(parts[2]),
                  (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            self.day = day
        }
    }

    public var isComplete: Bool { month != nil && day != nil }

    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

extension EIDIdentity {
    /// A sign-in with another EU state's eID (eIDAS) rather than a German card:
    /// such people are never told they used "Ihr Ausweis".
    public var isEIDAS: Bool { documentType == "EIDAS" }
}
