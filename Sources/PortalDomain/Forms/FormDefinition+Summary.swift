extension FormDefinition {
    /// One answered question as the review page ("check answers") and the
    /// binding PDF show it: in the order the member was asked.
    public struct AnsweredField: Sendable, Equatable {
        public let stepID: String
        public let field: FormField
        public let value: FormValue
    }

    /// Every answer that counts, step by step and field by field; answers of
    /// steps that do not apply or of hidden fields are left out, so the PDF
    /// shows exactly what the submission's canonical JSON holds.
    public func answeredFields(_ answers: FormAnswers, context: FormContext) -> [AnsweredField] {
        let effective = effectiveAnswers(answers, context: context)
        return applicableSteps(in: context).flatMap { step in
            step.fields.compactMap { field in
                effective[field.id].map { AnsweredField(stepID: step.id, field: field, value: $0) }
            }
        }
    }
}
