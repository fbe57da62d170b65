import Testing
import PortalDomain

@Suite("Registration matcher: given names, dates of birth, birth names")
struct MatchRuleTests {
    static let givenNames: [MatchCase] = [
        MatchCase(eID("MEIER", "HANS PETER"), record("Meier", "Hans"), .match),
        MatchCase(eID("MEIER", "HANS PETER"), record("Meier", "Peter"), .match),
        MatchCase(eID("MEIER", "HANS PETER"), record("Meier", "Hans Peter"), .match),
        MatchCase(eID("MEIER", "HANS PETER"), record("Meier", "Peter Hans"), .noMatch(.givenNames)),
        MatchCase(eID("MEIER", "HANS"), record("Meier", "Hans Peter"), .noMatch(.givenNames)),
        MatchCase(eID("MEIER", "HANS GÜNTHER"), record("Meier", "Hans-Günther"), .match),
        MatchCase(eID("MEIER", "HANS-GÜNTHER"), record("Meier", "Hans Günther"), .match),
        MatchCase(eID("MEIER", "HANS-GÜNTHER"), record("Meier", "Hans-Guenther"), .match),
        MatchCase(eID("MEIER", "HANS-GÜNTHER"), record("Meier", "Günther"), .noMatch(.givenNames)),
        MatchCase(eID("MEIER", "HANS-PETER"), record("Meier", "Hans"), .noMatch(.givenNames)),
        MatchCase(eID("MEIER", "MARIA JOSEFA ANNA"), record("Meier", "Maria Anna"), .match),
        MatchCase(eID("MEIER", "MARIA JOSEFA ANNA"), record("Meier", "Anna Maria"), .noMatch(.givenNames)),
        MatchCase(eID("MEIER", "HANS  PETER"), record("Meier", "hans\tpeter"), .match),
        MatchCase(eID("MEIER", "ANNA"), record("Meier", "Anne"), .noMatch(.givenNames)),
        MatchCase(eID("MEIER", "ANNA"), record("Meier", "Dr."), .noMatch(.givenNames)),
        MatchCase(eID("MEIER", ""), record("Meier", "Anna"), .noMatch(.givenNames)),
        MatchCase(eID("MEIER", "JEAN LUC MARIE"), record("Meier", "Jean-Luc"), .match),
        MatchCase(eID("MEIER", "ANNA ANNA"), record("Meier", "Anna Anna"), .match),
        MatchCase(eID("MEIER", "ANNA"), record("Meier", "Anna Anna"), .noMatch(.givenNames)),
    ]

    static let datesOfBirth: [MatchCase] = [
        MatchCase(eID("KOCH", "EVA", born: "1970-01-01"), record("Koch", "Eva", born: "1970-01-02"), .noMatch(.dateOfBirth)),
        MatchCase(eID("KOCH", "EVA", born: "1970-02-01"), record("Koch", "Eva", born: "1970-01-01"), .noMatch(.dateOfBirth)),
        MatchCase(eID("KOCH", "EVA", born: "1971-01-01"), record("Koch", "Eva", born: "1970-01-01"), .noMatch(.dateOfBirth)),
        MatchCase(eID("KOCH", "EVA", born: "1989-05"), record("Koch", "Eva", born: "1989-05-17"), .review(.partialBirthDate)),
        MatchCase(eID("KOCH", "EVA", born: "1989-06"), record("Koch", "Eva", born: "1989-05-17"), .noMatch(.dateOfBirth)),
        MatchCase(eID("KOCH", "EVA", born: "1989"), record("Koch", "Eva", born: "1989-12-31"), .review(.partialBirthDate)),
        MatchCase(eID("KOCH", "EVA", born: "1988"), record("Koch", "Eva", born: "1989-01-01"), .noMatch(.dateOfBirth)),
        MatchCase(eID("KOCH", "EVA", born: "2000-02-29"), record("Koch", "Eva", born: "2000-02-29"), .match),
        MatchCase(eID("KOCH", "EVA", born: "1989-05-17"), record("Koch", "Eva", born: "17.05.1989"), .noMatch(.dateOfBirth)),
        MatchCase(eID("KOCH", "EVA", born: "1989-05-17"), record("Koch", "Eva", born: "1989-05"), .noMatch(.dateOfBirth)),
        MatchCase(eID("KOCHE", "EVA", born: "1989"), record("Koch", "Eva", born: "1989-05-17"), .noMatch(.familyName)),
    ]

    static let birthNames: [MatchCase] = [
        MatchCase(eID("SCHMIDT", "LENA", birthName: "MEIER"), record("Meier", "Lena"), .review(.birthNameDifference)),
        MatchCase(eID("MEIER", "LENA"), record("Schmidt", "Lena", birthName: "Meier"), .review(.birthNameDifference)),
        MatchCase(eID("SCHMIDT", "LENA", birthName: "MEIER"), record("Schmidt", "Lena", birthName: "Müller"), .match),
        MatchCase(eID("SCHMIDT", "LENA", birthName: "MEIER"), record("Schmidt", "Lena"), .match),
        MatchCase(eID("SCHMIDT", "LENA", birthName: "MEIER"), record("Meier", "Lina"), .noMatch(.givenNames)),
        MatchCase(eID("SCHMIDT", "LENA", born: "1980-01-01", birthName: "MEIER"), record("Meier", "Lena", born: "1980-01-02"), .noMatch(.dateOfBirth)),
        MatchCase(eID("SCHMIDT", "LENA", born: "1980", birthName: "MEIER"), record("Meier", "Lena", born: "1980-07-01"), .review(.birthNameDifference)),
        MatchCase(eID("SCHMIDT", "LENA", birthName: "MEIER"), record("Huber", "Lena", birthName: "Meier"), .noMatch(.familyName)),
        MatchCase(eID("SCHULZ", "LENA", birthName: "MÜLLER"), record("Mueller", "Lena"), .review(.birthNameDifference)),
        MatchCase(eID("ÖZTÜRK-SCHULZ", "AYŞE"), record("Schulz", "Ayşe", birthName: "Öztürk-Schulz"), .review(.birthNameDifference)),
        MatchCase(eID("SCHULZ", "LENA", birthName: ""), record("Meier", "Lena", birthName: ""), .noMatch(.familyName)),
        MatchCase(eID("SCHMIDT", "LENA", birthName: "V. MEIER"), record("von Meier", "Lena"), .review(.birthNameDifference)),
    ]

    @Test(arguments: givenNames) func recordedGivenNamesAppearInOrder(_ row: MatchCase) { row.check() }
    @Test(arguments: datesOfBirth) func datesOfBirthMustAgree(_ row: MatchCase) { row.check() }
    @Test(arguments: birthNames) func birthNameDifferencesGoToReview(_ row: MatchCase) { row.check() }
}
