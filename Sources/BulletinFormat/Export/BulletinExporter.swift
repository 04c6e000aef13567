import BulletinCore

/// Writes an issue in one of the ``ExportFormat``s.
public enum BulletinExporter {
    /// The issue in `format`, ending with a newline. Articles are numbered 1…n in contents order (sections in
    /// order, then their articles), the same numbers the importer assigns.
    public static func export(_ issue: Issue, as format: ExportFormat) -> String {
        switch format {
        case .bulletin: BulletinTextWriter.write(issue)
        case .markdown: MarkdownWriter.write(issue)
        case .html: HTMLWriter.write(issue)
        case .json: JSONWriter.write(issue)
        }
    }
}
