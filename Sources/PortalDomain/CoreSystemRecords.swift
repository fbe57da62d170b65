import Foundation

/// A line of the core system's export that cannot be taken, and why.
public struct ImportProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String?
    public let reason: String
    public init(field: String?, reason: String) {
        self.field = field
        self.reason = reason
    }
    public var description: String { field.map { "\($0): \(reason)" } ?? reason }
}

/// Reads named fields of one exported line, collecting the first problem per field.
public struct ImportFields: Sendable {
    let values: [String: String]
    public init(_ values: [String: String]) { self.values = values }

    func text(_ name: String, required: Bool = true, maxLength: Int = 200) throws(ImportProblem) -> String? {
        let value = values[name]?.trimmingCharacters(in: .whitespaces) ?? ""
        if value.isEmpty {
            if required { throw ImportProblem(field: name, reason: "is missing") }
            return nil
        }
        guard value.count <= maxLength else { throw ImportProblem(field: name, reason: "is longer than \(maxLength) characters") }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ImportProblem(field: name, reason: "contains control characters")
        }
        return value
    }

    func integer(_ name: String, in range: ClosedRange<Int64>) throws(ImportProblem) -> Int64 {
        let raw = try text(name) ?? ""
        guard let number = Int64(raw), range.contains(number) else {
            throw ImportProblem(field: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(raw)'")
        }
        return number
    }

    func memberNumber() throws(ImportProblem) -> MemberNumber {
        let raw = try text("member_number") ?? ""
        do { return try MemberNumber(parsing: raw) } catch {
            throw ImportProblem(field: "member_number", reason: "must be digits, a slash and two digits like 99999/01, got '\(raw)'")
        }
    }
}

/// The kind of membership as the core system records it. Certificates print
/// only what the record says; an unknown kind is left out, never assumed.
public enum MembershipKind: String, CaseIterable, Equatable, Sendable, Codable {
    case compulsory, voluntary
}

/// A member as the core system exports it.
public struct MemberImportRecord: Equatable, Sendable {
    public var memberNumber: MemberNumber
    public var familyName: String
    public var givenNames: String
    public var birthName: String?
    public var academicDegree: String?
    public var dateOfBirth: String
    public var status: MemberStatus
    public var street: String
    public var postalCode: String
    public var city: String
    public var country: String
    /// Optional in the export: nil when the core system does not say.
    public var membership: MembershipKind?
    /// `direct_debit` or `transfer` (import column `contribution_payment`); nil when not exported.
    public var contributionPayment: String?

    public init(_ fields: ImportFields) throws(ImportProblem) {
        memberNumber = try fields.memberNumber()
        familyName = try fields.text("family_name") ?? ""
        givenNames = try fields.text("given_names") ?? ""
        birthName = try fields.text("birth_name", required: false)
        academicDegree = try fields.text("academic_degree", required: false, maxLength: 50)
        let date = try fields.text("date_of_birth") ?? ""
        guard let parsed = PartialDate(iso: date), parsed.isComplete else {
            throw ImportProblem(field: "date_of_birth", reason: "must be a real date as YYYY-MM-DD, got '\(date)'")
        }
        dateOfBirth = parsed.description
        let statusText = try fields.text("status") ?? ""
        guard let status = MemberStatus(rawValue: statusText.lowercased()) else {
            throw ImportProblem(field: "status", reason: "must be one of active, pensioner, survivor, former, got '\(statusText)'")
        }
        self.status = status
        street = try fields.text("street") ?? ""
        postalCode = try fields.text("postal_code", maxLength: 12) ?? ""
        city = try fields.text("city") ?? ""
        country = (try fields.text("country", required: false, maxLength: 60)) ?? "DE"
        if let kind = try fields.text("membership", required: false, maxLength: 20) {
            guard let parsed = MembershipKind(rawValue: kind.lowercased()) else {
                throw ImportProblem(field: "membership", reason: "must be compulsory or voluntary (or empty when unknown), got '\(kind)'")
            }
            membership = parsed
        }
        if let payment = try fields.text("contribution_payment", required: false, maxLength: 20) {
            guard ["direct_debit", "transfer"].contains(payment.lowercased()) else {
                throw ImportProblem(field: "contribution_payment", reason: "must be direct_debit or transfer (or empty when unknown), got '\(payment)'")
            }
            contributionPayment = payment.lowercased()
        }
    }
}

