import Foundation
import Testing

@testable import BulletinCore

@Suite struct InlineDiffTests {
    @Test func aChangedFigureIsMarkedInPlace() {
        #expect(
            InlineDiff.render(from: "Hà Nội đã tiếp nhận 63.000 hồ sơ", to: "Hà Nội đã tiếp nhận 65.000 hồ sơ")
                == "Hà Nội đã tiếp nhận [-63.000-]{+65.000+} hồ sơ")
    }

    @Test func insertionsAndDeletionsAreMarkedAlone() {
        #expect(
            InlineDiff.render(from: "cấp phiếu trên VNeID", to: "cấp phiếu lý lịch trên VNeID")
                == "cấp phiếu {+lý lịch +}trên VNeID")
        #expect(
            InlineDiff.render(from: "cấp phiếu lý lịch trên VNeID", to: "cấp phiếu trên VNeID")
                == "cấp phiếu [-lý lịch -]trên VNeID")
    }

    @Test func neighbouringChangedWordsAreShownAsOneChange() {
        #expect(
            InlineDiff.render(from: "nền tảng vững chắc giúp", to: "cơ sở quan trọng giúp")
                == "[-nền tảng vững chắc-]{+cơ sở quan trọng+} giúp")
    }

    @Test func nfdOnlyDifferencesAreNoDifference() {
        let text = "Thừa Thiên Huế"
        #expect(InlineDiff.render(from: text.decomposedStringWithCanonicalMapping, to: text) == text)
    }

    @Test func ansiStyleColoursTheMarkers() {
        #expect(
            InlineDiff.render(from: "tháng 7", to: "tháng 8", style: .ansi)
                == "tháng \u{1B}[31m[-7-]\u{1B}[0m\u{1B}[32m{+8+}\u{1B}[0m")
    }

    @Test func paragraphsAreDiffedOneByOneWithInsertedAndDeletedParagraphsWhollyMarked() {
        let old = ["Một hai.", "Ba bốn.", "Năm sáu."]
        let new = ["Một hai.", "Ba bảy.", "Mới.", "Năm sáu."]
        #expect(InlineDiff.render(from: old, to: new) == "Một hai.\n\nBa [-bốn-]{+bảy+}.\n\n{+Mới.+}\n\nNăm sáu.")
        #expect(InlineDiff.render(from: new, to: old) == "Một hai.\n\nBa [-bảy-]{+bốn+}.\n\n[-Mới.-]\n\nNăm sáu.")
    }

    @Test func splitsAndJoinsShowTheChangedBreak() {
        #expect(
            InlineDiff.render(from: ["Một hai. Ba bốn."], to: ["Một hai.", "Ba bốn."])
                == "Một hai.[- -]{+¶+}Ba bốn.")
        #expect(
            InlineDiff.render(from: ["Một hai.", "Ba bốn.", "Năm."], to: ["Một hai. Ba bốn.", "Năm."])
                == "Một hai.[-¶-]{+ +}Ba bốn.\n\nNăm.")
    }
}
