import BulletinCore

/// The human-readable form of `bulletin show`.
enum IssueText {
    /// - Parameter conflicts: open conflict ids by article id (`nil`: about the issue or a section).
    static func render(_ issue: Issue, conflicts: [String?: [String]] = [:]) -> String {
        var lines = [
            "\(issue.publication)",
            "\(issue.date) · \(issue.weekday) · \(issue.state.rawValue) · editor \(issue.editor)",
            "id \(issue.id)",
        ]
        let total = conflicts.values.reduce(0) { $0 + $1.count }
        if total > 0 {
            lines.append("\(total) open conflict\(total == 1 ? "" : "s"): see `bulletin conflicts`")
        }
        if issue.sections.isEmpty {
            lines.append("")
            lines.append("(no sections yet)")
        }
        for (index, section) in issue.sections.enumerated() {
            lines.append("")
            lines.append("\(index + 1). \(section.title)")
            if section.articles.isEmpty {
                lines.append("   (no articles)")
            }
            for article in section.articles {
                lines.append("   \(issue.date)/\(article.number)  \(article.title)")
                var details = ["\(article.paragraphs.count) paragraph\(article.paragraphs.count == 1 ? "" : "s")"]
                if let source = article.source {
                    details.append(citation(source))
                }
                details.append("id \(article.id)")
                if let open = conflicts[article.id], !open.isEmpty {
                    details.append("⚠ \(open.count) open conflict\(open.count == 1 ? "" : "s")")
                }
                lines.append("      " + details.joined(separator: " · "))
                for note in article.annotations {
                    let anchor = note.paragraph.map { " ¶\($0 + 1)" } ?? ""
                    let status = note.resolved ? " (resolved)" : ""
                    lines.append("      [\(note.kind.rawValue)\(anchor)] \(note.author): \(note.text)\(status)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func citation(_ source: Citation) -> String {
        let authors = source.authors.joined(separator: " – ")
        return "\(source.outlet) \(source.date)" + (authors.isEmpty ? "" : ", \(authors)")
    }
}
