import PortalCore
import PortalWeb

/// Where a registration stands: matching (with the expected time), in review
/// by a case worker (with the offer of a mail), or refused. The page's
/// script polls `data-status-url` and reloads when the state changes.
package enum RegistrationStatusPage {
    package static func content(_ context: RegistrationStatusContext, _ t: Texts) -> HTML {
        let panel: HTML = switch context.state {
        case "pending": pending(context, t)
        case "review": review(context, t)
        default: rejected(context, t)
        }
        return """
        <h1>\(t("registration.title"))</h1>
        \(RegistrationPages.errorSummary(context.errors, t))<div class="status-panel" data-status-url="\(SiteURL.registrationStatus)" data-current-state="\(context.state)">
        \(panel)</div>
        """
    }

    private static func statusLabel(_ key: String, _ t: Texts) -> HTML {
        "  <p class=\"status-label\"><strong>\(t(key))</strong></p>\n"
    }

    private static func refresh(_ t: Texts) -> HTML {
        "  <p><a href=\"\(SiteURL.registration)\">\(t("registration.refresh"))</a></p>\n"
    }

    private static func pending(_ context: RegistrationStatusContext, _ t: Texts) -> HTML {
        var html = statusLabel("registration.status.pending", t)
        html += "  <p>\(context.afterWindow ? t("registration.pending.received") : t("registration.pending.text"))</p>\n"
        if context.afterWindow {
            html += "  <p>\(t("registration.pending.afterWindow", context.windowEnd))</p>\n"
        } else if let expected = context.expectedTime {
            html += "  <p>\(t("registration.pending.expected", expected))</p>\n"
        }
        html += "  <p>\(t(context.texts.leave))</p>\n"
        html += refresh(t)
        return html
    }

    private static func review(_ context: RegistrationStatusContext, _ t: Texts) -> HTML {
        var html = statusLabel("registration.status.review", t)
        html += "  <p>\(t(context.texts.review))</p>\n"
        if context.notifyRequested {
            html += "  <p>\(t("registration.notify.requested"))</p>\n"
        } else {
            let email = TextField(id: "email", label: t("registration.notify.field"), hint: t("registration.notify.hint"),
                                  error: context.errors.first.map { t($0.messageKey) }, value: context.notifyInput,
                                  control: .input(type: "email"),
                                  attributes: [Attribute("autocomplete", "email"), Attribute("spellcheck", "false")])
            html += PostForm(action: .registrationNotify, csrf: context.page.csrf, classes: "form", novalidate: true,
                             content: "\(email)\(Button(text: t("registration.notify.submit"), kind: .secondary))")
        }
        html += refresh(t)
        return html
    }

    private static func rejected(_ context: RegistrationStatusContext, _ t: Texts) -> HTML {
        var html = statusLabel("registration.status.rejected", t)
        html += "  <p>\(context.reviewed ? t("registration.rejected.reviewed") : t("registration.rejected.text"))</p>\n"
        html += "  <p>\(t("registration.rejected.contact", context.fundEmail, context.fundPhone))</p>\n"
        html += "  <p>\(LinkButton(.registration, query: ["neu": "1"], text: t("registration.tryAgain")))</p>\n"
        return html
    }
}
