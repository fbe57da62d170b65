import PortalCore
import PortalWeb

/// The profile: the imported record, read-only, and the notification settings.
package enum ProfilePage {
    package static func content(_ context: ProfileContext, _ t: Texts) -> HTML {
        let member = context.member
        var rows: [SummaryList.Row] = [.init(key: t("profile.memberNumber"), value: "\(member.memberNumber)")]
        if let degree = member.academicDegree { rows.append(.init(key: t("profile.degree"), value: "\(degree)")) }
        rows.append(.init(key: t("profile.givenNames"), value: "\(member.givenNames)"))
        rows.append(.init(key: t("profile.familyName"), value: "\(member.familyName)"))
        if let birthName = member.birthName { rows.append(.init(key: t("profile.birthName"), value: "\(birthName)")) }
        rows.append(.init(key: t("profile.dateOfBirth"), value: "\(member.dateOfBirth)"))
        rows.append(.init(key: t("profile.status"), value: "\(t(member.statusKey))"))
        rows.append(.init(key: t("profile.address"), value: "\(member.street)<br>\(member.postalCode) \(member.city)<br>\(member.country)"))
        var html: HTML = """
        <h1>\(t("profile.title"))</h1>
        <p>\(t("profile.lead"))</p>
        \(SummaryList(rows: rows))
        <p>\(t("profile.changeHint"))</p>
        <h2 id="benachrichtigungen">\(t("notifications.title"))</h2>
        <p>\(t("notifications.lead"))</p>

        """
        let problem = context.problemKey.map { t($0) }
        if let problem {
            html += ErrorSummary(title: t("form.errorSummary"), problems: [.init(field: "email", message: problem)])
        }
        if let pending = context.pendingEmail {
            html += "<p class=\"callout\">\(t("notifications.pending", pending))</p>\n"
        }
        let email = TextField(id: "email", label: t("notifications.email"), hint: t("notifications.emailHint"), error: problem,
                              value: context.email, control: .input(type: "email"), attributes: [Attribute("autocomplete", "email")])
        let notify = RadioGroup(name: "notify", legend: t("notifications.notify"), options: [
            .init(id: "notify-ja", value: "ja", label: t("notifications.yes")),
            .init(id: "notify-nein", value: "nein", label: t("notifications.no")),
        ], selected: context.notify ? "ja" : "nein")
        html += PostForm(action: .notificationSettings, csrf: context.page.csrf, classes: "form", novalidate: true,
                         content: "\(email)\(notify)\(Button(text: t("notifications.save")))")
        html += """
        <h2>\(t("cardChange.title"))</h2>
        <p>\(t("profile.cardChangeHint")) <a href="\(SiteURL.cardChange)">\(t("profile.cardChangeLink"))</a></p>
        """
        return html
    }
}
