import Fluent
import Foundation
import PortalDomain
import Testing
import VaporTesting
@testable import PortalApp
@testable import PortalCore

/// The binding PDF job: what a sent application becomes in the archive, the
/// inbox and the outbox (DOMAIN.md, "Legally binding submissions").
@Suite("Application filing")
struct ApplicationFilingTests {
    static let today = FormDate(year: 2026, month: 3, day: 10)!

    /// Checks each step's strings as the form would, saves them as Erika's draft and sends it.
    static func send(_ definition: FormDefinition, _ steps: [String: [String: String]], _ app: Application,
                     _ clock: TestClock) async throws -> (submission: ApplicationSubmission, member: Member) {
        let member = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
        let memberID = try member.requireID()
        let context = FormContext(today: today, status: .active)
        let sending = ApplicationSubmitting(jobs: app.portal.jobs, clock: clock)
        var answers = FormAnswers()
        var draftID: UUID?
        for step in definition.applicableSteps(in: context) {
            let result = try #require(definition.validate(step: step.id, submitted: steps[step.id] ?? [:], earlier: answers, context: context))
            #expect(result.isValid, "\(step.id): \(result.problems)")
            answers = answers.merging(result.answers)
            draftID = try await sending.saveDraft(memberID: memberID, definition: definition, answers: result.answers, step: step.id, on: app.db)
        }
        let outcome = try await sending.submit(memberID: memberID, draftID: try #require(draftID), definition: definition, context: context,
                                               levelOfAssurance: "high", actor: .system(job: "test"), on: app.db)
        guard case .sent(let id, true) = outcome else { throw Failure("not sent: \(outcome)") }
        return (try #require(try await ApplicationSubmission.find(id, on: app.db)), member)
    }

    struct Failure: Error { let text: String; init(_ text: String) { self.text = text } }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }

    static let bankDetails = ["account": ["accountHolder": "Erika Mustermann", "iban": "DE89 3704 0044 0532 0130 00",
                                          "bic": "COBADEFFXXX", "validFrom": "01.04.2026"]]
    static let address = ["address": ["abroad": "no", "street": "Heidestraße 17", "addressSupplement": "bei Gabler",
                                      "postcode": "51147", "city": "Köln"],
                          "movedOn": ["movedOn": "01.03.2026"]]

