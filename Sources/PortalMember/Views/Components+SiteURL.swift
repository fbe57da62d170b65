import PortalCore
import PortalWeb

/// The components' member-side initialisers: `PostForm(action: .registration …)`
/// and `LinkButton(.documents …)` read as a member page's own addresses.
extension PostForm {
    package init(action: SiteURL, csrf: String?, classes: String? = nil, novalidate: Bool = false, id: String? = nil, content: HTML) {
        self.init(action: action.path, csrf: csrf, classes: classes, novalidate: novalidate, id: id, content: content)
    }
}

extension LinkButton {
    package init(_ url: SiteURL, query: KeyValuePairs<String, String> = [:], text: String, secondary: Bool = false, large: Bool = false) {
        self.init(href: url.path(query: query), text: text, secondary: secondary, large: large)
    }
}
