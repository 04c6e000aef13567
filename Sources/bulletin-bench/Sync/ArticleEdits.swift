import BulletinCore

/// The deterministic edits the benchmark makes: each appends one sentence of about 120 characters of Vietnamese to
/// one paragraph of one article, so the same edit can be made in a store and in the git baseline's files.
enum ArticleEdits {
    private static let sentences = [
        "Sở Nội vụ đề nghị các đơn vị rà soát lại số liệu, bổ sung minh chứng và gửi báo cáo trước ngày 15 hằng tháng.",
        "Ủy ban nhân dân tỉnh yêu cầu công khai quy trình giải quyết thủ tục hành chính tại bộ phận một cửa các cấp.",
        "Theo ý kiến của người dân, thời gian chờ đợi đã giảm rõ rệt kể từ khi áp dụng hồ sơ điện tử trên cổng "
            + "dịch vụ.",
        "Đoàn kiểm tra ghi nhận nhiều chuyển biến tích cực, đồng thời chỉ ra một số tồn tại cần khắc phục trong "
            + "quý tới.",
    ]

    /// The text edit number `number` adds (about 120 characters, NFC).
    static func sentence(_ number: Int) -> String {
        TextNormalization.normalize("[\(number)] " + sentences[number % sentences.count])
    }

    /// `paragraphs` after edit number `number`: the sentence appended to one paragraph.
    static func apply(_ number: Int, to paragraphs: [String]) -> [String] {
        guard !paragraphs.isEmpty else { return [sentence(number)] }
        var edited = paragraphs
        let index = number % edited.count
        edited[index] += " " + sentence(number)
        return edited
    }

    /// The index of the article (in generation order, `0..<articleCount`) that edit number `number` changes.
    ///
    /// Spread over the whole archive with a large odd stride, so consecutive edits hit different issues.
    static func articleIndex(_ number: Int, articleCount: Int) -> Int {
        (number &* 7_919 &+ 13) % max(1, articleCount)
    }
}
