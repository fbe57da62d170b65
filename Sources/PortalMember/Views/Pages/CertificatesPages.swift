import PortalCore
import PortalWeb

/// The certificates a member can have made, the recent requests, and one
/// request's status page (polled by the page's script via `data-status-url`).
package enum CertificatesPages {
    package static func catalogue(_ context: CertificateCatalogueContext, _ t: Texts) -> HTML {
        var html: HTML = """
        <h1>\(t("certificates.title"))</h1>
        <p class="lead">\(t("certificates.lead"))</p>

        """
        if let problem = context.problemKey {
            html += ErrorSummary(title: t("form.errorSummary"), message: t(problem, context.problemYear))
        }
        let items = HTML.join(context.certificates) { certificate in
            "  <li>\n    <h2>\(t(certificate.titleKey))</h2>\n    <p>\(t(certificate.textKey))</p>\n    \(offer(certificate, csrf: context.page.csrf, t))  </li>\n"
        }
        html += "<ul class=\"certificate-list\">\n\(items)</ul>\n"
        if !context.recent.isEmpty {
            let recent = HTML.join(context.recent) { item in
                "<li><a href=\"\(item.href)\">\(title(kindKey: item.kindKey, year: item.year, t))</a> – \(t(item.stateKey))</li>"
            }
            html += "<h2>\(t("certificates.recent"))</h2>\n<ul>\(recent)</ul>\n"
        }
        return html
    }

    /// The request form, or why this certificate cannot be made now.
    private static func offer(_ certificate: CertificateCatalogueContext.Item, csrf: String?, _ t: Texts) -> HTML {
        if let unavailable = certificate.unavailableKey {
            return "<p class=\"certificate-unavailable\">\(t(unavailable))</p>\n"
        }
        var fields: HTML = "\(HiddenField(name: "kind", value: certificate.kind))"
        if let years = certificate.years {
            fields += SelectField(id: "year-" + certificate.kind, name: "year", label: t("certificates.year"),
                                  options: years.map { .init(value: $0, label: $0) })
        }
        fields += Button(text: t("certificates.request"))
        return PostForm(action: .certificates, csrf: csrf, classes: "form", content: fields).html
    }

    package static func status(_ context: CertificateStatusContext, _ t: Texts) -> HTML {
        var body: HTML = "  <p class=\"status-label\"><strong>\(t(context.stateKey))</strong></p>\n"
        switch context.state {
        case "queued":
            if context.afterWindow {
                body += "  <p>\(t("certificates.afterWindow", context.windowEnd))</p>\n"
            } else if let expected = context.expectedTime {
                body += "  <p>\(t("certificates.expected", expected))</p>\n"
            }
        case "ready":
            if let href = context.documentHref {
                body += "  <p>\(LinkButton(href: href, text: t("certificates.download")))</p>\n"
            }
        case "failed":
            body += "  <p>\(t("certificates.failed"))</p>\n"
        default:
            break
        }
        if context.state != "ready" && context.state != "failed" {
            body += "  <p><a href=\"\(context.statusURL)\">\(t("registration.refresh"))</a></p>\n"
        }
        return """
        <h1>\(title(kindKey: context.kindKey, year: context.year, t))</h1>
        <div class="status-panel" data-status-url="\(context.statusURL)" data-current-state="\(context.state)" data-certificate-state="\(context.state)">
        \(body)</div>
        <p><a href="\(SiteURL.certificates)">\(t("certificates.back"))</a></p>
        """
    }

    private static func title(kindKey: String, year: String?, _ t: Texts) -> HTML {
        year.map { "\(t(kindKey)) \($0)" } ?? "\(t(kindKey))"
    }
}