    @Test(arguments: TestDatabase.allCases)
    func aChangeOfAddressBecomesASealedPDFWithEveryAnswerAndTheEmbeddedJSON(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let (submission, _) = try await Self.send(ChangeOfAddress.definition, Self.address, app, clock)
            #expect(try await runDueJobs(app) >= 1)
            #expect(try await runDueJobs(app) == 0)
            let filed = try #require(try await ApplicationSubmission.find(submission.requireID(), on: app.db))
            let document = try #require(try await Document.find(try submission.requireID(), on: app.db))
            #expect(filed.documentID == document.id)
            #expect(document.category == .application)
            #expect(document.source == "portal:application")
            let bytes = try #require(try await app.portal.archive.memberFile.get(document.blobKey))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("application-\(UUID().uuidString).pdf")
            try Data(bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }

            let check = try Self.run(["qpdf", "--check", file.path])
            #expect(check.status == 0, "\(String(decoding: check.output, as: UTF8.self))")
            // A label may wrap in its column: compare with the line breaks as spaces.
            let text = String(decoding: try Self.run(["pdftotext", "-enc", "UTF-8", file.path, "-"]).output, as: UTF8.self)
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for expected in ["Adressänderung", "Erika Mustermann", "10001/01", submission.reference, submission.sha256,
                             "Liegt die neue Adresse im Ausland?", "Nein", "Straße und Hausnummer", "Heidestraße 17",
                             "Adresszusatz (freiwillig)", "bei Gabler", "Postleitzahl", "51147", "Ort", "Köln",
                             "Datum des Umzugs", "01.03.2026", "10.03.2026 um 10:00 Uhr", "hoch (eIDAS)", "§ 3a Abs. 2 VwVfG"] {
                #expect(text.contains(expected), "the PDF says \(expected)")
            }
            #expect(!text.contains("Land"), "a hidden field is not printed")
            let embedded = try Self.run(["qpdf", "--show-attachment=antrag.json", file.path])
            #expect(embedded.status == 0)
            #expect(Array(embedded.output) == Array(submission.answersJSON.utf8), "byte for byte")
            #expect(ApplicationSubmitting.sha256(String(decoding: embedded.output, as: UTF8.self)) == submission.sha256)
            let inspect = try Self.run(["python3", packageRoot.appendingPathComponent("scripts/pdfcheck.py").path, "inspect", file.path])
            let facts = try #require(try JSONSerialization.jsonObject(with: inspect.output) as? [String: Any])
            #expect("\(facts["pdfaid_part"] ?? "")" == "3")
            #expect("\(facts["af_count"] ?? "")" == "1")
            let certificate = app.portal.configuration.dataDirectory.appendingPathComponent("seal/seal-certificate.pem")
            let seal = try Self.run(["python3", packageRoot.appendingPathComponent("scripts/pdfcheck.py").path, "seal", file.path, certificate.path])
            let sealFacts = try #require(try JSONSerialization.jsonObject(with: seal.output) as? [String: Any])
            #expect(sealFacts["intact"] as? Bool == true, "\(sealFacts)")
            #expect(sealFacts["valid"] as? Bool == true, "\(sealFacts)")

            let messages = try await InboxMessage.query(on: app.db).filter(\.$memberID == submission.memberID)
                .filter(\.$kind == "application.received").all()
            #expect(messages.count == 1)
            #expect(messages.first?.documentID == document.id)
            #expect(messages.first?.parameters == [.text("Adressänderung"), .text(submission.reference)])
            #expect(try await InboxMessage.query(on: app.db).filter(\.$kind == "application.bankDetailsChanged").count() == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aChangeOfBankDetailsIsAlsoToldInTheInboxAndByMailAndARerunFilesNothingTwice(_ db: TestDatabase) async throws {
        try await withPortal(db) { app, clock in
            let member = try #require(try await Member.query(on: app.db).filter(\.$memberNumber == "10001/01").first())
            let setting = NotificationSetting()
            setting.memberID = try member.requireID()
            setting.email = "erika@example.org"
            setting.notify = true
            setting.updatedAt = clock.now()
            try await setting.create(on: app.db)
            let (submission, _) = try await Self.send(ChangeOfBankDetails.definition, Self.bankDetails, app, clock)
            _ = try await runDueJobs(app)
            // A second run for the same submission (a retry after a crash) finds everything done.
            try await app.portal.jobs.queue.enqueue(kind: PortalJobKinds.applicationFile.name,
                                                    payload: ApplicationSubmitting.FilePayload(submissionID: try submission.requireID(), memberID: submission.memberID))
            _ = try await runDueJobs(app)

            #expect(try await Document.query(on: app.db).filter(\.$category == .application).count() == 1)
            #expect(try await InboxMessage.query(on: app.db).filter(\.$kind == "application.received").count() == 1)
            let notices = try await InboxMessage.query(on: app.db).filter(\.$kind == "application.bankDetailsChanged").all()
            #expect(notices.count == 1)
            #expect(notices.first?.parameters == [.date("2026-03-10"), .text(submission.reference), .text(app.portal.configuration.fund.phone)])
            let mails = try await app.portal.jobs.queue.list(limit: 500).filter { $0.kind == PortalJobKinds.mailSend.name }
            let payloads = try mails.map { try $0.decodePayload(PortalMails.Payload.self) }
            #expect(payloads.filter { $0.kind == .bankDetailsChanged }.map(\.to) == ["erika@example.org"])
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "application.filed").count() == 1)
        }
    }
}
