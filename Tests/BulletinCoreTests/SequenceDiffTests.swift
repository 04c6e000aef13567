import Testing

@testable import BulletinCore

@Suite struct SequenceDiffTests {
    /// Rebuilds `new` from `old` and the hunks, checking the hunks' shape on the way.
    private func rebuild<Element: Hashable>(_ old: [Element], _ new: [Element], _ hunks: [DiffHunk]) -> [Element]? {
        var result: [Element] = []
        var oldPosition = 0
        var newPosition = 0
        for hunk in hunks {
            guard !(hunk.old.isEmpty && hunk.new.isEmpty) else { return nil }
            guard hunk.old.lowerBound >= oldPosition, hunk.new.lowerBound >= newPosition else { return nil }
            guard hunk.old.lowerBound - oldPosition == hunk.new.lowerBound - newPosition else { return nil }
            // Hunks are separated by at least one equal element (except the first, which may start at 0).
            if !result.isEmpty || oldPosition > 0 {
                guard hunk.old.lowerBound > oldPosition else { return nil }
            }
            guard old[oldPosition..<hunk.old.lowerBound] == new[newPosition..<hunk.new.lowerBound] else { return nil }
            result += old[oldPosition..<hunk.old.lowerBound]
            result += new[hunk.new]
            oldPosition = hunk.old.upperBound
            newPosition = hunk.new.upperBound
        }
        guard old[oldPosition...] == new[newPosition...] else { return nil }
        result += old[oldPosition...]
        return result
    }

    /// Length of a longest common subsequence, by the textbook dynamic programme (the oracle).
    private func lcsLength(_ old: [Int], _ new: [Int]) -> Int {
        var previous = Array(repeating: 0, count: new.count + 1)
        for element in old {
            var current = Array(repeating: 0, count: new.count + 1)
            for (index, other) in new.enumerated() {
                current[index + 1] = element == other ? previous[index] + 1 : max(previous[index + 1], current[index])
            }
            previous = current
        }
        return previous[new.count]
    }

    @Test func equalSequencesHaveNoHunksAndEmptySidesOneHunk() {
        #expect(SequenceDiff.hunks(from: [1, 2, 3], to: [1, 2, 3]).isEmpty)
        #expect(SequenceDiff.hunks(from: [Int](), to: []).isEmpty)
        #expect(SequenceDiff.hunks(from: [], to: [1, 2]) == [DiffHunk(old: 0..<0, new: 0..<2)])
        #expect(SequenceDiff.hunks(from: [1, 2], to: []) == [DiffHunk(old: 0..<2, new: 0..<0)])
    }

    @Test func oneReplacedWordIsOneSmallHunk() {
        let old = ["Hà", " ", "Nội", " ", "63.000", " ", "hồ", " ", "sơ"]
        let new = ["Hà", " ", "Nội", " ", "65.000", " ", "hồ", " ", "sơ"]
        #expect(SequenceDiff.hunks(from: old, to: new) == [DiffHunk(old: 4..<5, new: 4..<5)])
        #expect(SequenceDiff.hunks(from: ["a", "b", "c"], to: ["a", "c"]) == [DiffHunk(old: 1..<2, new: 1..<1)])
        #expect(SequenceDiff.hunks(from: ["a", "c"], to: ["a", "b", "c"]) == [DiffHunk(old: 1..<1, new: 1..<2)])
    }

    @Test func randomDiffsAreMinimalAndRebuildTheTarget() {
        for seed in randomSeeds {
            var generator = SeededRandom(seed: seed)
            let alphabet = Int.random(in: 2...6, using: &generator)
            let old = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                Int.random(in: 0..<alphabet, using: &generator)
            }
            var new = old
            for _ in 0..<Int.random(in: 0...8, using: &generator) {
                let position = Int.random(in: 0...new.count, using: &generator)
                if Bool.random(using: &generator), position < new.count {
                    new.remove(at: position)
                } else {
                    new.insert(Int.random(in: 0..<alphabet, using: &generator), at: position)
                }
            }
            let hunks = SequenceDiff.hunks(from: old, to: new)
            #expect(rebuild(old, new, hunks) == new, "seed \(seed)")
            let edits = hunks.reduce(0) { $0 + $1.old.count + $1.new.count }
            #expect(edits == old.count + new.count - 2 * lcsLength(old, new), "seed \(seed): not minimal")
            #expect(SequenceDiff.hunks(from: old, to: new) == hunks, "seed \(seed): not deterministic")
        }
    }

    @Test(.timeLimit(.minutes(1)))
    func rewrittenFiveKilobyteParagraphsDiffQuicklyAndExactly() {
        let paragraph = VietnameseFixtures.article.joined(separator: " ")
        var generator = SeededRandom(seed: 7)
        let shuffled = TextTokenizer.tokens(in: paragraph).shuffled(using: &generator)
        let old = TextTokenizer.tokens(in: paragraph)
        let hunks = SequenceDiff.hunks(from: old, to: shuffled)
        #expect(rebuild(old, shuffled, hunks) == shuffled)
    }

    @Test(.timeLimit(.minutes(1)))
    func hugeInputsWithNothingInCommonFallBackToOneReplacement() {
        let old = Array(0..<60_000)
        let new = Array(60_000..<120_000)
        let interleaved = (0..<60_000).map { $0 % 3 == 0 ? $0 : $0 + 200_000 }
        #expect(SequenceDiff.hunks(from: old, to: new) == [DiffHunk(old: 0..<60_000, new: 0..<60_000)])
        let hunks = SequenceDiff.hunks(from: old, to: interleaved)
        #expect(rebuild(old, interleaved, hunks) == interleaved)
    }
}
