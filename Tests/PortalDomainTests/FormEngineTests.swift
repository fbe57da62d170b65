import Testing
import PortalDomain

/// A small form of its own, so the engine is tested apart from the fund's application types.
private let sample = FormDefinition(
    id: "sample", version: 1, titleKey: "t", statuses: [.active],
    steps: [
        FormStep(id: "where", titleKey: "t.where", fields: [
            FormField(id: "abroad", kind: .yesNo, labelKey: "l.abroad"),
            FormField(id: "postcode", kind: .text, labelKey: "l.postcode",
                      condition: .equals(field: "abroad", value: "no"), limits: FieldLimits(digits: 5)),
            FormField(id: "country", kind: .text, labelKey: "l.country", condition: .equals(field: "abroad", value: "yes")),
        ]),
        FormStep(id: "mandate", titleKey: "t.mandate", fields: [
            FormField(id: "agree", kind: .yesNo, labelKey: "l.agree"),
        ], appliesWhen: { $0.paysByDirectDebit }),
        FormStep(id: "when", titleKey: "t.when", fields: [
            FormField(id: "start", kind: .date, labelKey: "l.start"),
            FormField(id: "note", kind: .multilineText, required: false, labelKey: "l.note"),
        ], checks: [FormCheck { answers, context in
            guard case .date(let start)? = answers["start"], start < context.today else { return [] }
            return [FieldProblem(fieldID: "start", messageKey: "e.past")]
        }]),
    ])

private let context = FormContext(today: FormDate(year: 2026, month: 12, day: 5)!, status: .active)

@Suite("Form engine: fields")
struct FormFieldParsingTests {
    @Test
    func emptyIsRequiredOrNothing() {
        let required = FormField(id: "a", kind: .text, labelKey: "l")
        let optional = FormField(id: "b", kind: .text, required: false, labelKey: "l")
        #expect(required.parse("   ") == .failure(FieldProblem(fieldID: "a", messageKey: "form.error.required")))
        #expect(optional.parse("") == .success(nil))
    }

    @Test
    func wholeNumbersWithinTheirRange() {
        let field = FormField(id: "year", kind: .wholeNumber, labelKey: "l", limits: FieldLimits(numberRange: 2000...2030))
        #expect(field.parse(" 2025 ") == .success(.number(2025)))
        #expect(field.parse("1999") == .failure(FieldProblem(fieldID: "year", messageKey: "form.error.number.range", arguments: ["2000", "2030"])))
        for bad in ["20.25", "2025a", "+", "-", "１２", String(repeating: "9", count: 30)] {
            #expect(field.parse(bad) == .failure(FieldProblem(fieldID: "year", messageKey: "form.error.number.format")), "\(bad)")
        }
    }

    @Test
    func choicesAndYesNoTakeOnlyTheirOptions() {
        let choice = FormField(id: "c", kind: .choice([ChoiceOption(id: "employed", labelKey: "o.e")]), labelKey: "l")
        #expect(choice.parse("employed") == .success(.choice("employed")))
        #expect(choice.parse("<script>") == .failure(FieldProblem(fieldID: "c", messageKey: "form.error.choice")))
        let yesNo = FormField(id: "y", kind: .yesNo, labelKey: "l")
        #expect(yesNo.parse("yes") == .success(.yesNo(true)))
        #expect(yesNo.parse("no") == .success(.yesNo(false)))
        #expect(yesNo.parse("ja") == .failure(FieldProblem(fieldID: "y", messageKey: "form.error.yesNo")))
    }

