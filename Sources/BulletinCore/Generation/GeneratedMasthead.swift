/// The masthead of generated issues: the newsroom's standard lines for a date.
///
/// Commands make new issues with `BulletinFormat.IssueTemplate`, whose vocabulary the importer and exporters share;
/// this copy exists because generation lives in BulletinCore, below BulletinFormat. A test keeps the two in step.
enum GeneratedMasthead {
    /// The bulletin's title lines.
    static let titleLines = ["Bản tin", "Điểm báo"]
    /// The subject line.
    static let subject = "CẢI CÁCH HÀNH CHÍNH"
    /// The cadence line.
    static let cadence = "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)"
    /// The intro line before the contents table.
    static let intro = "Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:"

    /// A draft issue for `date` credited to `editor`, with no sections.
    static func issue(id: String, date: CivilDate, editor: String) -> Issue {
        let day = date.day < 10 ? "0\(date.day)" : String(date.day)
        return Issue(
            id: id, date: date.description, weekday: date.vietnameseWeekday, yearLine: "Năm \(date.year)",
            releaseLine: "Phát hành: \(day)/\(date.month)/\(date.year)", titleLines: titleLines, subject: subject,
            cadence: cadence, intro: intro, editor: editor)
    }
}
