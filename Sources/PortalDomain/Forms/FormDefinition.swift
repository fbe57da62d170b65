/// One application type as data: the steps a member goes through, the fields
/// on each step and who may use it. The web layer renders it, the validators
/// below check it, the binding PDF prints it; adding an application type is
/// adding one definition plus its catalogue texts (issue 16).
public struct FormDefinition: Sendable, Identifiable {
    /// The application type, stable in URLs and stored submissions (e.g. `changeOfAddress`).
    public let id: String
    /// Stored with every submission: answers are read against the version they were given for.
    public let version: Int
    public let titleKey: String
    public let statuses: Set<MemberStatus>
    public let steps: [FormStep]

    public init(id: String, version: Int, titleKey: String, statuses: Set<MemberStatus>, steps: [FormStep]) {
        self.id = id
        self.version = version
        self.titleKey = titleKey
        self.statuses = statuses
        self.steps = steps
    }

    public func isAvailable(for status: MemberStatus) -> Bool { statuses.contains(status) }

    public func step(_ id: String) -> FormStep? { steps.first { $0.id == id } }

    /// The steps this member goes through (some apply only to some members).
    public func applicableSteps(in context: FormContext) -> [FormStep] {
        steps.filter { $0.applies(in: context) }
    }

    public var fields: [FormField] { steps.flatMap(\.fields) }

    public func field(_ id: String) -> FormField? { fields.first { $0.id == id } }
}

/// One page of a form: one thing per page (GOV.UK "question pages").
public struct FormStep: Sendable, Identifiable {
    public let id: String
    public let titleKey: String
    public let fields: [FormField]
    /// Rules across fields or against the context (dates relative to today, configured limits).
    public let checks: [FormCheck]
    let appliesWhen: (@Sendable (FormContext) -> Bool)?

    public init(id: String, titleKey: String, fields: [FormField], checks: [FormCheck] = [],
                appliesWhen: (@Sendable (FormContext) -> Bool)? = nil) {
        self.id = id
        self.titleKey = titleKey
        self.fields = fields
        self.checks = checks
        self.appliesWhen = appliesWhen
    }

    public func applies(in context: FormContext) -> Bool { appliesWhen?(context) ?? true }
}

/// A rule over a step's answers (and the earlier ones) that one field cannot check alone.
public struct FormCheck: Sendable {
    let run: @Sendable (FormAnswers, FormContext) -> [FieldProblem]

    public init(_ run: @escaping @Sendable (FormAnswers, FormContext) -> [FieldProblem]) {
        self.run = run
    }

    public func callAsFunction(_ answers: FormAnswers, _ context: FormContext) -> [FieldProblem] {
        run(answers, context)
    }
}

extension FormDefinition {
    /// Every catalogue key the definition itself names: title, step titles,
    /// labels, hints, options (the messages of checks are listed by their owners).
    public var textKeys: [String] {
        [titleKey] + steps.flatMap { [$0.titleKey] + $0.fields.flatMap(\.textKeys) }
    }
}
