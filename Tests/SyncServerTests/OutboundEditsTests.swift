import BulletinCore
import Testing

@testable import SyncServer

/// `OutboundEdits.smallerEdit` makes the choice `ParagraphsPayload.preferred` makes (so the compact records the log
/// keeps stay the same), including where the full value is the smaller one.
@Suite struct OutboundEditsTests {
    private static func preferredEdit(base: [String], target: [String]) -> TextEdit? {
        guard case .edit(let edit) = ParagraphsPayload.preferred(base: base, target: target) else { return nil }
        return edit
    }

    @Test func choosesAsThePreferredPayloadDoes() {
        let long = String(repeating: "Bộ Nội vụ hướng dẫn cải cách hành chính năm 2024. ", count: 40)
        let pairs: [(base: [String], target: [String])] = [
            ([], []),
            ([""], [""]),
            (["a"], ["a"]),
            (["ab", "c"], ["ab", "c"]),
            ([long, "Đoạn hai."], [long, "Đoạn hai."]),
            ([long], [long, "Đoạn mới."]),
            (["Một."], ["Hai."]),
            (["x"], []),
            ([], ["Một đoạn hoàn toàn mới, dài hơn một chút."]),
            ([long, long], [long + " Thêm.", long]),
        ]
        for (base, target) in pairs {
            #expect(
                OutboundEdits.smallerEdit(base: base, target: target)
                    == Self.preferredEdit(base: base, target: target), "base \(base.count), target \(target.count)")
        }
    }
}
