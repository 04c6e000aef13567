/// The targets of `href="#…"` links in `html`.
func htmlLinkTargets(_ html: String) -> [String] {
    html.matches(of: /href="#([^"]*)"/).map { String($0.1) }
}

/// The values of `id="…"` attributes in `html` (or in Markdown's inline anchors).
func htmlIDs(_ html: String) -> [String] {
    html.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
}

/// The targets of Markdown links `](#…)`.
func markdownLinkTargets(_ markdown: String) -> [String] {
    markdown.matches(of: /\]\(#([^)]*)\)/).map { String($0.1) }
}
