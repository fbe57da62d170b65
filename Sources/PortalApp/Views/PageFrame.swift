import Leaf

/// The page frame around every template's content — head, header, member
/// navigation, footer and the idle-timeout dialog — built in Swift once per
/// page and put in by layout.leaf with `#unsafeHTML`. Leaf interprets every
/// tag of a template on every request; the frame is the same few dozen
/// texts and links on every page, and interpreting it cost about a fifth of
/// the dashboard's throughput (docs/benchmarks.md). Every value is escaped
/// here exactly as Leaf's `#()` would escape it.
enum PageFrame {
    static func start(_ page: PageContext, _ t: (String, [String]) -> String) -> String {
        let e = { (text: String) in text.htmlEscaped() }
        let links = page.links
        var html = """
        <!DOCTYPE html>
        <html lang="\(e(page.lang))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(e(t(page.titleKey, []))) – \(e(page.fundName))</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/static/css/portal.css">
        <script src="/static/js/portal.js" defer></script>
        </head>

        """
        html += "<body"
        if page.signedIn {
            html += " data-idle-seconds=\"\(page.idleSeconds)\" data-warning-seconds=\"\(page.warningSeconds)\" data-status-url=\"\(e(links.sessionStatus))\" data-expired-url=\"\(e(links.start))?abgelaufen=1\""
        }
        html += ">\n<a class=\"skip-link\" href=\"#main\">\(e(t("frame.skip", [])))</a>\n"
        html += """
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="\(e(links.start))">\(e(page.fundName))<span class="brand-sub">\(e(t("frame.portal", [])))</span></a>
            <div class="header-actions">

        """
        if page.otherLang == "en" {
            html += "      <a href=\"\(e(links.languageEN))?zurueck=\(e(page.path))\" lang=\"en\" hreflang=\"en\">English</a>\n"
        } else {
            html += "      <a href=\"\(e(links.languageDE))?zurueck=\(e(page.path))\" lang=\"de\" hreflang=\"de\">Deutsch</a>\n"
        }
        if page.signedIn {
            html += """
                  <form method="post" action="\(e(links.signOut))" class="inline-form">
                    <input type="hidden" name="csrf_token" value="\(e(page.csrf ?? ""))">
                    <button type="submit" class="link-button">\(e(t("frame.signOut", [])))</button>
                  </form>

            """
        }
        html += "    </div>\n  </div>\n"
        if page.hasNav {
            html += "  <nav class=\"member-nav\" aria-label=\"\(e(t("nav.label", [])))\">\n    <ul class=\"wrap\">\n      "
            for item in page.nav {
                html += "<li><a href=\"\(e(item.href))\"\(item.current ? " aria-current=\"page\"" : "")>\(e(t(item.key, [])))"
                if let badge = item.badge {
                    html += " <span class=\"badge\">\(e(t("nav.unread", [String(badge)])))</span>"
                }
                html += "</a></li>"
            }
            html += "\n    </ul>\n  </nav>\n"
        }
        html += "</header>\n"
        return html
    }

    static func end(_ page: PageContext, _ t: (String, [String]) -> String) -> String {
        let e = { (text: String) in text.htmlEscaped() }
        let links = page.links
        var html = """
        <footer class="site-footer">
          <div class="wrap">
            <ul class="footer-links">
              <li><a href="\(e(links.help))">\(e(t("nav.help", [])))</a></li>
              <li><a href="\(e(links.privacy))">\(e(t("privacy.title", [])))</a></li>
              <li><a href="\(e(links.imprint))">\(e(t("imprint.title", [])))</a></li>
            </ul>
            <p>\(e(page.fundName))</p>
          </div>
        </footer>

        """
        if page.signedIn {
            let csrf = e(page.csrf ?? "")
            html += """
            <div id="timeout-warning" class="timeout-warning" role="alertdialog" aria-labelledby="timeout-title" aria-describedby="timeout-text" hidden>
              <h2 id="timeout-title">\(e(t("timeout.title", [])))</h2>
              <p id="timeout-text">\(e(t("timeout.text", []))) <strong id="timeout-remaining"></strong></p>
              <div class="button-row">
                <form method="post" action="\(e(links.sessionExtend))" id="timeout-extend">
                  <input type="hidden" name="csrf_token" value="\(csrf)">
                  <input type="hidden" name="zurueck" value="\(e(page.path))">
                  <button type="submit" class="button">\(e(t("timeout.stay", [])))</button>
                </form>
                <form method="post" action="\(e(links.signOut))">
                  <input type="hidden" name="csrf_token" value="\(csrf)">
                  <button type="submit" class="button secondary">\(e(t("frame.signOut", [])))</button>
                </form>
              </div>
            </div>

            """
        }
        html += "</body>\n</html>\n"
        return html
    }
}
