import Vapor
import PortalCore
import PortalWeb

/// The page frame around every page's content — head, header, member
/// navigation, footer and the idle-timeout dialog.
package enum PageFrame {
    package static func start(_ page: PageContext, _ t: Texts) -> HTML {
        var html: HTML = """
        <!DOCTYPE html>
        <html lang="\(page.lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(t(page.titleKey)) – \(page.fundName)</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/static/css/portal.css">
        <script src="/static/js/portal.js" defer></script>
        </head>

        """
        html += "<body"
        if page.signedIn {
            html += " data-idle-seconds=\"\(page.idleSeconds)\" data-warning-seconds=\"\(page.warningSeconds)\" data-status-url=\"\(SiteURL.sessionStatus)\" data-expired-url=\"\(SiteURL.start, query: ["abgelaufen": "1"])\""
        }
        html += ">\n<a class=\"skip-link\" href=\"#main\">\(t("frame.skip"))</a>\n"
        html += """
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="\(SiteURL.start)">\(page.fundName)<span class="brand-sub">\(t("frame.portal"))</span></a>
            <div class="header-actions">

        """
        if page.otherLang == "en" {
            html += "      <a href=\"\(SiteURL.language(.value("en")), query: ["zurueck": page.path])\" lang=\"en\" hreflang=\"en\">English</a>\n"
        } else {
            html += "      <a href=\"\(SiteURL.language(.value("de")), query: ["zurueck": page.path])\" lang=\"de\" hreflang=\"de\">Deutsch</a>\n"
        }
        if page.signedIn {
            html += """
                  <form method="post" action="\(SiteURL.signOut)" class="inline-form">
                    <input type="hidden" name="csrf_token" value="\(page.csrf ?? "")">
                    <button type="submit" class="link-button">\(t("frame.signOut"))</button>
                  </form>

            """
        }
        html += "    </div>\n  </div>\n"
        if page.hasNav {
            html += "  <nav class=\"member-nav\" aria-label=\"\(t("nav.label"))\">\n    <ul class=\"wrap\">\n      "
            for item in page.nav {
                html += "<li><a href=\"\(item.href)\"\(item.current ? " aria-current=\"page\"" : HTML.empty)>\(t(item.key))"
                if let badge = item.badge {
                    html += " <span class=\"badge\">\(t("nav.unread", String(badge)))</span>"
                }
                html += "</a></li>"
            }
            html += "\n    </ul>\n  </nav>\n"
        }
        html += "</header>\n"
        return html
    }

    package static func end(_ page: PageContext, _ t: Texts) -> HTML {
        var html: HTML = """
        <footer class="site-footer">
          <div class="wrap">
            <ul class="footer-links">
              <li><a href="\(SiteURL.help)">\(t("nav.help"))</a></li>
              <li><a href="\(SiteURL.privacy)">\(t("privacy.title"))</a></li>
              <li><a href="\(SiteURL.imprint)">\(t("imprint.title"))</a></li>
            </ul>
            <p>\(page.fundName)</p>
          </div>
        </footer>

        """
        if page.signedIn {
            let csrf = page.csrf ?? ""
            html += """
            <div id="timeout-warning" class="timeout-warning" role="alertdialog" aria-labelledby="timeout-title" aria-describedby="timeout-text" hidden>
              <h2 id="timeout-title">\(t("timeout.title"))</h2>
              <p id="timeout-text">\(t("timeout.text")) <strong id="timeout-remaining"></strong></p>
              <div class="button-row">
                <form method="post" action="\(SiteURL.sessionExtend)" id="timeout-extend">
                  <input type="hidden" name="csrf_token" value="\(csrf)">
                  <input type="hidden" name="zurueck" value="\(page.path)">
                  <button type="submit" class="button">\(t("timeout.stay"))</button>
                </form>
                <form method="post" action="\(SiteURL.signOut)">
                  <input type="hidden" name="csrf_token" value="\(csrf)">
                  <button type="submit" class="button secondary">\(t("frame.signOut"))</button>
                </form>
              </div>
            </div>

            """
        }
        html += "</body>\n</html>\n"
        return html
    }

    /// A whole page: the frame around `<main>` with the page's content.
    package static func document(_ page: PageContext, content: HTML, _ t: Texts) -> HTML {
        var html = start(page, t)
        html += "<main id=\"main\" class=\"wrap\" tabindex=\"-1\""
        if let state = page.registrationState {
            html += " data-registration-state=\"\(state)\""
        }
        html += ">\n"
        if let notice = page.noticeKey {
            html += "  \(Notice(text: t(notice)))"
        }
        html += content
        html += "\n</main>\n"
        html += end(page, t)
        return html
    }
}

/// The member portal's frame for code that draws pages on either listener.
package struct MemberFrame: PageFraming {
    package var home: String { SiteURL.start.path }

    package func respond(_ request: Request, titleKey: String, status: HTTPStatus, content: HTML) -> Response {
        request.respond(page: PageContext(request, titleKey: titleKey), status: status, content: content)
    }
}

extension Request {
    /// A whole member page built in Swift: the frame around `content`.
    package func respond(page: PageContext, status: HTTPStatus = .ok, content: HTML) -> Response {
        respond(document: PageFrame.document(page, content: content, texts), status: status)
    }
}
