import Testing
import PortalDomain

@Suite("Member numbers")
struct MemberNumberTests {
    @Test(arguments: ["99999/01", "  99999/01 ", "\t12345/00\n", "1/99"])
    func acceptsTheFundsFormatWithSurroundingSpaces(_ input: String) throws {
        let number = try MemberNumber(parsing: input)
        #expect(number.value == input.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: ["9999901", "99999-01", "99999/1", "99999/001", "99 999/01", "99999 /01", "99999/0a", "/01", "99999/", "99999//01", "٩٩٩٩٩/٠١", "99999/01/01"])
    func rejectsEveryOtherShape(_ input: String) {
        #expect(throws: MemberNumber.ParseError.wrongFormat) { try MemberNumber(parsing: input) }
    }

    @Test
    func emptyInputIsItsOwnProblem() {
        #expect(throws: MemberNumber.ParseError.empty) { try MemberNumber(parsing: "   ") }
    }
}

@Suite("Partial dates of birth")
struct PartialDateTests {
    @Test
    func parsesFullAndPartialDates() throws {
        #expect(PartialDate(iso: "1964-08-12") == PartialDate(year: 1964, month: 8, day: 12))
        #expect(PartialDate(iso: "1989") == PartialDate(year: 1989))
        #expect(PartialDate(iso: "1989-05") == PartialDate(year: 1989, month: 5))
        #expect(PartialDate(iso: "2000-02-29")?.isComplete == true)
    }

    @Test(arguments: ["1900-02-29", "1964-13-01", "1964-04-31", "64-08-12", "1964-8-12", "", "abcd", "1964-08-12-01"])
    func rejectsImpossibleOrMalformedDates(_ input: String) {
        #expect(PartialDate(iso: input) == nil)
    }
}

@Suite("Core system records")
struct CoreSystemRecordTests {
    static func fields(_ overrides: [String: String]) -> ImportFields {
        var values = ["member_number": "10001/01", "family_name": "Mustermann", "given_names": "Erika", "date_of_birth": "1964-08-12",
                      "status": "active", "street": "Heidestraße 17", "postal_code": "51147", "city": "Köln", "country": "DE"]
        values.merge(overrides) { _, new in new }
        return ImportFields(values)
    }

    @Test
    func aCompleteMemberIsTaken() throws {
        let record = try MemberImportRecord(Self.fields([:]))
        #expect(record.memberNumber.value == "10001/01")
        #expect(record.status == .active)
        #expect(record.birthName == nil)
    }

    @Test(arguments: [
        ("member_number", "10001-01"), ("family_name", ""), ("date_of_birth", "12.08.1964"),
        ("status", "retired"), ("postal_code", String(repeating: "1", count: 20)), ("given_names", "Eri\u{0007}ka"),
    ])
    func eachBadFieldIsNamed(field: String, value: String) {
        #expect {
            _ = try MemberImportRecord(Self.fields([field: value]))
        } throws: { error in
            (error as? ImportProblem)?.field == field
        }
    }

    @Test
    func monthlyAmountsAreRangeChecked() throws {
        let ok = try MonthlyAmountRecord(ImportFields(["member_number": "1/01", "year": "2025", "month": "12", "amount_cents": "4711"]), amountField: "amount_cents")
        #expect(ok.cents == 4711)
        #expect(throws: ImportProblem.self) {
            try MonthlyAmountRecord(ImportFields(["member_number": "1/01", "year": "2025", "month": "0", "amount_cents": "1"]), amountField: "amount_cents")
        }
        #expect(throws: ImportProblem.self) {
            try MonthlyAmountRecord(ImportFields(["member_number": "1/01", "year": "2025", "month": "1", "gross_cents": "-5"]), amountField: "gross_cents")
        }
    }
}
