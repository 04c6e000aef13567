/// A deterministic, minimal diff of two sequences (Myers' O((N+M)·D) algorithm in linear space).
///
/// Common prefixes and suffixes are stripped first. Every sub-problem bisects with Myers' middle-snake search;
/// when a sub-problem needs more edit steps than its budget (inputs that differ almost everywhere and are large),
/// that sub-problem is reported as one replacement instead. The budget depends only on the input sizes, so the
/// result is still deterministic; below about 4 000 elements per side it never applies and the diff is minimal.
/// Memory stays linear in the input size.
public enum SequenceDiff {
    /// The hunks that turn `old` into `new`, sorted; empty when they are equal.
    public static func hunks<Element: Hashable>(from old: [Element], to new: [Element]) -> [DiffHunk] {
        var ids: [Element: Int] = [:]
        ids.reserveCapacity(old.count + new.count)
        func id(_ element: Element) -> Int {
            if let known = ids[element] { return known }
            let next = ids.count
            ids[element] = next
            return next
        }
        let oldIDs = old.map(id)
        let newIDs = new.map(id)
        var engine = MyersDiff(old: oldIDs, new: newIDs)
        engine.run(oldRange: 0..<oldIDs.count, newRange: 0..<newIDs.count)
        return hunks(matching: engine.matches, oldCount: old.count, newCount: new.count)
    }

    /// Turns ordered runs of equal elements into the hunks between them.
    private static func hunks(matching matches: [MyersDiff.Match], oldCount: Int, newCount: Int) -> [DiffHunk] {
        var result: [DiffHunk] = []
        var oldPosition = 0
        var newPosition = 0
        for match in matches + [MyersDiff.Match(old: oldCount, new: newCount, length: 0)] {
            if match.old > oldPosition || match.new > newPosition {
                result.append(DiffHunk(old: oldPosition..<match.old, new: newPosition..<match.new))
            }
            oldPosition = match.old + match.length
            newPosition = match.new + match.length
        }
        return result
    }
}

/// Myers' bisecting diff on integer ids; collects the runs of equal elements in order.
struct MyersDiff {
    /// A run of `length` equal elements starting at `old` and `new`.
    struct Match {
        var old: Int
        var new: Int
        var length: Int
    }

    /// The work a single bisection may do, in elements × edit steps, before it gives up on finding matches.
    static let stepBudget = 32_000_000
    /// The edit steps a bisection may always take, however large the input.
    static let minimumSteps = 256

    let old: [Int]
    let new: [Int]
    private(set) var matches: [Match] = []

    init(old: [Int], new: [Int]) {
        self.old = old
        self.new = new
    }

    /// Diffs `old[oldRange]` against `new[newRange]`, appending matches in order.
    mutating func run(oldRange: Range<Int>, newRange: Range<Int>) {
        var oldLow = oldRange.lowerBound
        var oldHigh = oldRange.upperBound
        var newLow = newRange.lowerBound
        var newHigh = newRange.upperBound
        let prefixStart = (oldLow, newLow)
        while oldLow < oldHigh, newLow < newHigh, old[oldLow] == new[newLow] {
            oldLow += 1
            newLow += 1
        }
        if oldLow > prefixStart.0 {
            matches.append(Match(old: prefixStart.0, new: prefixStart.1, length: oldLow - prefixStart.0))
        }
        var suffix = 0
        while oldHigh > oldLow, newHigh > newLow, old[oldHigh - 1] == new[newHigh - 1] {
            oldHigh -= 1
            newHigh -= 1
            suffix += 1
        }
        if oldLow < oldHigh, newLow < newHigh,
            let split = bisect(oldLow: oldLow, oldCount: oldHigh - oldLow, newLow: newLow, newCount: newHigh - newLow)
        {
            run(oldRange: oldLow..<split.old, newRange: newLow..<split.new)
            run(oldRange: split.old..<oldHigh, newRange: split.new..<newHigh)
        }
        if suffix > 0 {
            matches.append(Match(old: oldHigh, new: newHigh, length: suffix))
        }
    }

    /// Finds a point on a shortest edit path by searching from both ends (the "middle snake");
    /// `nil` when the budget runs out first. Both sub-ranges are non-empty and differ at both ends.
    private func bisect(oldLow: Int, oldCount n: Int, newLow: Int, newCount m: Int) -> (old: Int, new: Int)? {
        let maxD = (n + m + 1) / 2
        let steps = min(maxD, max(Self.minimumSteps, Self.stepBudget / (n + m)))
        let offset = maxD
        let length = 2 * maxD + 2
        var forward = [Int](repeating: -1, count: length)
        var backward = [Int](repeating: -1, count: length)
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let delta = n - m
        let frontChecks = delta % 2 != 0
        var forwardStart = 0
        var forwardEnd = 0
        var backwardStart = 0
        var backwardEnd = 0
        for d in 0..<steps {
            var k = -d + forwardStart
            while k <= d - forwardEnd {
                let index = offset + k
                var x =
                    (k == -d || (k != d && forward[index - 1] < forward[index + 1]))
                    ? forward[index + 1] : forward[index - 1] + 1
                var y = x - k
                while x < n, y < m, old[oldLow + x] == new[newLow + y] {
                    x += 1
                    y += 1
                }
                forward[index] = x
                if x > n {
                    forwardEnd += 2
                } else if y > m {
                    forwardStart += 2
                } else if frontChecks {
                    let mirror = offset + delta - k
                    if mirror >= 0, mirror < length, backward[mirror] != -1, x >= n - backward[mirror] {
                        return (oldLow + x, newLow + y)
                    }
                }
                k += 2
            }
            k = -d + backwardStart
            while k <= d - backwardEnd {
                let index = offset + k
                var x =
                    (k == -d || (k != d && backward[index - 1] < backward[index + 1]))
                    ? backward[index + 1] : backward[index - 1] + 1
                var y = x - k
                while x < n, y < m, old[oldLow + n - 1 - x] == new[newLow + m - 1 - y] {
                    x += 1
                    y += 1
                }
                backward[index] = x
                if x > n {
                    backwardEnd += 2
                } else if y > m {
                    backwardStart += 2
                } else if !frontChecks {
                    let mirror = offset + delta - k
                    if mirror >= 0, mirror < length, forward[mirror] != -1 {
                        let forwardX = forward[mirror]
                        let forwardY = offset + forwardX - mirror
                        if forwardX >= n - x {
                            return (oldLow + forwardX, newLow + forwardY)
                        }
                    }
                }
                k += 2
            }
        }
        return nil
    }
}
