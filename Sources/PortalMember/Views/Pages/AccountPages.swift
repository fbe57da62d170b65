import PortalCore
import PortalWeb

/// The member's own account: the transfer code for a new card, the
/// confirmation of a notification address.
package enum AccountPages {
    package static func cardChange(code: String?, csrf: String?, _ t: Texts) -> HTML {
        var html: HTML = "<h1>\(t("cardChange.title"))</h1>\n"
        if let code {
            html += Callout(content: """
              <p>\(t("cardChange.codeIntro"))</p>
              <p class="transfer-code"><strong>\(code)</strong></p>
              <p>\(t("cardChange.codeOnce"))</p>
            """, isStatus: true)
        } else {
            html += """
            <p class="lead">\(t("cardChange.lead"))</p>
            <ol>
              <li>\(t("cardChange.step1"))</li>
              <li>\(t("cardChange.step2"))</li>
              <li>\(t("cardChange.step3"))</li>
            </ol>
            <p>\(t("cardChange.without"))</p>
            \(PostForm(action: .cardChange, csrf: csrf, content: "\(Button(text: t("cardChange.create")))"))
            """
        }
        return html
    }

    /// Opening the link only shows the button: confirming changes state, so it posts.
    package static func confirmEmail(token: String?, csrf: String?, _ t: Texts) -> HTML {
        var html: HTML = "<h1>\(t("notifications.confirmTitle"))</h1>\n"
        if let token {
            html += "<p>\(t("notifications.confirmText"))</p>\n"
            html += PostForm(action: .confirmEmail, csrf: csrf,
                             content: "\(HiddenField(name: "token", value: token))\(Button(text: t("notifications.confirmButton")))")
        }
        html += "<p><a href=\"\(SiteURL.start)\">\(t("error.back"))</a></p>"
        return html
    }

    /// Development only: the mails the file mailer wrote.
    package static func devMailbox(_ mails: [DevMailboxContext.Mail], _ t: Texts) -> HTML {
        var html: HTML = """
        <h1>\(t("devMailbox.title"))</h1>
        \(Callout(content: "<p>\(t("devMailbox.warning"))</p>", warning: true))
        """
        if mails.isEmpty {
            html += "<p>\(t("devMailbox.empty"))</p>"
        } else {
            html += HTML.join(mails) { "<section class=\"mail\"><h2>\($0.name)</h2><pre>\($0.text)</pre></section>\n" }
        }
        return html
    }
}
