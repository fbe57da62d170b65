import Foundation
import PortalDomain
import PortalPDF

/// The binding PDF of a sent application (DOMAIN.md, "Legally binding
/// submissions"): member, form, every answer as the member saw it, the
/// submission time, the eID level of assurance and the hash, with the
/// submission's canonical JSON embedded byte for byte as `antrag.json`
/// (PDF/A-3 associated file), so the core system reads the data and a person
/// reads the same data on paper.
///
/// German only: it stands for the signed German paper form. Every sentence
/// says only what the submission record supports; nothing names how the
/// member identified beyond the level of assurance the session had.
package struct ApplicationDocument {
    package let fund: FundProfile
    package let texts: LocalizationCatalogue

    package static let attachmentName = "antrag.json"

    /// The stored answers hold a field this definition cannot read (the form
    /// changed since): a binding copy that leaves an answer out is worse than none.
    package struct UnreadableAnswers: Error, CustomStringConvertible {
        package let reference: String
        package let fields: [String]
        package var description: String {
            "application \(reference): answers \(fields.joined(separator: ", ")) do not fit the current form definition"
        }
    }

    package func build(_ submission: ApplicationSubmission, member: Member, definition: FormDefinition,
                       at now: Date) throws -> (title: String, spec: PDFDocumentSpec) {
        let answers = FormAnswers(canonicalJSON: submission.answersJSON, definition: definition)
        let stored = (try? JSONSerialization.jsonObject(with: Data(submission.answersJSON.utf8))) as? [String: Any] ?? [:]
        let unread = stored.keys.filter { answers[$0] == nil }.sorted()
        guard unread.isEmpty else { throw UnreadableAnswers(reference: submission.reference, fields: unread) }

        let title = t(definition.titleKey)
        var blocks: [Block] = [
            .heading(title, level: 1),
            .paragraph(t("applicationPDF.intro")),
            .keyValues([
                KeyValue(t("applicationPDF.label.reference"), submission.reference),
                KeyValue(t("certificate.label.name"), member.displayName),
                KeyValue(t("certificate.label.memberNumber"), member.memberNumber),
                KeyValue(t("applicationPDF.label.submittedAt"),
                         t("applicationPDF.submittedAt", Format.date(submission.submittedAt, .de), Format.time(submission.submittedAt, .de))),
                KeyValue(t("applicationPDF.label.levelOfAssurance"), levelOfAssurance(submission.levelOfAssurance)),
            ]),
        ]
        // In the order the member was asked; steps and fields without a stored
        // answer did not apply to this member and are not printed.
        for step in definition.steps {
            let pairs = step.fields.compactMap { field in
                answers[field.id].map { KeyValue(t(field.labelKey), ApplicationAnswerText.german($0, of: field, texts: texts)) }
            }
            guard !pairs.isEmpty else { continue }
            blocks += [.heading(t(step.titleKey), level: 2), .keyValues(pairs)]
            if step.fields.contains(where: { $0.id == "mandateConsent" }), answers["mandateConsent"] == .yesNo(true) {
                blocks.append(.paragraph(t(ChangeOfBankDetails.mandateTextKey, fund.name, fund.creditorID ?? "–")))
            }
        }
        blocks += [
            .heading(t("applicationPDF.proof.title"), level: 2),
            .paragraph(t("applicationPDF.legal", fund.name)),
            .paragraph(t("applicationPDF.hash.label", Self.attachmentName)),
            // Alone on its line: a hash broken over two lines cannot be compared at a glance.
            .paragraph(submission.sha256),
        ]
        let attachment = Attachment(fileName: Self.attachmentName, mimeType: "application/json", data: Array(submission.answersJSON.utf8),
                                    description: t("applicationPDF.attachment.description"), relationship: .data)
        let spec = PDFDocumentSpec(title: "\(title) \(submission.reference)", author: fund.name, creationDate: now,
                                   letterhead: CertificateLayout.letterhead(fund), blocks: blocks, attachment: attachment)
        return (title, spec)
    }

    /// eIDAS names the levels; a value the portal does not know is printed as stored.
    private func levelOfAssurance(_ stored: String) -> String {
        texts.tables[.de]?["applicationPDF.loa.\(stored)"] ?? stored
    }

    private func t(_ key: String, _ arguments: String...) -> String {
        texts.text(key, .de, arguments)
    }
}
