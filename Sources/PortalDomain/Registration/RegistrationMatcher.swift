import Foundation

/// Decides whether an eID identity is the member it claims to be
/// (DOMAIN.md, "Registration and matching"). Pure: no clock, no storage.
///
/// Order of the checks: a family name that differs without a birth-name
/// explanation, then the given names, then the date of birth reject; only
/// when nothing rejects do a birth-name difference and then a partial date
/// send the case to review. The reasons are for case workers only; the
/// person always sees the same neutral message.
public struct RegistrationMatcher: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Activate the account and bind it to the pseudonym.
        case match
        /// Everything known agrees, but a case worker decides.
        case review(ReviewReason)
        /// Neutral rejection.
        case noMatch(MismatchReason)
    }

    public enum ReviewReason: String, Sendable, Equatable, CaseIterable, Codable {
        /// The document knows only the year, or year and month, and those agree.
        case partialBirthDate
        /// The family names differ, but one side's birth name is the other's family name.
        case birthNameDifference
    }

    public enum MismatchReason: String, Sendable, Equatable, CaseIterable, Codable {
        case familyName
        case givenNames
        case dateOfBirth
    }

    public init() {}

    public func match(_ identity: EIDIdentity, against member: MatchableMember) -> Outcome {
        let degrees = [identity.academicTitle, member.academicDegree]
        let sameFamilyName = NameNormalizer.areEquivalentFamilyNames(identity.familyNames, member.familyName, ignoringDegrees: degrees)
        let birthNameExplains = !sameFamilyName && birthNameExplainsDifference(identity, member, degrees: degrees)
        guard sameFamilyName || birthNameExplains else { return .noMatch(.familyName) }
        guard givenNamesAgree(identity.givenNames, member.givenNames, degrees: degrees) else { return .noMatch(.givenNames) }
        let dates = compareDates(identity.dateOfBirth, member.dateOfBirth)
        guard dates != .different else { return .noMatch(.dateOfBirth) }
        if birthNameExplains { return .review(.birthNameDifference) }
        if dates == .knownPartsEqual { return .review(.partialBirthDate) }
        return .match
    }

    /// A marriage (or divorce) the record or the card has not caught up with.
    private func birthNameExplainsDifference(_ identity: EIDIdentity, _ member: MatchableMember, degrees: [String?]) -> Bool {
        if let birthName = identity.birthName,
           NameNormalizer.areEquivalentFamilyNames(birthName, member.familyName, ignoringDegrees: degrees) {
            return true
        }
        if let birthName = member.birthName,
           NameNormalizer.areEquivalentFamilyNames(identity.familyNames, birthName, ignoringDegrees: degrees) {
            return true
        }
        return false
    }

    /// Every recorded given name appears among the eID's, in the same order.
    /// A hyphenated name is one name; one name on one side may equal several
    /// on the other written with a space instead of a hyphen ("Hans Günther"
    /// and "HANS-GÜNTHER"), because names compare space- and hyphen-insensitively.
    private func givenNamesAgree(_ eIDText: String, _ recordText: String, degrees: [String?]) -> Bool {
        let record = NameNormalizer.words(of: recordText, ignoringDegrees: degrees)
        let eID = NameNormalizer.words(of: eIDText, ignoringDegrees: degrees)
        guard !record.isEmpty else { return false }
        var known: [Int: Bool] = [:]
        func agrees(from r: Int, _ e: Int) -> Bool {
            if r == record.count { return true }
            if e == eID.count { return false }
            if let answer = known[r * (eID.count + 1) + e] { return answer }
            var answer = agrees(from: r, e + 1)
            for (taken, used) in runs(record.count - r, eID.count - e) where !answer {
                answer = NameNormalizer.areEquivalent(
                    record[r..<r + taken].joined(separator: " "), eID[e..<e + used].joined(separator: " "))
                    && agrees(from: r + taken, e + used)
            }
            known[r * (eID.count + 1) + e] = answer
            return answer
        }
        return agrees(from: 0, 0)
    }

    /// (record names, eID names) taken together: one against one, one against several, several against one.
    private func runs(_ recordLeft: Int, _ eIDLeft: Int) -> [(Int, Int)] {
        [(1, 1)] + (1..<max(eIDLeft, 1)).map { (1, $0 + 1) } + (1..<max(recordLeft, 1)).map { ($0 + 1, 1) }
    }

    private enum DateComparison { case equal, knownPartsEqual, different }

    private func compareDates(_ eID: PartialDate, _ recordText: String) -> DateComparison {
        guard let record = PartialDate(iso: recordText), record.isComplete else { return .different }
        guard eID.year == record.year,
              eID.month.map({ $0 == record.month }) ?? true,
              eID.day.map({ $0 == record.day }) ?? true
        else { return .different }
        return eID.isComplete ? .equal : .knownPartsEqual
    }
}
