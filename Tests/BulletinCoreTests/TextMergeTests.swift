import Foundation
import Testing

@testable import BulletinCore

@Suite struct TextMergeTests {
    private let figures =
        "Tại TP Hà Nội đã tiếp nhận gần 63.000 hồ sơ, trong đó yêu cầu cấp trên ứng dụng VNeID là "
        + "43.183 hồ sơ, chiếm 69,3%, tăng trên 13.000 hồ sơ so với tháng 7/2024."
    private let second = "Tại tỉnh Thừa Thiên Huế, đã tiếp nhận 6.3322 hồ sơ, chiếm 76,1%."
    private let third = "Những kết quả từ việc thí điểm sẽ là nền tảng vững chắc."

    private func merge(
        _ base: [String], _ mine: [String], _ theirs: [String],
        prefer side: MergeSide = .theirs
    ) -> MergeOutcome<[String]> {
        TextMerge.merge(base: base, mine: mine, theirs: theirs, prefer: side)
    }

    private func replacing(_ text: String, _ old: String, _ new: String) -> String {
        text.replacingOccurrences(of: old, with: new)
    }

    // MARK: one side, both sides identical

    @Test func aChangeOnOneSideIsTaken() {
        let base = [figures, second]
        let mine = [replacing(figures, "63.000", "65.000"), second]
        #expect(merge(base, mine, base) == .merged(mine))
        #expect(merge(base, base, mine) == .merged(mine))
    }

    @Test func identicalEditsOnBothSidesMergeCleanly() {
        let base = [figures, second]
        let both = [replacing(figures, "69,3%", "69,5%"), second]
        #expect(merge(base, both, both) == .merged(both))
        // The same fix on both sides plus a further fix on one side is still clean.
        let more = [replacing(both[0], "13.000", "13.500"), second]
        #expect(merge(base, more, both) == .merged(more))
        #expect(merge(base, both, more) == .merged(more))
    }

    // MARK: word level inside one paragraph

    @Test func twoTypoFixesInOneParagraphMergeCleanly() {
        let base = ["Thủ tuc hành chinh được cắt giảm, người dân hài lòng."]
        let mine = ["Thủ tục hành chinh được cắt giảm, người dân hài lòng."]
        let theirs = ["Thủ tuc hành chính được cắt giảm, người dân hài lòng."]
        #expect(merge(base, mine, theirs) == .merged(["Thủ tục hành chính được cắt giảm, người dân hài lòng."]))
    }

    @Test func twoFigureFixesInOneParagraphMergeCleanly() {
        let base = [figures, second, third]
        let mine = [replacing(figures, "63.000", "65.000"), second, third]
        let theirs = [replacing(figures, "43.183", "43.813"), second, third]
        let expected = [replacing(replacing(figures, "63.000", "65.000"), "43.183", "43.813"), second, third]
        #expect(merge(base, mine, theirs) == .merged(expected))
    }

    @Test func adjacentWordsChangedByDifferentEditorsMergeCleanly() {
        let base = ["cấp Phieu ly lịch tư pháp"]
        let mine = ["cấp Phiếu ly lịch tư pháp"]
        let theirs = ["cấp Phieu lý lịch tư pháp"]
        #expect(merge(base, mine, theirs) == .merged(["cấp Phiếu lý lịch tư pháp"]))
    }

