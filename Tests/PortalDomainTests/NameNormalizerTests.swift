import Testing
import PortalDomain

@Suite("Name normalizer")
struct NameNormalizerTests {
    @Test func umlautsGiveTheIcaoFormAndTheFormWithoutMarks() {
        #expect(NameNormalizer.comparisonKeys(of: "Müller") == ["MUELLER", "MULLER"])
    }

    @Test func marksWithoutAPrecomposedLetterAreDropped() {
        #expect(NameNormalizer.comparisonKeys(of: "Özm̂en") == ["OEZMEN", "OZMEN"])
    }

    @Test func spacesHyphensApostrophesAndDotsAreDropped() {
        #expect(NameNormalizer.comparisonKeys(of: " o’Brien-Smith. ") == ["OBRIENSMITH"])
    }

    @Test func textWithoutLettersHasNoKeysAndEqualsNothing() {
        #expect(NameNormalizer.comparisonKeys(of: " - . ").isEmpty)
        #expect(!NameNormalizer.areEquivalent("", ""))
    }

    @Test func degreesAreDroppedWhereverTheyStandBeforeTheName() {
        #expect(NameNormalizer.words(of: "Prof. Dr. h.c. mult. Hans Peter") == ["HANS", "PETER"])
    }

    @Test func aKnownDegreeOutsideTheBuiltInListIsDroppedToo() {
        #expect(NameNormalizer.words(of: "Lic. theol. Weber", ignoringDegrees: ["Lic. theol."]) == ["WEBER"])
        #expect(NameNormalizer.words(of: "Lic. theol. Weber") == ["LIC.", "THEOL.", "WEBER"])
    }

    @Test func particleAbbreviationsAreWrittenOutOnlyWhenAsked() {
        #expect(NameNormalizer.words(of: "Graf v. Lýsky", expandingParticles: true) == ["GRAF", "VON", "LÝSKY"])
        #expect(NameNormalizer.words(of: "Frhr. v.u.z. Stein", expandingParticles: true) == ["FREIHERR", "VON", "UND", "ZU", "STEIN"])
        #expect(NameNormalizer.words(of: "Graf v. Lýsky") == ["GRAF", "V.", "LÝSKY"])
    }

    @Test func familyNamesCompareWithParticlesAndDegrees() {
        #expect(NameNormalizer.areEquivalentFamilyNames("Dr. Graf v. Lýsky", "GRAF VON LYSKY"))
        #expect(!NameNormalizer.areEquivalentFamilyNames("Graf v. Lýsky", "Graf zu Lýsky"))
    }

    @Test func aNameWithVeryManyUmlautsStaysBoundedAndStillMatchesItsIcaoForm() {
        let name = String(repeating: "Ü", count: 20)
        let keys = NameNormalizer.comparisonKeys(of: name)
        #expect(keys.count <= 256)
        #expect(keys.contains(String(repeating: "UE", count: 20)))
    }
}
