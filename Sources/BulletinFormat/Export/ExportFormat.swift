/// The formats `bulletin export --format` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// The newsroom's printed text layout; importing it gives the issue back.
    case bulletin
    /// Clean Markdown with a linked contents list.
    case markdown
    /// One self-contained printable HTML page.
    case html
    /// The `bulletin show --json` shape.
    case json
}
