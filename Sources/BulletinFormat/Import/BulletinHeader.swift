/// The masthead of a bulletin: everything above the contents table.
struct BulletinHeader: Sendable, Hashable {
    /// "Năm 2024".
    var yearLine: String
    /// "THỨ NĂM".
    var weekday: String
    /// "Phát hành: 05/9/2024".
    var releaseLine: String
    /// The release date as `YYYY-MM-DD`.
    var date: String
    /// "Bản tin", "Điểm báo".
    var titleLines: [String]
    /// "CẢI CÁCH HÀNH CHÍNH".
    var subject: String
    /// "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)", or empty.
    var cadence: String
    /// The line introducing the contents, or empty.
    var intro: String
}
