import Fluent
import Foundation
import PortalDomain
import PortalJobs
import PortalMail
import Vapor
import PortalCore
import PortalWeb

/// First registration: member number + privacy consent, then the
/// window-bound matching job, and a status page until the result is known.
/// With a transfer code the match runs at once instead (TransferCodes).
package struct RegistrationController: RouteCollection {
    package let configuration: PortalConfiguration
    package let clock: any PortalClock
    package let jobs: JobsService
    package let tokens: TokenKeys

    package func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteURL.registration.components, use: show)
        routes.post(SiteURL.registration.components, use: submit)
        routes.get(SiteURL.registrationStatus.components, use: status)
        routes.post(SiteURL.registrationNotify.components, use: requestNotification)
    }

    package func show(req: Request) async throws -> Response {
        guard let session = req.currentSession, session.isSignedIn, let pseudonym = session.pseudonym else {
            return req.redirect(to: SiteURL.start.path)
        }
        if session.accountID != nil { return req.redirect(to: SiteURL.dashboard.path) }
        if let redirect = try await enterIfActivated(req, pseudonym: pseudonym) { return redirect }
        let latest = try await latestRegistration(req, pseudonym: pseudonym)
        let startsAnew = req.query[String.self, at: "neu"] != nil
        if !startsAnew, let retired = try await RetiredCard.query(on: req.db)
            .filter(\.$cardDigest == tokens.retiredCards.hash(pseudonym)).sort(\.$retiredAt, .descending).first(),
            latest.map({ $0.createdAt < retired.retiredAt }) ?? true {
            return try await renderOldCard(req, retiredAt: retired.retiredAt)
        }
        if let latest, latest.state != .rejected || !startsAnew {
            return try await renderStatus(req, latest)
        }
        return try await renderForm(req, input: RegistrationInput(), problems: [])
    }

    /// On the review page: an address for one mail once a case worker has
    /// decided. Stored on the registration only until then.
    package func requestNotification(req: Request) async throws -> Response {
        guard let session = req.currentSession, session.isSignedIn, let pseudonym = session.pseudonym else {
            return req.redirect(to: SiteURL.start.path)
        }
        if session.accountID != nil { return req.redirect(to: SiteURL.dashboard.path) }
        let input = try req.content.decode(NotifyInput.self)
        let address = (input.email ?? "").trimmingCharacters(in: .whitespaces)
        guard let latest = try await latestRegistration(req, pseudonym: pseudonym), latest.state == .review else {
            return req.redirect(to: SiteURL.registration.path)
        }
        guard MailAddress.isValidRecipient(address) else {
            let key = address.isEmpty ? "registration.notify.error.missing" : "registration.notify.error.format"
            let response = try await renderStatus(req, latest, notifyInput: address,
                                                  errors: [InputProblem(field: "email", messageKey: key)])
            response.status = .unprocessableEntity
            return response
        }
        let id = try latest.requireID()
        let now = clock.now()
        try await req.db.writeTransaction { db in
            // Only while the decision is still open: a decided one has nobody left to tell.
            guard let registration = try await Registration.find(id, on: db), registration.state == .review else { return }
            registration.notifyEmail = address
            try await registration.save(on: db)
            // That an address was left, never the address.
            try await AuditLog.record(on: db, at: now, actor: .unregisteredCardHolder, action: "registration.notify_requested",
                                      memberID: registration.memberID, detail: ["registration": id.uuidString])
        }
        return req.redirect(to: SiteURL.registration.path)
    }

    package func submit(req: Request) async throws -> Response {
        guard let session = req.currentSession, session.isSignedIn, let pseudonym = session.pseudonym,
              let identity = req.signedInIdentity, let identityJSON = session.identityJSON else {
            return req.redirect(to: SiteURL.start.path)
        }
        if session.accountID != nil { return req.redirect(to: SiteURL.dashboard.path) }
        if let pending = try await Self.latestRegistration(req.db, pseudonym: pseudonym), pending.state == .pending || pending.state == .review {
            return req.redirect(to: SiteURL.registration.path)
        }
        let input = try req.content.decode(RegistrationInput.self)
        let number: MemberNumber
        switch input.validated() {
        case .failure(let problems):
            let response = try await renderForm(req, input: input, problems: problems.problems)
            response.status = .unprocessableEntity
            return response
        case .success(let valid):
            number = valid
        }
        let now = clock.now()
        let code = input.transfer_code?.trimmingCharacters(in: .whitespaces) ?? ""
        let delay = configuration.registrationDelay
        let jobs = self.jobs
        let hasher = tokens.transferCodes
        let retiredCards = tokens.retiredCards
        let outcome = try await req.db.writeTransaction { db -> Submission in
            try await RegistrationAttempts.lock(pseudonym: pseudonym, memberNumber: number.value, on: db)
            // Again under the lock: a double click must not store two registrations.
            if let pending = try await Self.latestRegistration(db, pseudonym: pseudonym), pending.state == .pending || pending.state == .review {
                return .alreadyPending
            }
            if case .blocked(let until) = try await RegistrationAttempts.decide(pseudonym: pseudonym, memberNumber: number.value, on: db, at: now) {
                return .limited(until: until)
            }
            if !code.isEmpty {
                return .transfer(try await TransferCodes.redeem(code, memberNumber: number.value, identity: identity, identityJSON: identityJSON,
                                                                pseudonym: pseudonym, on: db, hasher: hasher, retiredCards: retiredCards,
                                                                jobs: jobs, at: now))
            }
            let registration = Registration()
            registration.id = UUID()
            registration.pseudonym = pseudonym
            registration.memberNumber = number.value
            registration.identityJSON = identityJSON
            registration.state = .pending
            registration.createdAt = now
            let job = try await jobs.enqueue(
                PortalJobKinds.registrationMatch, payload: RegistrationMatching.Payload(registrationID: registration.id!),
                runAt: now.addingTimeInterval(delay), key: "registration:\(registration.id!.uuidString)", on: db)
            registration.jobID = job.id
            try await registration.create(on: db)
            try await AuditLog.record(on: db, at: now, actor: .unregisteredCardHolder, action: "registration.submitted", memberID: nil,
                                      detail: ["registration": registration.id!.uuidString, "provider": identity.documentType])
            return .queued
        }
        switch outcome {
        case .limited(let until):
            try await AuditLog.record(on: req.db, at: now, actor: .unregisteredCardHolder, action: "registration.limited", memberID: nil)
            let seconds = max(1, Int(until.timeIntervalSince(now).rounded(.up)))
            // The person learns when the lock ends and whom to call, never which limit (card or number) was reached.
            let language = req.language
            let page = PageContext(req, titleKey: "registration.limited.title")
            let text = req.texts("registration.limited.text", Format.date(until, language), Format.time(until, language),
                                 configuration.fund.phone)
            let response = req.respond(page: page, status: .tooManyRequests, content: SimplePages.legal(titleKey: page.titleKey, text: text, req.texts))
            response.headers.replaceOrAdd(name: "Retry-After", value: String(seconds))
            return response
        case .transfer(.invalidCode):
            let problems = [InputProblem(field: "transfer_code", messageKey: "registration.error.transfer_code.invalid")]
            let response = try await renderForm(req, input: input, problems: problems)
            response.status = .unprocessableEntity
            return response
        case .transfer(.bound):
            jobs.worker.wake()
            return req.redirect(to: SiteURL.registration.path)
        case .alreadyPending, .queued, .transfer(.refused):
            // A refused code shows the same status page as a failed match.
            return req.redirect(to: SiteURL.registration.path)
        }
    }

    private enum Submission {
        case alreadyPending, limited(until: Date), queued, transfer(TransferCodes.Redemption)
    }

    /// For the page's script: the state only, nothing about the matching.
    package func status(req: Request) async throws -> RegistrationStatusResponse {
        guard let pseudonym = req.currentSession?.pseudonym else { throw Abort(.unauthorized) }
        if try await Account.query(on: req.db).filter(\.$pseudonym == pseudonym).filter(\.$state == .active).first() != nil {
            return RegistrationStatusResponse(state: Registration.State.active.rawValue)
        }
        let state = try await latestRegistration(req, pseudonym: pseudonym)?.state.rawValue ?? "none"
        return RegistrationStatusResponse(state: state)
    }

    /// Activation changes what the session may do, so it gets a new id (ASVS 7.2.4).
    private func enterIfActivated(_ req: Request, pseudonym: String) async throws -> Response? {
        guard let account = try await Account.query(on: req.db).filter(\.$pseudonym == pseudonym).filter(\.$state == .active).first(),
              let identity = req.signedInIdentity else { return nil }
        try await req.signIn(identity, accountID: account.id)
        return req.redirect(to: SiteURL.dashboard.path(query: ["willkommen": "1"]))
    }

    private func latestRegistration(_ req: Request, pseudonym: String) async throws -> Registration? {
        try await Self.latestRegistration(req.db, pseudonym: pseudonym)
    }

    private static func latestRegistration(_ db: any Database, pseudonym: String) async throws -> Registration? {
        try await Registration.query(on: db).filter(\.$pseudonym == pseudonym).sort(\.$createdAt, .descending).first()
    }

    private func renderForm(_ req: Request, input: RegistrationInput, problems: [InputProblem]) async throws -> Response {
        _ = try await req.csrfToken()
        let context = RegistrationFormContext(page: PageContext(req, titleKey: "registration.title"),
                                              input: input, errors: problems, texts: credentialTexts(req))
        return req.respond(page: context.page, content: RegistrationPages.form(context, req.texts))
    }

    private func credentialTexts(_ req: Request) -> CredentialTexts {
        CredentialTexts(eidas: req.signedInIdentity?.isEIDAS ?? false)
    }

    private func renderOldCard(_ req: Request, retiredAt: Date) async throws -> Response {
        let fund = configuration.fund
        let context = OldCardContext(page: PageContext(req, titleKey: "registration.oldCard.title"),
                                     retiredOn: Format.date(retiredAt, req.language), fundEmail: fund.email, fundPhone: fund.phone,
                                     texts: credentialTexts(req))
        return req.respond(page: context.page, content: RegistrationPages.oldCard(context, req.texts))
    }

    private func renderStatus(_ req: Request, _ registration: Registration, notifyInput: String = "",
                              errors: [InputProblem] = []) async throws -> Response {
        if registration.state == .review { _ = try await req.csrfToken() }
        var page = PageContext(req, titleKey: "registration.title")
        page.registrationState = registration.state.rawValue
        var expected: String?
        var afterWindow = false
        if registration.state == .pending, let jobID = registration.jobID, let job = try await jobs.queue.find(jobID) {
            if let start = jobs.queue.expectedStart(of: job) {
                expected = Format.time(start, req.language)
                afterWindow = configuration.maintenanceWindow.contains(max(job.runAt, clock.now()))
            }
        }
        let fund = configuration.fund
        let context = RegistrationStatusContext(page: page, state: registration.state.rawValue,
                                                expectedTime: expected, afterWindow: afterWindow,
                                                windowEnd: configuration.maintenanceWindow.end.description,
                                                fundEmail: fund.email, fundPhone: fund.phone, texts: credentialTexts(req),
                                                reviewed: registration.state == .rejected && registration.reason == "caseWorker",
                                                notifyRequested: registration.notifyEmail != nil, notifyInput: notifyInput, errors: errors)
        return req.respond(page: page, content: RegistrationStatusPage.content(context, req.texts))
    }

    package init(configuration: PortalConfiguration, clock: any PortalClock, jobs: JobsService, tokens: TokenKeys) {
        self.configuration = configuration
        self.clock = clock
        self.jobs = jobs
        self.tokens = tokens
    }
}

package struct NotifyInput: Content {
    package var email: String?
}

package struct RegistrationStatusResponse: Content {
    package let state: String
}