    @Test func aWordDeletedNextToAWordTheOtherSideFixedMergesCleanly() {
        let base = ["người dân hai lòng với thủ tuc"]
        // Mine deletes "hai" (between "dân" and "lòng"); theirs fixes the word on one side or the other.
        let mine = ["người dân lòng với thủ tuc"]
        #expect(merge(base, mine, ["người dân hai lòng với thủ tục"]) == .merged(["người dân lòng với thủ tục"]))
        #expect(merge(base, mine, ["người dân hai lồng với thủ tuc"]) == .merged(["người dân lồng với thủ tuc"]))
        #expect(merge(base, mine, ["người dâns hai lòng với thủ tuc"]) == .merged(["người dâns lòng với thủ tuc"]))
        // A word inserted next to a fixed word, on either side of it.
        let inserted = ["người dân rất hai lòng với thủ tuc"]
        #expect(
            merge(base, inserted, ["người dân hài lòng với thủ tuc"])
                == .merged(["người dân rất hài lòng với thủ tuc"]))
        #expect(
            merge(base, inserted, ["người dận hai lòng với thủ tuc"])
                == .merged(["người dận rất hai lòng với thủ tuc"]))
    }

    @Test func nfdAndNFCSidesCompareEqualAndTheResultIsNFC() {
        let base = [figures, second]
        let mine = [
            replacing(figures, "63.000", "65.000").decomposedStringWithCanonicalMapping,
            second.decomposedStringWithCanonicalMapping,
        ]
        let theirs = [figures, replacing(second, "6.3322", "6.332")]
        let outcome = merge(base.map(\.decomposedStringWithCanonicalMapping), mine, theirs)
        let expected = [replacing(figures, "63.000", "65.000"), replacing(second, "6.3322", "6.332")]
        #expect(outcome == .merged(expected))
        #expect(outcome.value.allSatisfy { $0.isNFC })
        // A side that only re-spelled the text in NFD changed nothing.
        #expect(merge(base, base.map(\.decomposedStringWithCanonicalMapping), theirs) == .merged(theirs))
    }

    // MARK: conflicts

    @Test func overlappingDifferentEditsConflictWithBothSidesAndADeterministicCurrentValue() throws {
        let base = [figures, second]
        let mine = [replacing(replacing(figures, "43.183", "43.813"), "13.000", "13.500"), second]
        let theirs = [replacing(figures, "43.183", "43.118"), replacing(second, "76,1%", "76,4%")]
        let outcome = merge(base, mine, theirs, prefer: .theirs)
        let detail = try #require(outcome.conflict)
        #expect(detail.base == base)
        #expect(detail.mine == mine)
        #expect(detail.theirs == theirs)
        #expect(detail.regionCount == 1)
        #expect(detail.currentSide == .theirs)
        // Clean parts of both sides are kept; the conflicting figure comes from the preferred side.
        #expect(
            detail.current == [
                replacing(replacing(figures, "43.183", "43.118"), "13.000", "13.500"),
                replacing(second, "76,1%", "76,4%"),
            ])
        let preferringMine = try #require(merge(base, mine, theirs, prefer: .mine).conflict)
        #expect(
            preferringMine.current == [
                replacing(replacing(figures, "43.183", "43.813"), "13.000", "13.500"),
                replacing(second, "76,1%", "76,4%"),
            ])
    }

    @Test func separateConflictsAreCounted() throws {
        let base = [figures]
        let mine = [replacing(replacing(figures, "63.000", "64.000"), "7/2024", "8/2024")]
        let theirs = [replacing(replacing(figures, "63.000", "62.000"), "7/2024", "6/2024")]
        let detail = try #require(merge(base, mine, theirs).conflict)
        #expect(detail.regionCount == 2)
        #expect(detail.current == theirs)
    }

    @Test func wordEditVersusParagraphDeleteConflicts() throws {
        let base = [figures, second, third]
        let mine = [figures, replacing(second, "6.3322", "6.332"), third]
        let theirs = [figures, third]
        let detail = try #require(merge(base, mine, theirs, prefer: .theirs).conflict)
        #expect(detail.current == theirs)
        #expect(try #require(merge(base, mine, theirs, prefer: .mine).conflict).current == mine)
    }

    @Test func differentParagraphsInsertedAtTheSamePlaceConflict() throws {
        let base = [figures, third]
        let mine = [figures, "Đoạn mới của biên tập viên A.", third]
        let theirs = [figures, "Đoạn mới của biên tập viên B.", third]
        let detail = try #require(merge(base, mine, theirs, prefer: .mine).conflict)
        #expect(detail.current == mine)
    }

    @Test func bothSidesRewritingTheSameSentenceDifferentlyConflict() {
        let base = [third]
        let mine = ["Kết quả thí điểm là nền tảng vững chắc."]
        let theirs = ["Những kết quả này là cơ sở quan trọng."]
        #expect(merge(base, mine, theirs).conflict != nil)
    }

    // MARK: paragraph structure on one side, words on the other

    @Test func paragraphInsertedOnOneSideMergesWithWordEditsOnTheOther() {
        let base = [figures, second, third]
        let mine = [figures, second, "Đoạn bổ sung về lệ phí.", third]
        let theirs = [replacing(figures, "63.000", "65.000"), second, replacing(third, "vững chắc", "vững vàng")]
        #expect(
            merge(base, mine, theirs)
                == .merged([
                    replacing(figures, "63.000", "65.000"), second,
                    "Đoạn bổ sung về lệ phí.",
                    replacing(third, "vững chắc", "vững vàng"),
                ]))
    }

    @Test func paragraphInsertedBetweenParagraphsWhoseNeighbouringWordsTheOtherSideEditedMergesCleanly() {
        let base = ["Hồ sơ đã tiếp nhận đủ", "Kết quả tốt"]
        let mine = ["Hồ sơ đã tiếp nhận đủ", "Đoạn mới", "Kết quả tốt"]
        let theirs = ["Hồ sơ đã tiếp nhận đầy đủ", "Các kết quả tốt"]
        let edgeWords = ["Hồ sơ đã tiếp nhận dủ", "Kêt quả tốt"]
        #expect(merge(base, mine, theirs) == .merged(["Hồ sơ đã tiếp nhận đầy đủ", "Đoạn mới", "Các kết quả tốt"]))
        #expect(merge(base, mine, edgeWords) == .merged(["Hồ sơ đã tiếp nhận dủ", "Đoạn mới", "Kêt quả tốt"]))
        #expect(merge(base, edgeWords, mine) == .merged(["Hồ sơ đã tiếp nhận dủ", "Đoạn mới", "Kêt quả tốt"]))
    }

    @Test func bothSidesSplittingAParagraphTheSameWayKeepBothSidesWordEdits() {
        let base = [figures + " " + second]
        let mine = [replacing(figures, "63.000", "65.000"), second]
        let theirs = [figures, replacing(second, "76,1%", "76,4%")]
        #expect(
            merge(base, mine, theirs)
                == .merged([
                    replacing(figures, "63.000", "65.000"),
                    replacing(second, "76,1%", "76,4%"),
                ]))
    }

    @Test func paragraphDeletedOnOneSideMergesWithEditsOfOtherParagraphs() {
        let base = [figures, second, third]
        let mine = [figures, third]
        let theirs = [replacing(figures, "7/2024", "8/2024"), second, third]
        #expect(merge(base, mine, theirs) == .merged([replacing(figures, "7/2024", "8/2024"), third]))
    }

    @Test func paragraphSplitOnOneSideMergesWithWordEditsInBothHalves() {
        let base = [figures + " " + second]
        let mine = [figures, second]
        let theirs = [replacing(figures, "63.000", "65.000") + " " + replacing(second, "76,1%", "76,4%")]
        #expect(
            merge(base, mine, theirs)
                == .merged([
                    replacing(figures, "63.000", "65.000"),
                    replacing(second, "76,1%", "76,4%"),
                ]))
        // The same with the sides swapped.
        #expect(
            merge(base, theirs, mine)
                == .merged([
                    replacing(figures, "63.000", "65.000"),
                    replacing(second, "76,1%", "76,4%"),
                ]))
    }

    @Test func paragraphJoinOnOneSideMergesWithWordEditsInBothParagraphs() {
        let base = [figures, second, third]
        let mine = [figures + " " + second, third]
        let theirs = [replacing(figures, "13.000", "13.500"), replacing(second, "6.3322", "6.332"), third]
        #expect(
            merge(base, mine, theirs)
                == .merged([
                    replacing(figures, "13.000", "13.500") + " " + replacing(second, "6.3322", "6.332"), third,
                ]))
    }

    @Test func splitVersusAnEditRightAtTheSplitPointConflicts() {
        let base = ["Hồ sơ đã tiếp nhận. Kết quả tốt."]
        let mine = ["Hồ sơ đã tiếp nhận.", "Kết quả tốt."]
        #expect(merge(base, mine, ["Hồ sơ đã tiếp nhận, kết quả tốt."]).conflict != nil)
        #expect(merge(base, mine, ["Hồ sơ đã tiếp nhận và kết quả tốt."]).conflict != nil)
        // One word away from the split point is no longer ambiguous.
        #expect(
            merge(base, mine, ["Hồ sơ đã được tiếp nhận. Kết quả rất tốt."])
                == .merged(["Hồ sơ đã được tiếp nhận.", "Kết quả rất tốt."]))
    }

    @Test func emptyParagraphsAndEmptyArticlesAreHandled() {
        #expect(merge([], ["Một"], []) == .merged(["Một"]))
        #expect(merge(["Một", ""], ["Một", "", "Hai"], ["Một!", ""]) == .merged(["Một!", "", "Hai"]))
        #expect(merge(["Một"], [], ["Một"]) == .merged([]))
        #expect(merge(["Một"], [], ["Một lần"]).conflict != nil)
    }

    // MARK: properties

    /// Base article plus two sets of edits that never come within one word of each other, and the expected
    /// result built directly from the words.
    private struct DisjointScenario {
        var base: [[String]]
        var mine: [[String]]
        var theirs: [[String]]
        var expected: [[String]]
    }

    private func disjointScenario(seed: UInt64) -> DisjointScenario {
        var generator = SeededRandom(seed: seed)
        let base = RandomVietnamese.article(using: &generator)
        var mine = base
        var theirs = base
        var expected = base
        var fresh = 0
        func freshWord() -> String {
            fresh += 1
            return "mới\(fresh)ấy"
        }
        for paragraph in base.indices {
            // Walk the words, giving every change a gap of two untouched words to the next one.
            var index = Int.random(in: 0...2, using: &generator)
            while index < base[paragraph].count {
                switch Int.random(in: 0..<3, using: &generator) {
                case 0:
                    let word = freshWord()
                    mine[paragraph][index] = word
                    expected[paragraph][index] = word
                case 1:
                    let word = freshWord()
                    theirs[paragraph][index] = word
                    expected[paragraph][index] = word
                default:
                    break
                }
                index += Int.random(in: 3...6, using: &generator)
            }
        }
        // Structural change on mine: split one paragraph at a word that neither side touched, or add a paragraph.
        if Bool.random(using: &generator) {
            let paragraph = Int.random(in: 0..<base.count, using: &generator)
            let words = base[paragraph]
            let mineWords = mine[paragraph]
            let theirsWords = theirs[paragraph]
            let untouched: [Bool] = words.indices.map { mineWords[$0] == words[$0] && theirsWords[$0] == words[$0] }
            let candidates: [Int] = Array(2..<max(2, words.count - 1)).filter { (cut: Int) -> Bool in
                untouched[cut - 2] && untouched[cut - 1] && untouched[cut] && untouched[cut + 1]
            }
            if let cut = candidates.randomElement(using: &generator) {
                mine.insert(Array(mine[paragraph][cut...]), at: paragraph + 1)
                mine[paragraph].removeSubrange(cut...)
                expected.insert(Array(expected[paragraph][cut...]), at: paragraph + 1)
                expected[paragraph].removeSubrange(cut...)
            }
        } else {
            let at = Int.random(in: 0...base.count, using: &generator)
            let added = [freshWord(), "đoạn", freshWord()]
            mine.insert(added, at: at)
            expected.insert(added, at: at)
        }
        return DisjointScenario(base: base, mine: mine, theirs: theirs, expected: expected)
    }

    @Test func randomNonOverlappingEditsAlwaysMergeCleanlyWithEveryEdit() {
        for seed in randomSeeds {
            var generator = SeededRandom(seed: seed &+ 1_000_000)
            let scenario = disjointScenario(seed: seed)
            let outcome = merge(
                RandomVietnamese.mixedForms(RandomVietnamese.text(scenario.base), using: &generator),
                RandomVietnamese.mixedForms(RandomVietnamese.text(scenario.mine), using: &generator),
                RandomVietnamese.text(scenario.theirs))
            #expect(outcome == .merged(RandomVietnamese.text(scenario.expected)), "seed \(seed)")
        }
    }

    @Test func randomMergesAreSymmetricIdempotentAndNFC() {
        for seed in randomSeeds {
            var generator = SeededRandom(seed: seed)
            let base = RandomVietnamese.article(using: &generator)
            let mine = RandomVietnamese.text(RandomVietnamese.mutate(base, using: &generator))
            let theirs = RandomVietnamese.text(RandomVietnamese.mutate(base, using: &generator))
            let baseText = RandomVietnamese.text(base)
            let forward = merge(baseText, mine, theirs, prefer: .mine)
            let swapped = merge(baseText, theirs, mine, prefer: .theirs)
            #expect(forward.value == swapped.value, "seed \(seed)")
            #expect((forward.conflict == nil) == (swapped.conflict == nil), "seed \(seed)")
            #expect(forward.value.allSatisfy { $0.isNFC }, "seed \(seed)")
            let normalizedMine = mine.map(TextNormalization.normalize)
            #expect(merge(baseText, mine, mine) == .merged(normalizedMine), "seed \(seed)")
            #expect(merge(baseText, mine, baseText) == .merged(normalizedMine), "seed \(seed)")
            if let detail = forward.conflict {
                #expect(detail.mine == normalizedMine, "seed \(seed)")
                #expect(detail.theirs == theirs.map(TextNormalization.normalize), "seed \(seed)")
                #expect(detail.regionCount > 0, "seed \(seed)")
            }
        }
    }
}
