import BulletinCore

/// An issue written by hand with the awkward cases the sample lacks: an empty section, a section title not in
/// capitals, articles without citation, without authors, with several, with no date, with no paragraphs, a title
/// with a bar and a backslash, Markdown- and HTML-looking text, a paragraph in capitals, no editor credit.
enum HandmadeIssue {
    static func make() -> IssueModel {
        var number = 0
        func article(_ title: String, _ paragraphs: [String], _ source: Citation?, page: Int?) -> Article {
            number += 1
            return Article(
                id: "a\(number)", number: number, title: title, paragraphs: paragraphs, source: source,
                contentsPage: page)
        }
        let first = Section(
            id: "s1", title: "CHỦ TRƯỞNG CẢI CÁCH", contentsPage: 1,
            articles: [
                article(
                    "Tiêu đề có | gạch đứng và \\ gạch chéo", ["Đoạn một.", "1. Đoạn bắt đầu bằng số."],
                    Citation(outlet: "Baophapluat.vn", date: "05/9", authors: ["Lê Hồng"]), page: 1),
                article(
                    "*Nổi bật* [mới] <b>đậm</b> & 'nháy'", ["# Không phải tiêu đề.", "ĐOẠN VIẾT HOA TOÀN BỘ."],
                    Citation(outlet: "Vnexpress.net", date: "05/9", authors: []), page: nil),
            ])
        let empty = Section(id: "s2", title: "PHÂN TÍCH – BÌNH LUẬN", contentsPage: nil, articles: [])
        let third = Section(
            id: "s3", title: "Tin vắn", contentsPage: 3,
            articles: [
                article("Không có nguồn", ["Đoạn kết thúc bằng (ngoặc đơn)."], nil, page: 3),
                article(
                    "Nhiều tác giả", ["Đoạn duy nhất."],
                    Citation(outlet: "Tuoitre.vn", date: "04/9", authors: ["Hoài Thu", "Minh Quân", "Lan"]), page: 3),
                article(
                    "Không ghi ngày", ["Đoạn."], Citation(outlet: "Chinhphu.vn", date: "", authors: ["An"]), page: 4),
                article("Chỉ có nguồn", [], Citation(outlet: "Nhandan.vn", date: "05/9", authors: ["Bình"]), page: 4),
                article("Không có gì", [], nil, page: 5),
                article("Tiêu đề kết thúc bằng ba chấm...", ["Đoạn."], nil, page: 5),
            ])
        return IssueModel(
            id: "i1", date: "2024-09-06", weekday: "THỨ SÁU", yearLine: "Năm 2024",
            releaseLine: "Phát hành: 06/9/2024", titleLines: ["Bản tin", "Điểm báo"],
            subject: "CẢI CÁCH HÀNH CHÍNH", cadence: "(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)",
            intro: "Trong ngày, một số vấn đề được báo chí quan tâm phản ánh:", editor: "",
            sections: [first, empty, third])
    }
}
