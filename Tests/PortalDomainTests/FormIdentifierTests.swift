import Testing
import PortalDomain

@Suite("Form fields: IBAN")
struct FormIBANTests {
    @Test(arguments: [
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
        ("AT61 1904 3002 3457 3201", "AT611904300234573201"),
        ("de89370400440532013000", "DE89370400440532013000"),
        ("NO93 8601 1117 947", "NO9386011117947"),
        ("BE68 5390 0754 7034", "BE68539007547034"),
        ("NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"),
        ("CH93 0076 2011 6238 5295 7", "CH9300762011623852957"),
        ("FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"),
        ("MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S"),
    ])
    func acceptsValidIBANsWithOrWithoutSpaces(_ input: String, _ compact: String) throws {
        let iban = try IBAN.parse(input).get()
        #expect(iban.compact == compact)
    }

    @Test
    func showsTheIBANGroupedByFour() throws {
        #expect(try IBAN.parse("DE89370400440532013000").get().grouped == "DE89 3704 0044 0532 0130 00")
        #expect(try IBAN.parse("AT611904300234573201").get().grouped == "AT61 1904 3002 3457 3201")
    }

    @Test(arguments: ["DE89 3704 0044 0532 0130 01", "GB82 WEST 1234 5698 7654 33", "AT61 1904 3002 3457 3202", "DE98 3704 0044 0532 0130 00"])
    func refusesAChangedDigit(_ input: String) {
        #expect(IBAN.parse(input) == .failure(.checksum))
    }

    @Test
    func refusesTheWrongLengthAndNamesTheCountrysLength() {
        #expect(IBAN.parse("DE89 3704 0044 0532 0130 0") == .failure(.length(expected: 22)))
        #expect(IBAN.parse("AT61 1904 3002 3457 3201 1") == .failure(.length(expected: 20)))
    }

    @Test(arguments: ["US12 3456 7890 1234 5678 90", "XX89370400440532013000"])
    func refusesCountriesOutsideSEPA(_ input: String) {
        #expect(IBAN.parse(input) == .failure(.country))
    }

    @Test(arguments: ["", "DE", "DE89-3704-0044", "1289370400440532013000", "DEAB370400440532013000", "DE89 3704 0044 0532 0130 0Ä"])
    func refusesWhatIsNoIBANAtAll(_ input: String) {
        #expect(IBAN.parse(input) == .failure(.format))
    }
}

@Suite("Form fields: tax identification number")
struct FormTaxIDTests {
    @Test(arguments: ["86095742719", "86 095 742 719", "12345678995"])
    func acceptsValidNumbers(_ input: String) throws {
        let id = try TaxIdentificationNumber.parse(input).get()
        #expect(id.digits == input.filter { $0 != " " })
    }

    @Test
    func groupsAsTheTaxOfficePrints() throws {
        #expect(try TaxIdentificationNumber.parse("86095742719").get().grouped == "86 095 742 719")
    }

    @Test(arguments: ["86095742718", "86095742710", "68095742719"])
    func refusesAWrongCheckDigit(_ input: String) {
        #expect(TaxIdentificationNumber.parse(input) == .failure(.checksum))
    }

    @Test
    func acceptsADigitThreeTimesButNotFourTimesOrTwoRepeatedDigits() {
        // 1,1,1 three times, everything else once; the check digit is computed for each.
        #expect(TaxIdentificationNumber.parse(withCheckDigit("1121345678")) != .failure(.checksum))
        #expect(TaxIdentificationNumber.parse(withCheckDigit("1111234567")) == .failure(.checksum))
        #expect(TaxIdentificationNumber.parse(withCheckDigit("1122345678")) == .failure(.checksum))
        #expect(TaxIdentificationNumber.parse(withCheckDigit("1234567890")) == .failure(.checksum))
    }

    @Test(arguments: ["", "8609574271", "860957427190", "06095742719", "8609574271a", "86-095-742-719", "٨٦٠٩٥٧٤٢٧١٩"])
    func refusesTheWrongShape(_ input: String) {
        #expect(TaxIdentificationNumber.parse(input) == .failure(.format))
    }

    /// ISO 7064 MOD 11,10, written out again here so the test does not use the code under test.
    private func withCheckDigit(_ ten: String) -> String {
        var product = 10
        for digit in ten.compactMap(\.wholeNumberValue) {
            let sum = (digit + product) % 10 == 0 ? 10 : (digit + product) % 10
            product = (2 * sum) % 11
        }
        let check = 11 - product
        return ten + String(check == 10 ? 0 : check)
    }
}
