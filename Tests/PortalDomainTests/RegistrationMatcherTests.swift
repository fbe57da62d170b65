import Testing
import PortalDomain

/// One row of the matching table: what the card says, what the fund recorded, what must happen.
struct MatchCase: Sendable, CustomTestStringConvertible {
    let eID: EIDIdentity
    let record: MatchableMember
    let expected: RegistrationMatcher.Outcome

    init(_ eID: EIDIdentity, _ record: MatchableMember, _ expected: RegistrationMatcher.Outcome) {
        self.eID = eID
        self.record = record
        self.expected = expected
    }

    var testDescription: String {
        "eID \(eID.familyNames), \(eID.givenNames), \(eID.dateOfBirth) vs record \(record.familyName), \(record.givenNames), \(record.dateOfBirth) → \(shown(expected))"
    }

    private func shown(_ outcome: RegistrationMatcher.Outcome) -> String {
        switch outcome {
        case .match: "match"
        case .review(let reason): "review(\(reason.rawValue))"
        case .noMatch(let reason): "noMatch(\(reason.rawValue))"
        }
    }

    func check() {
        #expect(RegistrationMatcher().match(eID, against: record) == expected, "\(testDescription)")
    }
}

/// An eID identity as the card writes it (capitals); the date as YYYY, YYYY-MM or YYYY-MM-DD.
func eID(_ family: String, _ given: String, born: String = "1970-01-01", birthName: String? = nil, title: String? = nil) -> EIDIdentity {
    EIDIdentity(
        pseudonym: "test-\(family)-\(given)", familyNames: family, givenNames: given, birthName: birthName,
        academicTitle: title, dateOfBirth: PartialDate(iso: born)!)
}

func record(_ family: String, _ given: String, born: String = "1970-01-01", birthName: String? = nil, degree: String? = nil) -> MatchableMember {
    MatchableMember(familyName: family, givenNames: given, birthName: birthName, academicDegree: degree, dateOfBirth: born)
}

@Suite("Registration matcher: stock identities")
struct StockIdentityMatchTests {
    @Test func erikaMatchesHerRecord() {
        MatchCase(StockIdentities.erika, record("Mustermann", "Erika", born: "1964-08-12", birthName: "Gabler"), .match).check()
    }

    @Test func agcaWithAYearOnlyBirthDateGoesToReview() {
        MatchCase(StockIdentities.agca, record("Özm̂en", "Ağça", born: "1989-05-17"), .review(.partialBirthDate)).check()
    }

    @Test func agcaMatchesATransliteratedRecordButStillGoesToReview() {
        MatchCase(StockIdentities.agca, record("Oezmen", "Agca", born: "1989-05-17"), .review(.partialBirthDate)).check()
    }

    @Test func lyskyMatchesDespiteAbbreviatedParticleAndDegree() {
        MatchCase(StockIdentities.lysky, record("Graf von Lýsky", "Hans-Günther", born: "1946-03-01", degree: "Dr. h.c."), .match).check()
    }

    @Test func theUnknownStockIdentityDoesNotMatchErikasRecord() {
        MatchCase(StockIdentities.unknown, record("Mustermann", "Erika", born: "1964-08-12", birthName: "Gabler"), .noMatch(.familyName)).check()
    }

    @Test func erikaAgainstARecordUnderHerBirthNameGoesToReview() {
        MatchCase(StockIdentities.erika, record("Gabler", "Erika", born: "1964-08-12"), .review(.birthNameDifference)).check()
    }

    @Test func lyskyWithoutTheTitleInTheRecordDoesNotMatch() {
        MatchCase(StockIdentities.lysky, record("von Lýsky", "Hans-Günther", born: "1946-03-01"), .noMatch(.familyName)).check()
    }
}

