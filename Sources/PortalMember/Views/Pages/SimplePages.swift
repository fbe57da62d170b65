import PortalCore
import PortalWeb

/// Pages with a heading and a few texts: privacy notice and imprint, the
/// and the sections still to come.
package enum SimplePages {
    /// The fund's privacy notice or imprint, as plain text.
    package static func legal(titleKey: String, text: String, _ t: Texts) -> HTML {
        "<h1>\(t(titleKey))</h1>\n<div class=\"legal-text\">\(text)</div>"
    }

    package static func comingSoon(titleKey: String, _ t: Texts) -> HTML {
        """
        <h1>\(t(titleKey))</h1>
        <p>\(t("comingSoon.text"))</p>
        <p><a href="\(SiteURL.dashboard)">\(t("comingSoon.back"))</a></p>
        """
    }
}
