/// Pages with a heading and a few texts: privacy notice and imprint, the
/// sections still to come, and the error page.
enum SimplePages {
    /// The fund's privacy notice or imprint, as plain text.
    static func legal(titleKey: String, text: String, _ t: Texts) -> HTML {
        "<h1>\(t(titleKey))</h1>\n<div class=\"legal-text\">\(text)</div>"
    }

    static func comingSoon(titleKey: String, _ t: Texts) -> HTML {
        """
        <h1>\(t(titleKey))</h1>
        <p>\(t("comingSoon.text"))</p>
        <p><a href="\(SiteURL.dashboard)">\(t("comingSoon.back"))</a></p>
        """
    }

    /// What a person sees of an error: a message, the reference the log has
    /// the details under, and the way back.
    static func error(messageKey: String, reference: String, status: Int, _ t: Texts) -> HTML {
        """
        <h1>\(t("error.title"))</h1>
        <p class="lead">\(t(messageKey))</p>
        <p>\(t("error.reference", reference)) · \(t("error.status", String(status)))</p>
        <p><a href="\(SiteURL.start)">\(t("error.back"))</a></p>
        """
    }
}
