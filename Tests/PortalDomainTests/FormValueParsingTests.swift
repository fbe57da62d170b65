import Testing
import PortalDomain

@Suite("Form fields: money")
struct FormMoneyTests {
    @Test(arguments: [
        ("1.234,56", Int64(123_456)), ("1234,56", 123_456), ("1234.56", 123_456), ("€ 1.234,56", 123_456),
        ("1.234,56 €", 123_456), ("1,234.56", 123_456), ("1234", 123_400), ("0,5", 50), ("12.5", 1_250),
        ("1.234", 123_400), ("1.234.567,00", 123_456_700), ("100 EUR", 10_000), ("0", 0),
    ])
    func readsGermanAndEnglishNotation(_ input: String, _ cents: Int64) {
        #expect(EuroAmount.parse(input) == .success(cents))
    }

    @Test(arguments: ["-5", "- 1,00", "−3,00", "€ -1.234,56"])
    func refusesNegativeAmounts(_ input: String) {
        #expect(EuroAmount.parse(input) == .failure(.negative))
    }

    @Test(arguments: ["1,234", "12,345", "1.234,567", "0.001"])
    func refusesMoreThanTwoDecimals(_ input: String) {
        #expect(EuroAmount.parse(input) == .failure(.tooManyDecimals))
    }

    @Test(arguments: ["", "abc", "12,34,56,7", "1.23.456", "12,", ",5", "1e5", "12.34,56.78", "99999999999999999999"])
    func refusesWhatIsNoAmount(_ input: String) {
        #expect(EuroAmount.parse(input) == .failure(.format))
    }

    @Test
    func displaysTheGermanWay() {
        #expect(EuroAmount.german(cents: 123_456) == "1.234,56 €")
        #expect(EuroAmount.german(cents: 5) == "0,05 €")
        #expect(EuroAmount.german(cents: 100_000_000) == "1.000.000,00 €")
    }
}

@Suite("Form fields: dates")
struct FormDateTests {
    @Test(arguments: ["12.08.2026", "2026-08-12", "12.8.2026", " 12.08.2026 "])
    func readsGermanAndISODates(_ input: String) {
        #expect(FormDate.parse(input) == .success(FormDate(year: 2026, month: 8, day: 12)!))
    }

    @Test(arguments: ["31.04.2026", "29.02.2025", "2026-13-01", "00.01.2026", "2026-02-30"])
    func refusesImpossibleDates(_ input: String) {
        #expect(FormDate.parse(input) == .failure(.impossible))
    }

    @Test(arguments: ["", "12.08.26", "2026/08/12", "12-08-2026", "2026-8-12", "morgen", "1２.08.2026"])
    func refusesOtherShapes(_ input: String) {
        #expect(FormDate.parse(input) == .failure(.format))
    }

    @Test
    func leapDayExistsInLeapYearsOnly() {
        #expect(FormDate(year: 2024, month: 2, day: 29) != nil)
        #expect(FormDate(year: 1900, month: 2, day: 29) == nil)
        #expect(FormDate(year: 2000, month: 2, day: 29) != nil)
    }

    @Test
    func monthArithmeticClampsToTheMonthsEnd() {
        let date = FormDate(year: 2026, month: 5, day: 31)!
        #expect(date.adding(months: -3) == FormDate(year: 2026, month: 2, day: 28))
        #expect(date.adding(months: 8) == FormDate(year: 2027, month: 1, day: 31))
        #expect(date.firstOfNextMonth == FormDate(year: 2026, month: 6, day: 1))
        #expect(FormDate(year: 2026, month: 12, day: 3)!.firstOfNextMonth == FormDate(year: 2027, month: 1, day: 1))
        #expect(date.german == "31.05.2026" && date.iso == "2026-05-31")
    }
}

@Suite("Form fields: text and e-mail")
struct FormTextTests {
    @Test
    func trimsAndKeepsNewlinesOnlyInMultilineText() {
        #expect(TextInput.parse("  Heidestraße 17 ", multiline: false) == .success("Heidestraße 17"))
        #expect(TextInput.parse("Zeile 1\r\nZeile 2\tEnde", multiline: true) == .success("Zeile 1\nZeile 2\tEnde"))
        #expect(TextInput.parse("Zeile 1\nZeile 2", multiline: false) == .failure(.forbiddenCharacters))
    }

    @Test(arguments: ["a\u{0}b", "a\u{7}b", "a\u{1B}[31mb", "evil\u{202E}txt.exe", "a\u{2066}b", "a\u{202A}b", "a\u{85}b"])
    func refusesControlCharactersAndDirectionOverrides(_ input: String) {
        #expect(TextInput.parse(input, multiline: false) == .failure(.forbiddenCharacters))
        #expect(TextInput.parse(input, multiline: true) == .failure(.forbiddenCharacters))
    }

    @Test
    func limitsTheLengthByDefaultAndPerField() {
        #expect(TextInput.parse(String(repeating: "a", count: 200), multiline: false) == .success(String(repeating: "a", count: 200)))
        #expect(TextInput.parse(String(repeating: "a", count: 201), multiline: false) == .failure(.tooLong(limit: 200)))
        #expect(TextInput.parse(String(repeating: "a", count: 2_001), multiline: true) == .failure(.tooLong(limit: 2_000)))
        #expect(TextInput.parse(String(repeating: "a", count: 10_000), multiline: false, limit: 50) == .failure(.tooLong(limit: 50)))
    }

    @Test
    func storesTextInNFC() throws {
        // Bytes, not Strings: Swift's String equality already treats NFD and NFC alike.
        #expect(Array(try TextInput.parse("Mu\u{0308}ller", multiline: false).get().utf8) == Array("M\u{00FC}ller".utf8))
    }

    @Test(arguments: ["erika@example.de", " erika.mustermann+portal@mail.example.org ", "ä@bücher.de"])
    func acceptsPlainAddresses(_ input: String) {
        #expect(EmailAddress.parse(input) != .failure(.format))
    }

    @Test(arguments: ["", "erika", "erika@", "@example.de", "erika@@example.de", "er ika@example.de", "erika@example", "erika@.example.de", "erika@example.de.", "a@b@c.de", "erika@exa..mple.de", "e\u{202E}@example.de"])
    func refusesWhatCannotBeAnAddress(_ input: String) {
        #expect(EmailAddress.parse(input) == .failure(.format))
    }

    @Test
    func refusesAddressesLongerThan254() {
        let longest = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 186) + ".de"
        #expect(EmailAddress.parse(longest) == .success(longest))
        let address = String(repeating: "a", count: 64) + "@" + String(repeating: "b", count: 187) + ".de"
        #expect(EmailAddress.parse(address) == .failure(.tooLong))
    }
}
