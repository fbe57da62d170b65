import Foundation
import Testing
import PortalDomain
@testable import PortalCore

@Suite("Application types")
struct ApplicationTypesTests {
    let catalogue: LocalizationCatalogue

    init() throws {
        catalogue = try LocalizationCatalogue.load(from: packageRoot.appendingPathComponent("Resources/Localization"))
    }

    @Test
    func everyKeyOfEveryDefinitionAndValidatorIsInBothCatalogues() {
        let keys = ApplicationTypes.all.flatMap(\.textKeys) + FormMessageKeys.all + ApplicationChecks.messageKeys
            + [ChangeOfBankDetails.mandateTextKey]
        #expect(keys.count > 100)
        for key in keys {
            #expect(catalogue.tables[.de]?[key] != nil, "de lacks \(key)")
            #expect(catalogue.tables[.en]?[key] != nil, "en lacks \(key)")
        }
    }

    /// DOMAIN.md, "What each status may request", plus the voluntary
    /// additional contribution for active members (issue 16).
    @Test(arguments: [
        (MemberStatus.active, ["changeOfAddress", "changeOfBankDetails", "pensionInsuranceExemption", "contributionReduction",
                               "oldAgePension", "disabilityPension", "additionalContribution"]),
        (.pensioner, ["changeOfAddress", "changeOfBankDetails", "changeOfTaxOrHealthInsurance"]),
        (.survivor, ["changeOfAddress", "changeOfBankDetails", "changeOfTaxOrHealthInsurance"]),
        (.former, ["changeOfAddress", "oldAgePension"]),
    ])
    func theCatalogueOffersWhatTheStatusAllows(_ status: MemberStatus, _ expected: [String]) {
        #expect(Set(ApplicationTypes.available(for: status).map(\.id)) == Set(expected))
    }

    @Test
    func everyConditionReadsAFieldAskedBeforeIt() {
        for definition in ApplicationTypes.all {
            var asked: Set<String> = []
            for field in definition.fields {
                for referenced in field.condition?.referencedFields ?? [] {
                    #expect(asked.contains(referenced), "\(definition.id).\(field.id) reads \(referenced)")
                }
                asked.insert(field.id)
            }
        }
    }

    /// The domain half of issue 16's bad-input corpus: every field of every form
    /// refuses these with a message key, and none of them crashes the parser.
    @Test
    func everyFieldRefusesTheBadInputCorpus() {
        let corpus = ["x\u{0}y", "a\u{202E}b", "a\u{2066}b", "a\u{1B}b", String(repeating: "9", count: 10_000),
                      String(repeating: "€", count: 1_000_000)]
        for definition in ApplicationTypes.all {
            for field in definition.fields {
                for bad in corpus {
                    guard case .failure(let problem) = field.parse(bad) else {
                        Issue.record("\(definition.id).\(field.id) took \(bad.prefix(20))")
                        continue
                    }
                    #expect(problem.fieldID == field.id && FormMessageKeys.all.contains(problem.messageKey))
                }
                if field.kind != .text && field.kind != .multilineText {
                    #expect((try? field.parse("<script>alert(1)</script>").get()) == nil, "\(definition.id).\(field.id)")
                }
            }
        }
    }

    @Test
    func typesFieldsAndStepsHaveUniqueIds() {
        #expect(Set(ApplicationTypes.all.map(\.id)).count == ApplicationTypes.all.count)
        for definition in ApplicationTypes.all {
            #expect(Set(definition.fields.map(\.id)).count == definition.fields.count, "\(definition.id)")
            #expect(Set(definition.steps.map(\.id)).count == definition.steps.count, "\(definition.id)")
            #expect(!definition.statuses.isEmpty && definition.version >= 1)
        }
        #expect(ApplicationTypes.definition("oldAgePension")?.titleKey == "application.oldAgePension.title")
        #expect(ApplicationTypes.definition("none") == nil)
    }
}

/// The checks a case worker would make, with today and the fund's rules from the context.
@Suite("Application types: rules")
struct ApplicationRulesTests {
    let today = FormDate(year: 2026, month: 12, day: 5)!

    func context(_ status: MemberStatus = .active, born: FormDate? = nil, debit: Bool = false,
                 rules: FundRules = .init()) -> FormContext {
        FormContext(today: today, status: status, dateOfBirth: born, paysByDirectDebit: debit, rules: rules)
    }

    func messages(_ definition: FormDefinition, _ step: String, _ submitted: [String: String],
                  earlier: FormAnswers = FormAnswers(), in context: FormContext) throws -> [String] {
        try #require(definition.validate(step: step, submitted: submitted, earlier: earlier, context: context)).problems.map(\.messageKey)
    }