/// A monthly amount in cents: a contribution paid or a pension paid out.
public struct MonthlyAmountRecord: Equatable, Sendable {
    public var memberNumber: MemberNumber
    public var year: Int
    public var month: Int
    public var cents: Int64
    /// The day the contribution was paid (YYYY-MM-DD), when the export says; contributions only.
    public var paidOn: String?

    public init(memberNumber: MemberNumber, year: Int, month: Int, cents: Int64, paidOn: String? = nil) {
        self.memberNumber = memberNumber
        self.year = year
        self.month = month
        self.cents = cents
        self.paidOn = paidOn
    }

    /// `amountField` is `amount_cents` for contributions, `gross_cents` for payments;
    /// `paymentDateField` (`paid_on`) is read when given.
    public init(_ fields: ImportFields, amountField: String, paymentDateField: String? = nil) throws(ImportProblem) {
        memberNumber = try fields.memberNumber()
        year = Int(try fields.integer("year", in: 1950...2100))
        month = Int(try fields.integer("month", in: 1...12))
        cents = try fields.integer(amountField, in: 0...100_000_000)
        if let paymentDateField, let raw = try fields.text(paymentDateField, required: false) {
            guard let date = PartialDate(iso: raw), date.isComplete else {
                throw ImportProblem(field: paymentDateField, reason: "must be a real date as YYYY-MM-DD, got '\(raw)'")
            }
            paidOn = date.description
        }
    }
}

/// A member's pension entitlement figures as the core system computes them
/// (Renteninformation). The portal prints them, it never computes a pension.
public struct EntitlementRecord: Equatable, Sendable {
    public var memberNumber: MemberNumber
    /// The date the core system computed the figures for (YYYY-MM-DD).
    public var asOf: String
    /// Monthly old-age pension reached so far.
    public var accruedMonthlyCents: Int64
    /// Monthly old-age pension at the regular retirement age, under `projectionAssumption`.
    public var projectedMonthlyCents: Int64?
    public var projectionAssumption: String?
    public var disabilityMonthlyCents: Int64?
    public var regularRetirementDate: String?

    public init(_ fields: ImportFields) throws(ImportProblem) {
        memberNumber = try fields.memberNumber()
        asOf = try Self.date(fields, "as_of", required: true) ?? ""
        accruedMonthlyCents = try fields.integer("accrued_monthly_cents", in: 0...100_000_000)
        projectedMonthlyCents = try Self.optionalAmount(fields, "projected_monthly_cents")
        projectionAssumption = try fields.text("projection_assumption", required: false, maxLength: 300)
        // A projection is only a statement together with what it assumes.
        if projectedMonthlyCents != nil && projectionAssumption == nil {
            throw ImportProblem(field: "projection_assumption", reason: "is missing (required with projected_monthly_cents)")
        }
        disabilityMonthlyCents = try Self.optionalAmount(fields, "disability_monthly_cents")
        regularRetirementDate = try Self.date(fields, "regular_retirement_date", required: false)
    }

    private static func optionalAmount(_ fields: ImportFields, _ name: String) throws(ImportProblem) -> Int64? {
        guard try fields.text(name, required: false) != nil else { return nil }
        return try fields.integer(name, in: 0...100_000_000)
    }

    private static func date(_ fields: ImportFields, _ name: String, required: Bool) throws(ImportProblem) -> String? {
        guard let raw = try fields.text(name, required: required) else { return nil }
        guard let parsed = PartialDate(iso: raw), parsed.isComplete else {
            throw ImportProblem(field: name, reason: "must be a real date as YYYY-MM-DD, got '\(raw)'")
        }
        return parsed.description
    }
}
