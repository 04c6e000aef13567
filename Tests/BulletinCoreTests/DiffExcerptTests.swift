import Foundation
import Testing

@testable import BulletinCore

/// `bulletin conflicts show` prints only what changed, with a few words of context and the paragraph it is in.
@Suite struct DiffExcerptTests {
    static let long =
        "Theo báo cáo, trong 8 tháng đầu năm 2024, Sở Tư pháp Thành phố Hà Nội đã tiếp nhận gần "
        + "63.000 hồ sơ đề nghị cấp phiếu lý lịch tư pháp, tăng mạnh so với cùng kỳ năm trước, chủ yếu qua cổng "
        + "dịch vụ công trực tuyến."

    @Test func aOneWordChangeInALongParagraphIsOneShortExcerptWithItsParagraph() {
        let old = ["Đoạn mở đầu không đổi.", Self.long, "Đoạn cuối."]
        var new = old
        new[1] = Self.long.replacingOccurrences(of: "63.000", with: "65.000")
        let excerpts = InlineDiff.excerpts(from: old, to: new, context: 3)
        #expect(excerpts.count == 1)
        #expect(excerpts.first?.place == "¶2")
        #expect(excerpts.first?.text == "…tiếp nhận gần [-63.000-]{+65.000+} hồ sơ đề…")
        #expect(!(excerpts.first?.text.contains("Đoạn") ?? true), "unchanged paragraphs are left out")
    }

    @Test func twoChangesFarApartInOneParagraphKeepTheirOwnContext() {
        let new = Self.long.replacingOccurrences(of: "63.000", with: "64.000")
            .replacingOccurrences(of: "trực tuyến", with: "toàn trình")
        let text = InlineDiff.excerpts(from: [Self.long], to: [new], context: 2).first?.text
        #expect(text == "…nhận gần [-63.000-]{+64.000+} hồ sơ…vụ công [-trực tuyến-]{+toàn trình+}.")
    }

    @Test func changesCloseTogetherAreNotCut() {
        #expect(
            InlineDiff.excerpts(from: "tháng 7 năm 2024", to: "tháng 8 năm 2025", context: 3).first?.text
                == "tháng [-7-]{+8+} năm [-2024-]{+2025+}")
    }

    @Test func addedAndRemovedParagraphsAreNamed() {
        let added = InlineDiff.excerpts(from: ["Một.", "Hai."], to: ["Một.", "Hai.", "Ba mới."])
        #expect(added.map(\.place) == ["new ¶3"])
        #expect(added.first?.text == "{+Ba mới.+}")
        let removed = InlineDiff.excerpts(from: ["Một.", "Hai.", "Ba."], to: ["Một.", "Ba."])
        #expect(removed.map(\.place) == ["¶2"])
    }

    @Test func noChangeNoExcerpt() {
        #expect(InlineDiff.excerpts(from: ["Một.", "Hai."], to: ["Một.", "Hai."]).isEmpty)
    }
}