    @Test
    func anAddressIsGermanWithFiveDigitsOrForeignWithACountry() throws {
        let form = ChangeOfAddress.definition
        #expect(try messages(form, "address", ["abroad": "no", "street": "Heidestraße 17", "postcode": "51147", "city": "Köln"], in: context()) == [])
        #expect(try messages(form, "address", ["abroad": "no", "street": "Heidestraße 17", "postcode": "5114", "city": "Köln"], in: context())
            == ["form.error.digits"])
        #expect(try messages(form, "address", ["abroad": "yes", "street": "Ringstraße 1", "city": "Wien"], in: context())
            == ["form.error.required"])
        #expect(try messages(form, "address", ["abroad": "yes", "street": "Ringstraße 1", "foreignPostcode": "A-1010", "city": "Wien", "country": "Österreich"], in: context()) == [])
    }

    @Test
    func theMandateStepIsForActiveMembersWhoPayByDirectDebitOnly() throws {
        let form = ChangeOfBankDetails.definition
        #expect(form.applicableSteps(in: context(debit: true)).map(\.id) == ["account", "mandate"])
        #expect(form.applicableSteps(in: context(debit: false)).map(\.id) == ["account"])
        #expect(form.applicableSteps(in: context(.pensioner, debit: true)).map(\.id) == ["account"])
        #expect(try messages(form, "mandate", ["mandateConsent": "no"], in: context(debit: true)) == ["application.error.mandateRequired"])
    }

    @Test
    func bankDetailsCheckTheIBANTheOptionalBICAndTheDate() throws {
        let form = ChangeOfBankDetails.definition
        let good = ["accountHolder": "Erika Mustermann", "iban": "DE89 3704 0044 0532 0130 00", "validFrom": "01.01.2027"]
        #expect(try messages(form, "account", good, in: context()) == [])
        #expect(try messages(form, "account", good.merging(["bic": "COBADEFFXXX"]) { $1 }, in: context()) == [])
        #expect(try messages(form, "account", good.merging(["bic": "COBA"]) { $1 }, in: context()) == ["application.error.bic"])
        #expect(try messages(form, "account", good.merging(["validFrom": "01.12.2026"]) { $1 }, in: context()) == ["application.error.dateInPast"])
    }

    @Test
    func anOldAgePensionStartsOnAFirstAfterTheConfiguredAge() throws {
        let form = OldAgePension.definition
        let born = FormDate(year: 1966, month: 8, day: 12)!
        #expect(try messages(form, "start", ["desiredStart": "01.09.2026"], in: context(born: born)) == ["application.warning.backdated"])
        #expect(try messages(form, "start", ["desiredStart": "01.08.2026"], in: context(born: born)) == ["application.error.pensionTooEarly", "application.warning.backdated"])
        #expect(try messages(form, "start", ["desiredStart": "15.01.2027"], in: context(born: born)) == ["application.error.firstOfMonth"])
        #expect(try messages(form, "start", ["desiredStart": "01.01.2027"], in: context(born: born)) == [])
        let later = FundRules(earliestPensionAge: 62)
        let problem = try #require(form.validate(step: "start", submitted: ["desiredStart": "01.01.2027"], earlier: FormAnswers(),
                                                 context: context(born: born, rules: later))?.errors.first)
        #expect(problem.messageKey == "application.error.pensionTooEarly" && problem.arguments == ["01.09.2028", "62"])
    }

    @Test
    func anExemptionForAnEmploymentStartedLongAgoIsAWarningNotARefusal() throws {
        let form = PensionInsuranceExemption.definition
        let base = ["employer": "Kanzlei Beispiel", "employerAddress": "Domkloster 4\n50667 Köln"]
        let late = try #require(form.validate(step: "employer", submitted: base.merging(["startDate": "01.08.2026"]) { $1 },
                                              earlier: FormAnswers(), context: context()))
        #expect(late.isValid && late.problems.map(\.messageKey) == ["application.warning.exemptionLate"])
        #expect(try messages(form, "employer", base.merging(["startDate": "01.10.2026"]) { $1 }, in: context()) == [])
        #expect(try messages(form, "employer", base.merging(["startDate": "01.10.2026"]) { $1 },
                             in: context(rules: FundRules(backdatingMonthsWithoutWarning: 1))) == ["application.warning.exemptionLate"])
    }

    @Test
    func theAdditionalContributionStaysWithinTheConfiguredLimits() throws {
        let form = AdditionalContribution.definition
        let rules = FundRules(additionalContribution: 500_00...10_000_00)
        #expect(try messages(form, "amount", ["amount": "2.500,00", "payment": "transfer"], in: context(rules: rules)) == [])
        #expect(try messages(form, "amount", ["amount": "10.000,01", "payment": "transfer"], in: context(rules: rules))
            == ["application.error.additionalContribution"])
        #expect(try messages(form, "amount", ["amount": "-100", "payment": "transfer"], in: context(rules: rules)) == ["form.error.money.negative"])
    }

    @Test
    func aReductionIsForThisYearTheNextOrTheConfiguredYearsBack() throws {
        let form = ContributionReduction.definition
        #expect(try messages(form, "income", ["incomeYear": "2026", "expectedIncome": "30.000"], in: context()) == [])
        #expect(try messages(form, "income", ["incomeYear": "2024", "expectedIncome": "30.000"], in: context()) == ["application.error.incomeYear"])
        #expect(try messages(form, "income", ["incomeYear": "2024", "expectedIncome": "30.000"],
                             in: context(rules: FundRules(reductionYearsBack: 2))) == [])
    }

    @Test
    func taxOrHealthDataAsksOnlyForWhatChanged() throws {
        let form = ChangeOfTaxOrHealthInsurance.definition
        let earlier = FormAnswers(["change": .choice("tax")])
        let result = try #require(form.validate(step: "details", submitted: ["taxID": "86095742719", "healthInsurer": "TK", "validFrom": "01.01.2027"],
                                                earlier: earlier, context: context(.pensioner)))
        #expect(result.isValid)
        #expect(result.answers["healthInsurer"] == nil, "hidden: dropped")
        #expect(try messages(form, "details", ["taxID": "86095742718", "validFrom": "01.01.2027"], earlier: earlier, in: context(.pensioner))
            == ["form.error.taxID.checksum"])
    }

    @Test
    func aDisabilityCannotStartInTheFuture() throws {
        let form = DisabilityPension.definition
        let base = ["stillWorking": "no", "description": "Bandscheibenvorfall"]
        #expect(try messages(form, "disability", base.merging(["unableSince": "01.01.2027"]) { $1 }, in: context()) == ["application.error.dateInFuture"])
        #expect(try messages(form, "disability", base.merging(["unableSince": "01.11.2026"]) { $1 }, in: context()) == [])
    }
}
