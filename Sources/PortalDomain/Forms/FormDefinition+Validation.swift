extension FormDefinition {
    /// The outcome of checking one step's submitted strings.
    public struct StepResult: Sendable, Equatable {
        /// This step's answers that could be taken (hidden fields dropped).
        public let answers: FormAnswers
        /// Errors stop the member; warnings are shown and do not.
        public let problems: [FieldProblem]
        /// Submitted names that are no field of this step: the caller refuses the post.
        public let unknownFields: [String]

        public var errors: [FieldProblem] { problems.filter { $0.severity == .error } }
        public var isValid: Bool { errors.isEmpty && unknownFields.isEmpty }
    }

    /// Checks the submitted strings of one step given the earlier steps' answers.
    /// A field whose condition does not hold is hidden: not required, and its
    /// answer is dropped, so a changed earlier answer never leaves a stale one.
    /// Nil when the form has no such step.
    public func validate(step stepID: String, submitted: [String: String], earlier: FormAnswers,
                         context: FormContext) -> StepResult? {
        guard let step = step(stepID) else { return nil }
        var answers = FormAnswers()
        var problems: [FieldProblem] = []
        for field in step.fields {
            let known = earlier.merging(answers)
            if let condition = field.condition, !condition.holds(for: known) { continue }
            switch field.parse(submitted[field.id] ?? "") {
            case .success(let value): answers[field.id] = value
            case .failure(let problem): problems.append(problem)
            }
        }
        // Cross-field checks only on fields that were themselves readable.
        let failed = Set(problems.map(\.fieldID))
        let all = earlier.merging(answers)
        problems += step.checks.flatMap { $0(all, context) }.filter { !failed.contains($0.fieldID) }
        let fieldIDs = Set(step.fields.map(\.id))
        let unknown = submitted.keys.filter { !fieldIDs.contains($0) }.sorted()
        return StepResult(answers: answers, problems: problems, unknownFields: unknown)
    }

    /// Whether every applicable step up to and including `stepIndex` (into
    /// `steps`) has its required visible answers and passes its checks:
    /// a member may not post to a later step before the earlier ones are valid.
    public func isComplete(upTo stepIndex: Int, answers: FormAnswers, context: FormContext) -> Bool {
        firstIncompleteStep(answers: answers, context: context).map { $0 > stepIndex } ?? true
    }

    /// The index (into `steps`) of the first applicable step that is not complete; nil when all are.
    public func firstIncompleteStep(answers: FormAnswers, context: FormContext) -> Int? {
        var known = FormAnswers()
        for (index, step) in steps.enumerated() where step.applies(in: context) {
            for field in step.fields {
                if let condition = field.condition, !condition.holds(for: known) { continue }
                if let value = answers[field.id] {
                    known[field.id] = value
                } else if field.required {
                    return index
                }
            }
            if step.checks.contains(where: { check in check(known, context).contains { $0.severity == .error } }) {
                return index
            }
        }
        return nil
    }

    /// The answers that count for this member: those of applicable steps and
    /// visible fields; what a changed earlier answer hid is dropped.
    public func effectiveAnswers(_ answers: FormAnswers, context: FormContext) -> FormAnswers {
        var known = FormAnswers()
        for step in applicableSteps(in: context) {
            for field in step.fields {
                if let condition = field.condition, !condition.holds(for: known) { continue }
                if let value = answers[field.id] { known[field.id] = value }
            }
        }
        return known
    }
}
