import PortalCore
import PortalWeb

/// The start page: how to sign in with the eID card, what is needed, what happens first.
package enum StartPage {
    package static func content(_ t: Texts) -> HTML {
        """
        <h1>\(t("start.heading"))</h1>
        <p class="lead">\(t("start.lead"))</p>
        \(Callout(content: "<p><strong>\(t("start.appFirst"))</strong></p>"))
        <p>\(LinkButton(.signIn, text: t("start.signInButton"), large: true))</p>

        <h2>\(t("start.needTitle"))</h2>
        <ul>
          <li>\(t("start.need1"))</li>
          <li>\(t("start.need2"))</li>
          <li>\(t("start.need3"))</li>
        </ul>
        <p>\(t("start.pinLost"))</p>

        <h2>\(t("start.stepsTitle"))</h2>
        <ol>
          <li>\(t("start.step1"))</li>
          <li>\(t("start.step2"))</li>
          <li>\(t("start.step3"))</li>
          <li>\(t("start.step4"))</li>
          <li>\(t("start.step5"))</li>
        </ol>

        <h2>\(t("start.firstTitle"))</h2>
        <p>\(t("start.first1"))</p>
        <p>\(t("start.first2"))</p>
        <p>\(t("start.newCard"))</p>

        <h2>\(t("start.euTitle"))</h2>
        <p>\(t("start.eu1"))</p>

        <h2>\(t("start.windowTitle"))</h2>
        <p>\(t("start.window1"))</p>
        <p><a href="\(SiteURL.privacy)">\(t("start.privacyLink"))</a></p>
        """
    }
}
