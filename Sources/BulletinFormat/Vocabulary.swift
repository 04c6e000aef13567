// Import and export of the bulletin text format, Markdown, HTML and JSON.

/// The fixed words of the printed bulletin, shared by the importer and the exporters so they never drift apart.
enum Vocabulary {
    /// The label of the back-to-top link that closes every article.
    static let backToTopLabel = "Về đầu trang"
    /// The back-to-top link after every article but the last: `[Về đầu trang](#)`.
    static let backToTop = "[Về đầu trang](#)"
    /// The back-to-top link after the last article, with the closing mark `./.`.
    static let finalBackToTop = "[Về đầu trang./.](#)"
    /// The words before the editor's name in the closing credit.
    static let editorCredit = "Biên tập viên"
    /// The words before the release date.
    static let releasePrefix = "Phát hành:"
    /// The word before the year in the year line.
    static let yearPrefix = "Năm"
    /// The dot leader the exporter puts after article titles in the contents table.
    static let dotLeader = "....."
    /// The first two lines of the contents table: an empty header row and the separator.
    static let contentsTableHead = ["| | |", "|--|----|"]
    /// Weekday lines indexed by Gregorian weekday number (1 = Sunday).
    static let weekdays = ["CHỦ NHẬT", "THỨ HAI", "THỨ BA", "THỨ TƯ", "THỨ NĂM", "THỨ SÁU", "THỨ BẢY"]
    /// Title lines printed when an issue has none (a new issue created without a header).
    static let defaultTitleLines = ["Bản tin", "Điểm báo"]
    /// Subject printed when an issue has none.
    static let defaultSubject = "CẢI CÁCH HÀNH CHÍNH"
    /// The cadence line of a new issue.
    static let defaultCadence = "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)"
    /// The intro line of a new issue.
    static let defaultIntro = "Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:"
}
