/// The header a new issue starts with: the newsroom's standard lines for its date.
public enum IssueTemplate {
    /// The bulletin's title lines.
    public static let titleLines = ["Bản tin", "Điểm báo"]
    /// The subject line.
    public static let subject = "CẢI CÁCH HÀNH CHÍNH"
    /// The cadence line.
    public static let cadence = "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)"
    /// The intro line before the contents table.
    public static let intro = "Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:"

    /// A draft issue for `date` credited to `editor`, with no sections.
    public static func issue(id: String, date: CivilDate, editor: String) -> Issue {
        let day = date.day < 10 ? "0\(date.day)" : String(date.day)
        return Issue(
            id: id, date: date.description, weekday: date.vietnameseWeekday, yearLine: "Năm \(date.year)",
            releaseLine: "Phát hành: \(day)/\(date.month)/\(date.year)", titleLines: titleLines, subject: subject,
            cadence: cadence, intro: intro, editor: editor)
    }
}