    @Test
    func eachKindNamesWhatIsExpected() {
        func key(_ kind: FieldKind, _ raw: String, _ limits: FieldLimits = .init()) -> String? {
            guard case .failure(let problem) = FormField(id: "f", kind: kind, labelKey: "l", limits: limits).parse(raw) else { return nil }
            return problem.messageKey
        }
        #expect(key(.date, "31.02.2026") == "form.error.date.impossible")
        #expect(key(.date, "gestern") == "form.error.date.format")
        #expect(key(.money, "-1") == "form.error.money.negative")
        #expect(key(.money, "1,001") == "form.error.money.decimals")
        #expect(key(.money, "viel") == "form.error.money.format")
        #expect(key(.money, "5,01", FieldLimits(moneyRange: 100...500)) == "form.error.money.range")
        #expect(key(.iban, "DE89 3704 0044 0532 0130 01") == "form.error.iban.checksum")
        #expect(key(.iban, "DE89 3704") == "form.error.iban.length")
        #expect(key(.iban, "US89 3704 0044 0532 0130 00") == "form.error.iban.country")
        #expect(key(.iban, "!") == "form.error.iban.format")
        #expect(key(.taxID, "86095742718") == "form.error.taxID.checksum")
        #expect(key(.taxID, "123") == "form.error.taxID.format")
        #expect(key(.email, "erika") == "form.error.email.format")
        #expect(key(.text, String(repeating: "x", count: 10_000)) == "form.error.text.tooLong")
        #expect(key(.text, "a\u{0}") == "form.error.text.characters")
        #expect(key(.text, "5114", FieldLimits(digits: 5)) == "form.error.digits")
        #expect(key(.file, "../../etc/passwd") == "form.error.file")
        #expect(key(.date, "01.01.2020", FieldLimits(dateRange: FormDate(year: 2021, month: 1, day: 1)!...FormDate(year: 2022, month: 1, day: 1)!)) == "form.error.date.tooEarly")
    }

    @Test
    func hugeInputIsRefusedByItsSizeAlone() {
        let huge = String(repeating: "1", count: 1_000_000)
        #expect(FormField(id: "t", kind: .text, labelKey: "l").parse(huge)
            == .failure(FieldProblem(fieldID: "t", messageKey: "form.error.text.tooLong", arguments: ["200"])))
        #expect(FormField(id: "m", kind: .money, labelKey: "l").parse(huge)
            == .failure(FieldProblem(fieldID: "m", messageKey: "form.error.money.format")))
        #expect(FormField(id: "n", kind: .multilineText, labelKey: "l").parse(String(repeating: " ", count: 30_000) + "ok") == .success(.text("ok")))
    }

    @Test
    func typedValuesDisplayTheGermanWay() throws {
        let iban = try #require(try FormField(id: "i", kind: .iban, labelKey: "l").parse("de89370400440532013000").get())
        #expect(iban.germanDisplay == "DE89 3704 0044 0532 0130 00")
        #expect(FormValue.money(cents: 123_456).germanDisplay == "1.234,56 €")
        #expect(FormValue.date(FormDate(year: 2026, month: 8, day: 12)!).germanDisplay == "12.08.2026")
    }
}