@Suite("Registration matcher: names")
struct NameMatchTests {
    static let germanAndNoise: [MatchCase] = [
        MatchCase(eID("MÜLLER", "HANS"), record("Mueller", "Hans"), .match),
        MatchCase(eID("MÜLLER", "HANS"), record("Müller", "Hans"), .match),
        MatchCase(eID("MUELLER", "HANS"), record("Müller", "Hans"), .match),
        MatchCase(eID("MULLER", "HANS"), record("Müller", "Hans"), .match),
        MatchCase(eID("MULLER", "HANS"), record("Mueller", "Hans"), .noMatch(.familyName)),
        MatchCase(eID("MÜLLER", "HANS"), record("Mu\u{0308}ller", "Hans"), .match),
        MatchCase(eID("STRAUSS", "JOHANN"), record("Strauß", "Johann"), .match),
        MatchCase(eID("STRAUẞ", "JOHANN"), record("Strauss", "Johann"), .match),
        MatchCase(eID("GÖẞMANN", "JÜRGEN"), record("Goessmann", "Juergen"), .match),
        MatchCase(eID("SCHÄFER", "BÄRBEL"), record("Schafer", "Barbel"), .match),
        MatchCase(eID("SCHÄFER", "ANNA"), record("Schäffer", "Anna"), .noMatch(.familyName)),
        MatchCase(eID("MUSTERMANN", "ERIKA"), record("  mustermann ", "erika  "), .match),
        MatchCase(eID("MEYER-LÜDENSCHEIDT", "KLAUS"), record("Meyer Lüdenscheidt", "Klaus"), .match),
        MatchCase(eID("MEYER-LÜDENSCHEIDT", "KLAUS"), record("MeyerLuedenscheidt", "Klaus"), .match),
        MatchCase(eID("MEYER", "KLAUS"), record("Meyer-Lüdenscheidt", "Klaus"), .noMatch(.familyName)),
        MatchCase(eID("WEIß", "GRETA"), record("Weiss", "Greta"), .match),
        MatchCase(eID("WEISS", "GRETA"), record("Weis", "Greta"), .noMatch(.familyName)),
    ]

    static let degrees: [MatchCase] = [
        MatchCase(eID("MÜLLER", "HANS", title: "DR."), record("Dr. Müller", "Hans"), .match),
        MatchCase(eID("MÜLLER", "HANS"), record("Müller", "Prof. Dr. Hans"), .match),
        MatchCase(eID("MÜLLER", "HANS"), record("Dipl.-Ing. Müller", "Hans", degree: "Dipl.-Ing."), .match),
        MatchCase(eID("SCHMIDT", "HELMUT", title: "DR.HC."), record("Dr. h.c. mult. Schmidt", "Helmut"), .match),
        MatchCase(eID("SCHMIDT", "HELMUT"), record("Prof. Dr.-Ing. Schmidt", "Helmut"), .match),
        MatchCase(eID("HUBER", "EVA"), record("Mag. Huber", "Eva"), .match),
        MatchCase(eID("WEBER", "LEA"), record("Dipl.-Kffr. (FH) Weber", "Lea", degree: "Dipl.-Kffr. (FH)"), .match),
        MatchCase(eID("DR. WEBER", "LEA", title: "DR."), record("Weber", "Lea", degree: "Dr."), .match),
        MatchCase(eID("MAG", "EVA"), record("Mag", "Eva"), .match),
        MatchCase(eID("HUBER", "EVA"), record("Mag", "Eva"), .noMatch(.familyName)),
        MatchCase(eID("ING", "BRITT"), record("Ing", "Britt"), .match),
    ]

    static let particles: [MatchCase] = [
        MatchCase(eID("V. GOETHE", "JOHANN WOLFGANG"), record("von Goethe", "Johann Wolfgang"), .match),
        MatchCase(eID("VON DER LEYEN", "URSULA"), record("v.d. Leyen", "Ursula"), .match),
        MatchCase(eID("V. D. LEYEN", "URSULA"), record("von der Leyen", "Ursula"), .match),
        MatchCase(eID("V.U.Z. GUTTENBERG", "KARL-THEODOR"), record("von und zu Guttenberg", "Karl-Theodor"), .match),
        MatchCase(eID("FRHR. V. STEIN", "KARL"), record("Freiherr von Stein", "Karl"), .match),
        MatchCase(eID("FREIFRAU V. STEIN", "CHARLOTTE"), record("Frfr. von Stein", "Charlotte"), .match),
        MatchCase(eID("Z. SALM", "OTTO"), record("zu Salm", "Otto"), .match),
        MatchCase(eID("VON GOETHE", "JOHANN"), record("Goethe", "Johann"), .noMatch(.familyName)),
        MatchCase(eID("GRAF V. LÝSKY", "HANS"), record("Freiherr von Lýsky", "Hans"), .noMatch(.familyName)),
        MatchCase(eID("GRÄFIN V. LÝSKY", "ANNA"), record("Graefin von Lysky", "Anna"), .match),
        MatchCase(eID("V. GOETHE", "JOHANN"), record("van Goethe", "Johann"), .noMatch(.familyName)),
    ]

    @Test(arguments: germanAndNoise) func germanSpellingsAndNoise(_ row: MatchCase) { row.check() }
    @Test(arguments: degrees) func academicDegreesAreNotPartOfAName(_ row: MatchCase) { row.check() }
    @Test(arguments: particles) func particleAbbreviationsAreEquivalent(_ row: MatchCase) { row.check() }
}
