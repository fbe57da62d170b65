import Fluent
import Foundation
import PortalDomain
import Vapor
import PortalCore
import PortalWeb

/// "Anträge": the catalogue by status, one step per page, the review of every
/// answer, the binding confirmation and the receipt; "Noch nicht versandte
/// Anträge" with continue and delete. Every answer goes through the form
/// engine (PortalDomain/Forms); every draft and submission through
/// `ApplicationSubmitting`, which makes the check-then-act atomic.
package struct ApplicationsController: RouteCollection {
    package let configuration: PortalConfiguration
    package let clock: any PortalClock
    package let submitting: ApplicationSubmitting

    package init(configuration: PortalConfiguration, clock: any PortalClock, jobs: JobsService) {
        self.configuration = configuration
        self.clock = clock
        submitting = ApplicationSubmitting(jobs: jobs, clock: clock)
    }

    /// A pasted text of a megabyte gets the field's own message, not a bare 413.
    static let stepBodyLimit = RouteBodyLimit.longText(megabytes: 2)

    package func boot(routes: any RoutesBuilder) throws {
        let area = routes.grouped(RequireAccountMiddleware(), NotOfferedPage())
        area.get(SiteURL.applications.components, use: catalogue)
        area.get(SiteURL.applicationStart(.key).components, use: start)
        area.get(SiteURL.applicationStep(.key, .key).components, use: showStep)
        area.post(SiteURL.applicationStep(.key, .key).components, bodyLimit: Self.stepBodyLimit, use: saveStep)
        area.post(SiteURL.applicationAutosave(.key, .key).components, bodyLimit: Self.stepBodyLimit, use: autosave)
        area.get(SiteURL.applicationReview(.key).components, use: review)
        area.get(SiteURL.applicationConfirm(.key).components, use: confirmation)
        area.post(SiteURL.applicationConfirm(.key).components, use: send)
        area.get(SiteURL.applicationReceipt(.key).components, use: receipt)
        area.get(SiteURL.drafts.components, use: drafts)
        area.get(SiteURL.draftDelete(.key).components, use: confirmDelete)
        area.post(SiteURL.draftDelete(.key).components, use: deleteDraft)
    }

    // MARK: Catalogue and drafts

    package func catalogue(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        let drafts = try await req.memberScope().applicationDrafts().all()
        let draftTypes = Set(drafts.map(\.type))
        let items = ApplicationTypes.available(for: member.memberStatus).map { definition in
            ApplicationPages.CatalogueItem(titleKey: definition.titleKey, leadKey: "application.\(definition.id).lead",
                                           href: SiteURL.applicationStart(.value(definition.id)).path,
                                           hasDraft: draftTypes.contains(definition.id))
        }
        let recent = try await req.memberScope().applicationSubmissions().sort(\.$submittedAt, .descending).limit(10).all()
        let sent = recent.compactMap { submission -> ApplicationPages.SentItem? in
            guard let id = submission.id, let definition = ApplicationTypes.definition(submission.type) else { return nil }
            return .init(titleKey: definition.titleKey, reference: submission.reference,
                         sentAt: Format.date(submission.submittedAt, req.language), href: SiteURL.applicationReceipt(.value(id)).path)
        }
        let page = PageContext(req, titleKey: "applications.title", memberName: member.displayName)
        return req.respond(page: page, content: ApplicationPages.catalogue(items: items, sent: sent, statusKey: "status.\(member.status)", req.texts))
    }

    package func drafts(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        let drafts = try await req.memberScope().applicationDrafts().sort(\.$updatedAt, .descending).all()
        let context = formContext(member)
        let items = drafts.compactMap { draft -> ApplicationPages.DraftItem? in
            guard let id = draft.id, let definition = ApplicationTypes.definition(draft.type) else { return nil }
            let stepTitle = definition.step(draft.step)?.titleKey
            let position = definition.applicableSteps(in: context).firstIndex { $0.id == draft.step }.map { $0 + 1 }
            return .init(titleKey: definition.titleKey, changedAt: Format.date(draft.updatedAt, req.language) + ", " + Format.time(draft.updatedAt, req.language),
                         stepTitleKey: stepTitle ?? "applications.review.title", stepNumber: position,
                         continueHref: SiteURL.applicationStart(.value(definition.id)).path,
                         deleteHref: SiteURL.draftDelete(.value(id)).path,
                         deletedOn: Format.date(draft.updatedAt.addingTimeInterval(Double(DraftExpiry.lifetimeDays) * 86_400), req.language))
        }
        let page = PageContext(req, titleKey: "drafts.title", memberName: member.displayName,
                               noticeKey: req.hasQueryParameter("geloescht") ? "drafts.deleted" : nil)
        return req.respond(page: page, content: ApplicationPages.drafts(items, req.texts))
    }

    package func confirmDelete(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        guard let (draft, definition) = try await ownDraft(req) else { throw Abort(.notFound) }
        let page = PageContext(req, titleKey: "drafts.delete.title", memberName: member.displayName)
        return req.respond(page: page, content: ApplicationPages.confirmDelete(
            titleKey: definition.titleKey, action: SiteURL.draftDelete(.value(try draft.requireID())).path, csrf: page.csrf, req.texts))
    }

    package func deleteDraft(req: Request) async throws -> Response {
        let scope = try req.memberScope()
        guard let id = req.parameters.get(SiteURL.Key.draftID, as: UUID.self) else { throw Abort(.notFound) }
        // Gone already (a second click, another tab): the list shows the result either way.
        if try await submitting.deleteDraft(memberID: scope.memberID, id: id, on: scope.db) {
            try await AuditLog.record(req, action: "application.draft.deleted", memberID: scope.memberID, detail: ["draft": id.uuidString])
        }
        return req.redirect(to: SiteURL.drafts.path(query: ["geloescht": "1"]))
    }

    private func ownDraft(_ req: Request) async throws -> (ApplicationDraft, FormDefinition)? {
        guard let id = req.parameters.get(SiteURL.Key.draftID, as: UUID.self),
              let draft = try await req.memberScope().applicationDraft(id),
              let definition = ApplicationTypes.definition(draft.type) else { return nil }
        return (draft, definition)
    }

    // MARK: Steps

    /// Opens the member's draft of this type where they stopped, or the first step.
    package func start(req: Request) async throws -> Response {
        let (definition, member) = try offered(req)
        let context = formContext(member)
        guard let first = definition.applicableSteps(in: context).first else { throw Abort(.notFound) }
        guard let draft = try await req.memberScope().applicationDraft(type: definition.id) else {
            return req.redirect(to: SiteURL.applicationStep(.value(definition.id), .value(first.id)).path)
        }
        if draft.step == ApplicationSubmitting.reviewStep {
            return req.redirect(to: SiteURL.applicationReview(.value(definition.id)).path)
        }
        let step = definition.step(draft.step).flatMap { $0.applies(in: context) ? $0 : nil } ?? first
        return req.redirect(to: SiteURL.applicationStep(.value(definition.id), .value(step.id)).path)
    }

    package func showStep(req: Request) async throws -> Response {
        let (definition, member) = try offered(req)
        let context = formContext(member)
        let (step, index) = try self.step(req, definition, context)
        let draft = try await req.memberScope().applicationDraft(type: definition.id)
        let answers = draft.map { FormAnswers(canonicalJSON: $0.answersJSON, definition: definition) } ?? FormAnswers()
        if let missing = definition.firstIncompleteStep(answers: answers, context: context), missing < index {
            return req.redirect(to: SiteURL.applicationStep(.value(definition.id), .value(definition.steps[missing].id)).path)
        }
        var inputs: [String: String] = [:]
        let saved = step.fields.contains { answers[$0.id] != nil }
        for field in step.fields {
            if let value = answers[field.id] { inputs[field.id] = value.inputText }
        }
        if !saved {
            inputs = try await ApplicationPrefill.values(for: step.fields, member: member, scope: req.memberScope())
        }
        if let draft, draft.step == step.id, let pending = draft.pendingJSON.flatMap(Self.decodePending) {
            inputs.merge(pending) { _, typed in typed }
        }
        return try await renderStep(req, definition, member: member, context: context, step: step, inputs: inputs,
                                    answers: answers, problems: [])
    }

    package func saveStep(req: Request) async throws -> Response {
        let (definition, member) = try offered(req)
        let context = formContext(member)
        let (step, index) = try self.step(req, definition, context)
        let scope = try req.memberScope()
        let draft = try await scope.applicationDraft(type: definition.id)
        let earlier = draft.map { FormAnswers(canonicalJSON: $0.answersJSON, definition: definition) } ?? FormAnswers()
        if let missing = definition.firstIncompleteStep(answers: earlier, context: context), missing < index {
            return try await refusal(req, status: .conflict, messageKey: "applications.error.earlierStep",
                                     link: SiteURL.applicationStep(.value(definition.id), .value(definition.steps[missing].id)).path)
        }
        let body = URLEncodedFields(req.body.data)
        let fieldIDs = Set(step.fields.map(\.id))
        let unknown = body.values.keys.filter { $0 != CSRFMiddleware.fieldName && !fieldIDs.contains($0) }
        if !unknown.isEmpty {
            return try await refusal(req, status: .badRequest, messageKey: "applications.error.unknownFields",
                                     link: SiteURL.applicationStep(.value(definition.id), .value(step.id)).path)
        }
        var submitted: [String: String] = [:]
        var problems: [FieldProblem] = []
        for field in step.fields {
            switch body.values[field.id] {
            case .some(.some(let text)): submitted[field.id] = text
            case .some(.none): problems.append(FieldProblem(fieldID: field.id, messageKey: "form.error.text.characters"))
            case .none: break
            }
        }
        let unreadable = Set(problems.map(\.fieldID))
        guard let result = definition.validate(step: step.id, submitted: submitted.filter { !unreadable.contains($0.key) },
                                               earlier: earlier, context: context) else { throw Abort(.notFound) }
        problems = problems + result.problems.filter { !unreadable.contains($0.fieldID) }
        if problems.contains(where: { $0.severity == .error }) {
            var inputs = submitted
            for id in unreadable { inputs[id] = "" }
            return try await renderStep(req, definition, member: member, context: context, step: step, inputs: inputs,
                                        answers: earlier, problems: problems, status: .unprocessableEntity)
        }
        let all = earlier.merging(result.answers)
        let next = definition.steps[(index + 1)...].first { $0.applies(in: context) }
        // A later step that is still complete is skipped: the member changed one answer from the review.
        let nextStep = next.map(\.id) ?? ApplicationSubmitting.reviewStep
        let resumeAt = definition.firstIncompleteStep(answers: all, context: context).map { definition.steps[$0].id } ?? ApplicationSubmitting.reviewStep
        try await submitting.saveDraft(memberID: scope.memberID, definition: definition, answers: result.answers,
                                       replacing: step.fields.map(\.id), step: resumeAt, on: scope.db)
        if resumeAt == ApplicationSubmitting.reviewStep || draft?.step == ApplicationSubmitting.reviewStep {
            return req.redirect(to: resumeAt == ApplicationSubmitting.reviewStep
                                ? SiteURL.applicationReview(.value(definition.id)).path
                                : SiteURL.applicationStep(.value(definition.id), .value(resumeAt)).path)
        }
        return req.redirect(to: nextStep == ApplicationSubmitting.reviewStep
                            ? SiteURL.applicationReview(.value(definition.id)).path
                            : SiteURL.applicationStep(.value(definition.id), .value(nextStep)).path)
    }

    /// The session-timeout warning's save: what the member typed on this step
    /// so far, valid or not, is kept with the draft and shown when they come back.
    package func autosave(req: Request) async throws -> Response {
        let (definition, member) = try offered(req)
        let context = formContext(member)
        let (step, index) = try self.step(req, definition, context)
        let scope = try req.memberScope()
        let earlier = try await scope.applicationDraft(type: definition.id)
            .map { FormAnswers(canonicalJSON: $0.answersJSON, definition: definition) } ?? FormAnswers()
        if let missing = definition.firstIncompleteStep(answers: earlier, context: context), missing < index {
            throw Abort(.conflict)
        }
        let body = URLEncodedFields(req.body.data)
        var pending: [String: String] = [:]
        for field in step.fields {
            // Kept as typed, but never more than a field could hold.
            if let text = body[field.id] { pending[field.id] = String(text.prefix(field.limits.maxLength ?? TextInput.multilineLimit)) }
        }
        try await submitting.saveDraft(memberID: scope.memberID, definition: definition, answers: FormAnswers(), replacing: [],
                                       step: step.id, pending: pending, on: scope.db)
        return Response(status: .noContent)
    }

    // MARK: Review, confirmation, sending

    package func review(req: Request) async throws -> Response {
        let (definition, member) = try offered(req)
        let context = formContext(member)
        let answers: FormAnswers
        switch try await completeDraft(req, definition, context) {
        case .complete(_, let given): answers = given
        case .elsewhere(let response): return response
        }
        let page = PageContext(req, titleKey: "applications.review.title", memberName: member.displayName)
        return req.respond(page: page, content: ApplicationPages.review(
            titleKey: definition.titleKey, rows: summary(definition, answers: answers, context: context, req.texts),
            confirmHref: SiteURL.applicationConfirm(.value(definition.id)).path, req.texts))
    }

    package func confirmation(req: Request) async throws -> Response {
        try await renderConfirmation(req, problem: false)
    }

    package func send(req: Request) async throws -> Response {
        let (definition, member) = try offered(req)
        let scope = try req.memberScope()
        let body = URLEncodedFields(req.body.data)
        guard let draftID = body["draft"].flatMap(UUID.init(uuidString:)) else {
            return try await refusal(req, status: .badRequest, messageKey: "applications.error.noDraft", link: SiteURL.drafts.path)
        }
        // A repeated POST of a form already sent goes to its receipt, checkbox or not.
        if body["confirm"] != "yes", try await scope.applicationSubmission(draftID: draftID) == nil {
            return try await renderConfirmation(req, problem: true)
        }
        let identity = req.signedInIdentity
        let outcome = try await submitting.submit(
            memberID: scope.memberID, draftID: draftID, definition: definition, context: formContext(member),
            levelOfAssurance: identity?.levelOfAssurance ?? "unknown", actor: .member(accountID: try req.requireMember().account.requireID()),
            on: scope.db)
        switch outcome {
        case .sent(let id, _):
            return req.redirect(to: SiteURL.applicationReceipt(.value(id)).path)
        case .incomplete(let index):
            return req.redirect(to: SiteURL.applicationStep(.value(definition.id), .value(definition.steps[index].id)).path)
        case .noDraft:
            return try await refusal(req, status: .notFound, messageKey: "applications.error.noDraft", link: SiteURL.drafts.path)
        }
    }

    package func receipt(req: Request) async throws -> Response {
        let member = try req.requireMember().member
        guard let id = req.parameters.get(SiteURL.Key.submissionID, as: UUID.self),
              let submission = try await req.memberScope().applicationSubmission(id),
              let definition = ApplicationTypes.definition(submission.type) else { throw Abort(.notFound) }
        let state = submission.documentID == nil ? "filing" : "ready"
        if req.wantsJSON {
            return try await ["state": state].encodeResponse(for: req)
        }
        let page = PageContext(req, titleKey: "applications.receipt.title", memberName: member.displayName)
        let language = req.language
        return req.respond(page: page, content: ApplicationPages.receipt(.init(
            titleKey: definition.titleKey, reference: submission.reference,
            sentAt: Format.date(submission.submittedAt, language) + ", " + Format.time(submission.submittedAt, language),
            state: state, documentHref: submission.documentID.map { SiteURL.document(.value($0)).path },
            statusURL: SiteURL.applicationReceipt(.value(id)).path,
            inWindow: configuration.maintenanceWindow.contains(clock.now()), windowEnd: configuration.maintenanceWindow.end.description),
            req.texts))
    }

    private func renderConfirmation(_ req: Request, problem: Bool) async throws -> Response {
        let (definition, member) = try offered(req)
        let context = formContext(member)
        let draft: ApplicationDraft
        switch try await completeDraft(req, definition, context) {
        case .complete(let found, _): draft = found
        case .elsewhere(let response): return response
        }
        let page = PageContext(req, titleKey: "applications.confirm.title", memberName: member.displayName)
        return req.respond(page: page, status: problem ? .unprocessableEntity : .ok, content: ApplicationPages.confirmation(
            titleKey: definition.titleKey, draftID: try draft.requireID().uuidString,
            action: SiteURL.applicationConfirm(.value(definition.id)).path,
            reviewHref: SiteURL.applicationReview(.value(definition.id)).path, csrf: page.csrf, problem: problem, req.texts))
    }

    // MARK: Helpers

    private enum DraftState {
        case complete(ApplicationDraft, FormAnswers)
        /// No draft: to the start; a step missing: to that step.
        case elsewhere(Response)
    }

    /// The member's draft of this type when every step is done; review and confirmation need one.
    private func completeDraft(_ req: Request, _ definition: FormDefinition, _ context: FormContext) async throws -> DraftState {
        guard let draft = try await req.memberScope().applicationDraft(type: definition.id) else {
            return .elsewhere(req.redirect(to: SiteURL.applicationStart(.value(definition.id)).path))
        }
        let answers = FormAnswers(canonicalJSON: draft.answersJSON, definition: definition)
        if let missing = definition.firstIncompleteStep(answers: answers, context: context) {
            return .elsewhere(req.redirect(to: SiteURL.applicationStep(.value(definition.id), .value(definition.steps[missing].id)).path))
        }
        return .complete(draft, answers)
    }

    /// The type named in the path, if this member's status may use it: an
    /// unknown type is 404, one the status does not allow 403 with the reason.
    private func offered(_ req: Request) throws -> (FormDefinition, Member) {
        let member = try req.requireMember().member
        guard let type = req.parameters.get(SiteURL.Key.applicationType), let definition = ApplicationTypes.definition(type) else {
            throw Abort(.notFound)
        }
        guard definition.isAvailable(for: member.memberStatus) else {
            throw ApplicationNotOffered(titleKey: definition.titleKey, statusKey: "status.\(member.status)")
        }
        return (definition, member)
    }

    private func step(_ req: Request, _ definition: FormDefinition, _ context: FormContext) throws -> (FormStep, Int) {
        guard let id = req.parameters.get(SiteURL.Key.step), let index = definition.steps.firstIndex(where: { $0.id == id }),
              definition.steps[index].applies(in: context) else { throw Abort(.notFound) }
        return (definition.steps[index], index)
    }

    package func formContext(_ member: Member) -> FormContext {
        let today = Calendar.berlin.dateComponents([.year, .month, .day], from: clock.now())
        return FormContext(
            today: FormDate(year: today.year ?? 2000, month: today.month ?? 1, day: today.day ?? 1) ?? FormDate(year: 2000, month: 1, day: 1)!,
            status: member.memberStatus, dateOfBirth: try? FormDate.parse(member.dateOfBirth).get(),
            paysByDirectDebit: member.paysByDirectDebit, rules: configuration.fundRules)
    }

    private func renderStep(_ req: Request, _ definition: FormDefinition, member: Member, context: FormContext, step: FormStep,
                            inputs: [String: String], answers: FormAnswers, problems: [FieldProblem],
                            status: HTTPStatus = .ok) async throws -> Response {
        let steps = definition.applicableSteps(in: context)
        let position = (steps.firstIndex { $0.id == step.id } ?? 0) + 1
        let previous = position > 1 ? SiteURL.applicationStep(.value(definition.id), .value(steps[position - 2].id)).path
                                    : SiteURL.applications.path
        let page = PageContext(req, titleKey: step.titleKey, memberName: member.displayName)
        let extra: HTML = step.id == "mandate" ? ApplicationPages.mandateText(fund: configuration.fund, req.texts) : .empty
        return req.respond(page: page, status: status, content: ApplicationPages.step(.init(
            formTitleKey: definition.titleKey, step: step, position: position, count: steps.count,
            inputs: inputs, problems: problems, earlier: answers,
            action: SiteURL.applicationStep(.value(definition.id), .value(step.id)).path,
            autosave: SiteURL.applicationAutosave(.value(definition.id), .value(step.id)).path,
            back: previous, csrf: page.csrf, extra: extra), req.texts))
    }

    private func summary(_ definition: FormDefinition, answers: FormAnswers, context: FormContext, _ t: Texts) -> [ApplicationPages.SummaryRow] {
        let effective = definition.effectiveAnswers(answers, context: context)
        let warnings = definition.applicableSteps(in: context).flatMap { step in step.checks.flatMap { $0(effective, context) } }
            .filter { $0.severity == .warning }
        return definition.answeredFields(answers, context: context).map { answered in
            ApplicationPages.SummaryRow(
                label: t(answered.field.labelKey), value: ApplicationPages.display(answered.value, field: answered.field, t),
                changeHref: SiteURL.applicationStep(.value(definition.id), .value(answered.stepID)).path + "#" + answered.field.id,
                warnings: warnings.filter { $0.fieldID == answered.field.id }.map { t($0.messageKey, $0.arguments) })
        }
    }

    private func refusal(_ req: Request, status: HTTPStatus, messageKey: String, link: String) async throws -> Response {
        let page = PageContext(req, titleKey: "applications.refused.title", memberName: req.signedInMember?.member.displayName)
        return req.respond(page: page, status: status, content: ApplicationPages.refusal(messageKey: messageKey, link: link, req.texts))
    }

    private static func decodePending(_ json: String) -> [String: String]? {
        try? JSONDecoder().decode([String: String].self, from: Data(json.utf8))
    }
}

/// A type the member's status does not allow, asked for by address: 403 with the reason.
package struct ApplicationNotOffered: Error {
    package let titleKey: String
    package let statusKey: String
}

/// Draws `ApplicationNotOffered` as the 403 page that says why.
struct NotOfferedPage: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch let refused as ApplicationNotOffered {
            let page = PageContext(request, titleKey: "applications.notOffered.title", memberName: request.signedInMember?.member.displayName)
            return request.respond(page: page, status: .forbidden,
                                   content: ApplicationPages.notOffered(titleKey: refused.titleKey, statusKey: refused.statusKey, request.texts))
        }
    }
}

extension Texts {
    /// With the arguments of a `FieldProblem`.
    package func callAsFunction(_ key: String, _ arguments: [String]) -> String {
        catalogue.text(key, language, arguments)
    }
}
