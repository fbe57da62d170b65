import PortalDomain

/// Checks several application types share; their message keys are in `messageKeys`.
package enum ApplicationChecks {
    package static let messageKeys = [
        "application.error.dateInPast", "application.error.dateInFuture", "application.warning.backdated",
        "application.error.bic", "application.error.firstOfMonth", "application.error.pensionTooEarly",
        "application.error.mandateRequired", "application.error.incomeYear", "application.error.additionalContribution",
        "application.warning.exemptionLate",
    ]

    /// The date may not lie before today (e.g. new bank details apply to future payments).
    package static func notInPast(_ field: String) -> FormCheck {
        FormCheck { answers, context in
            guard case .date(let date)? = answers[field], date < context.today else { return [] }
            return [FieldProblem(fieldID: field, messageKey: "application.error.dateInPast", arguments: [context.today.german])]
        }
    }

    /// The date may not lie after today (e.g. "unable to work since").
    package static func notInFuture(_ field: String) -> FormCheck {
        FormCheck { answers, context in
            guard case .date(let date)? = answers[field], date > context.today else { return [] }
            return [FieldProblem(fieldID: field, messageKey: "application.error.dateInFuture", arguments: [context.today.german])]
        }
    }

    /// A date further back than the configured months is allowed, with a
    /// warning: the case worker checks whether it can still be granted.
    package static func backdatingWarning(_ field: String, messageKey: String = "application.warning.backdated") -> FormCheck {
        FormCheck { answers, context in
            let limit = context.today.adding(months: -context.rules.backdatingMonthsWithoutWarning)
            guard case .date(let date)? = answers[field], date < limit else { return [] }
            return [FieldProblem(fieldID: field, messageKey: messageKey,
                                 arguments: [String(context.rules.backdatingMonthsWithoutWarning)], severity: .warning)]
        }
    }

    /// Pensions start on the first day of a month.
    package static func firstOfMonth(_ field: String) -> FormCheck {
        FormCheck { answers, _ in
            guard case .date(let date)? = answers[field], date.day != 1 else { return [] }
            return [FieldProblem(fieldID: field, messageKey: "application.error.firstOfMonth")]
        }
    }

    /// ISO 9362: 4 letters (bank), 2 letters (country), 2 letters or digits
    /// (location), optionally 3 letters or digits (branch); spaces tolerated.
    package static func bic(_ field: String) -> FormCheck {
        FormCheck { answers, _ in
            guard case .text(let raw)? = answers[field] else { return [] }
            let bic = Array(raw.filter { $0 != " " }.uppercased())
            let letters = { (range: Range<Int>) in bic[range].allSatisfy { $0.isASCII && $0.isLetter } }
            let alphanumerics = { (range: Range<Int>) in bic[range].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            guard bic.count == 8 || bic.count == 11, letters(0..<6), alphanumerics(6..<bic.count) else {
                return [FieldProblem(fieldID: field, messageKey: "application.error.bic")]
            }
            return []
        }
    }
}