@Suite("Form engine: steps, conditions, completeness")
struct FormStepValidationTests {
    @Test
    func aHiddenFieldIsNotRequiredAndItsAnswerIsDropped() throws {
        let result = try #require(sample.validate(step: "where", submitted: ["abroad": "no", "postcode": "51147", "country": "Narnia"],
                                                  earlier: FormAnswers(), context: context))
        #expect(result.isValid)
        #expect(result.answers == FormAnswers(["abroad": .yesNo(false), "postcode": .text("51147")]))
    }

    @Test
    func aShownRequiredFieldMustBeAnswered() throws {
        let result = try #require(sample.validate(step: "where", submitted: ["abroad": "yes"], earlier: FormAnswers(), context: context))
        #expect(result.errors == [FieldProblem(fieldID: "country", messageKey: "form.error.required")])
        #expect(result.answers == FormAnswers(["abroad": .yesNo(true)]))
    }

    @Test
    func fieldsThatAreNotInTheStepAreReported() throws {
        let result = try #require(sample.validate(step: "where", submitted: ["abroad": "no", "postcode": "51147", "admin": "1"],
                                                  earlier: FormAnswers(), context: context))
        #expect(result.unknownFields == ["admin"])
        #expect(!result.isValid)
        #expect(sample.validate(step: "nope", submitted: [:], earlier: FormAnswers(), context: context) == nil)
    }

    @Test
    func stepChecksSeeTheContext() throws {
        let past = try #require(sample.validate(step: "when", submitted: ["start": "01.12.2026"], earlier: FormAnswers(), context: context))
        #expect(past.errors.map(\.messageKey) == ["e.past"])
        let future = try #require(sample.validate(step: "when", submitted: ["start": "01.01.2027"], earlier: FormAnswers(), context: context))
        #expect(future.isValid)
        let unreadable = try #require(sample.validate(step: "when", submitted: ["start": "x"], earlier: FormAnswers(), context: context))
        #expect(unreadable.errors.map(\.messageKey) == ["form.error.date.format"])
    }

    @Test
    func aStepAppliesOnlyToTheMembersItIsFor() {
        #expect(sample.applicableSteps(in: context).map(\.id) == ["where", "when"])
        var debit = context
        debit.paysByDirectDebit = true
        #expect(sample.applicableSteps(in: debit).map(\.id) == ["where", "mandate", "when"])
    }

    @Test
    func completenessFollowsTheStepsInOrder() {
        var answers = FormAnswers(["abroad": .yesNo(true)])
        #expect(sample.firstIncompleteStep(answers: answers, context: context) == 0)
        answers["country"] = .text("Österreich")
        #expect(sample.isComplete(upTo: 0, answers: answers, context: context))
        #expect(!sample.isComplete(upTo: 2, answers: answers, context: context))
        answers["start"] = .date(FormDate(year: 2026, month: 11, day: 1)!)
        #expect(sample.firstIncompleteStep(answers: answers, context: context) == 2, "the step's own check fails")
        answers["start"] = .date(FormDate(year: 2027, month: 1, day: 1)!)
        #expect(sample.firstIncompleteStep(answers: answers, context: context) == nil)
        var debit = context
        debit.paysByDirectDebit = true
        #expect(sample.firstIncompleteStep(answers: answers, context: debit) == 1, "the mandate step now applies")
    }

    @Test
    func theSummaryListsWhatCountsInTheOrderAsked() {
        let answers = FormAnswers(["start": .date(FormDate(year: 2027, month: 1, day: 1)!), "country": .text("Österreich"),
                                   "abroad": .yesNo(true), "postcode": .text("51147"), "agree": .yesNo(true)])
        let rows = sample.answeredFields(answers, context: context)
        #expect(rows.map(\.field.id) == ["abroad", "country", "start"])
        #expect(rows.map(\.stepID) == ["where", "where", "when"])
        let effective = FormAnswers(Dictionary(uniqueKeysWithValues: rows.map { ($0.field.id, $0.value) }))
        #expect(effective.canonicalJSON == sample.effectiveAnswers(answers, context: context).canonicalJSON)
    }

    @Test
    func effectiveAnswersDropWhatAChangedAnswerHid() {
        let answers = FormAnswers(["abroad": .yesNo(true), "postcode": .text("51147"), "country": .text("Österreich"), "agree": .yesNo(true)])
        #expect(sample.effectiveAnswers(answers, context: context) == FormAnswers(["abroad": .yesNo(true), "country": .text("Österreich")]))
    }
}

@Suite("Form engine: canonical JSON")
struct FormCanonicalJSONTests {
    @Test
    func sortsKeysAndWritesNoWhitespace() throws {
        let iban = try IBAN.parse("DE89370400440532013000").get()
        let answers = FormAnswers([
            "start": .date(FormDate(year: 2026, month: 8, day: 12)!), "amount": .money(cents: 123_456),
            "abroad": .yesNo(false), "Zeta": .number(7), "iban": .iban(iban),
        ])
        #expect(answers.canonicalJSON
            == #"{"Zeta":7,"abroad":false,"amount":123456,"iban":"DE89370400440532013000","start":"2026-08-12"}"#)
    }

    @Test
    func escapesOnlyWhatJSONRequires() {
        let answers = FormAnswers(["note": .text("Zeile \"1\"\nStraße/Weg\\\u{1}")])
        #expect(answers.canonicalJSON == #"{"note":"Zeile \"1\"\nStraße/Weg\\\u0001"}"#)
        // Bytes, not Strings: Swift's String equality already treats NFD and NFC alike.
        #expect(Array(FormAnswers(["e": .email("mu\u{0308}ller@example.de")]).canonicalJSON.utf8)
            == Array("{\"e\":\"m\u{00FC}ller@example.de\"}".utf8))
    }

    @Test
    func isTheSameForTheSameAnswersWhateverTheOrder() {
        var first = FormAnswers()
        var second = FormAnswers()
        let pairs: [(String, FormValue)] = (0..<50).map { ("f\($0)", .number(Int64($0))) }
        for (key, value) in pairs { first[key] = value }
        for (key, value) in pairs.reversed() { second[key] = value }
        #expect(first.canonicalJSON == second.canonicalJSON)
        #expect(FormAnswers().canonicalJSON == "{}")
    }
}
