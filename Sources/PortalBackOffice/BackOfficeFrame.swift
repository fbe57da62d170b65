import Vapor
import PortalCore
import PortalWeb

/// The back office's addresses. Separate from `SiteURL`: none of them is
/// served on the member listener, and none of the member's here.
package enum BackOfficeURL: SitePath, Equatable {
    case start

    package var segments: [PathSegment] {
        switch self {
        case .start: []
        }
    }
}

/// The back office's page frame: its own header, so nobody mistakes it for
/// the member portal, and no member navigation or member links.
package struct BackOfficeFrame: PageFraming {
    package var home: String { BackOfficeURL.start.path }

    package func respond(_ request: Request, titleKey: String, status: HTTPStatus = .ok, content: HTML) -> Response {
        let t = request.texts
        let fundName = request.portal.configuration.fund.name
        var html: HTML = """
        <!DOCTYPE html>
        <html lang="\(request.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>\(t(titleKey)) – \(t("backOffice.name")) – \(fundName)</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
        <link rel="stylesheet" href="/static/css/portal.css">
        </head>
        <body class="back-office">
        <a class="skip-link" href="#main">\(t("frame.skip"))</a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="\(BackOfficeURL.start)">\(fundName)<span class="brand-sub">\(t("backOffice.name"))</span></a>
          </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">

        """
        html += content
        html += """

        </main>
        <footer class="site-footer">
          <div class="wrap"><p>\(fundName) · \(t("backOffice.internal"))</p></div>
        </footer>
        </body>
        </html>

        """
        return request.respond(document: html, status: status)
    }
}

/// The back office's first page. Staff sign-in (password and one-time code)
/// is the next step; until then case workers use the `portal` commands.
package struct BackOfficeStartController: RouteCollection {
    package func boot(routes: any RoutesBuilder) throws {
        routes.get { req -> Response in
            let t = req.texts
            let content: HTML = """
            <h1>\(t("backOffice.start.title"))</h1>
            <p class="lead">\(t("backOffice.start.lead"))</p>
            <p>\(t("backOffice.start.commands"))</p>
            """
            return BackOfficeFrame().respond(req, titleKey: "backOffice.start.title", content: content)
        }
    }
}
