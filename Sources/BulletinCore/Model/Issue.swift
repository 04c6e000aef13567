/// One issue of the bulletin, with its sections and articles: the structured form of a whole bulletin file.
public struct Issue: Codable, Sendable, Hashable, Identifiable {
    /// Lowercase UUID text.
    public var id: String
    /// The publication, e.g. "Điểm báo – Cải cách hành chính".
    public var publication: String
    /// Release date, `YYYY-MM-DD`.
    public var date: String
    /// The weekday line as written, e.g. "THỨ NĂM".
    public var weekday: String
    /// The year line, e.g. "Năm 2024".
    public var yearLine: String
    /// The release line, e.g. "Phát hành: 05/9/2024".
    public var releaseLine: String
    /// The title lines, e.g. ["Bản tin", "Điểm báo"].
    public var titleLines: [String]
    /// The subject line, e.g. "CẢI CÁCH HÀNH CHÍNH".
    public var subject: String
    /// The cadence line, e.g. "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)".
    public var cadence: String
    /// The intro line before the contents table.
    public var intro: String
    /// The editor credited at the end, e.g. "Thanh Hồng".
    public var editor: String
    /// Where the issue stands.
    public var state: PublicationState
    /// Sections in order.
    public var sections: [Section]

    /// Creates an issue.
    public init(
        id: String, publication: String = Issue.defaultPublication, date: String, weekday: String,
        yearLine: String, releaseLine: String, titleLines: [String], subject: String, cadence: String,
        intro: String, editor: String, state: PublicationState = .draft, sections: [Section] = []
    ) {
        self.id = id
        self.publication = publication
        self.date = date
        self.weekday = weekday
        self.yearLine = yearLine
        self.releaseLine = releaseLine
        self.titleLines = titleLines
        self.subject = subject
        self.cadence = cadence
        self.intro = intro
        self.editor = editor
        self.state = state
        self.sections = sections
    }

    /// The newsroom's bulletin.
    public static let defaultPublication = "Điểm báo – Cải cách hành chính"

    /// Every article in contents order.
    public var articles: [Article] { sections.flatMap(\.articles) }
}
