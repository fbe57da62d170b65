/// The certificates the portal generates from current data, and who may
/// request which (DOMAIN.md, "What each status may request").
public enum CertificateKind: String, CaseIterable, Sendable, Codable {
    /// For the tax office: contributions per month and the sum for a calendar year.
    case contributions
    case membership
    /// Renteninformation.
    case entitlement
    /// Pension paid in a calendar year (gross).
    case pensionPayments
    /// Lebensbescheinigung, pre-filled.
    case proofOfLife

    public var needsYear: Bool { self == .contributions || self == .pensionPayments }

    public static func offered(for status: MemberStatus) -> [CertificateKind] {
        switch status {
        case .active: [.contributions, .membership, .entitlement]
        case .pensioner, .survivor: [.pensionPayments, .proofOfLife]
        case .former: [.entitlement]
        }
    }
}
