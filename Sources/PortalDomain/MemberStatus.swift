/// What the member is to the fund; it decides what the portal offers.
public enum MemberStatus: String, CaseIterable, Sendable, Codable {
    case active
    case pensioner
    case survivor
    case former
}
