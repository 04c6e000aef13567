/// The cheapest way to line up a stretch of old paragraphs with a stretch of new ones: which pairs to treat as
/// one paragraph changed, which old ones were deleted and which new ones inserted (an edit-distance alignment).
enum ParagraphAlignment {
    /// One step of an alignment.
    enum Step: Equatable {
        case pair(old: Int, new: Int)
        case delete(old: Int)
        case insert(new: Int)
    }

    /// Above this many candidate pairs, paragraphs are paired in order instead (the rest deleted or inserted).
    static let pairLimit = 64

    /// The steps, in order, minimising the total cost; ties prefer pairing, then deleting.
    static func align(
        oldCount: Int, newCount: Int, pairCost: (Int, Int) -> Int, deleteCost: (Int) -> Int, insertCost: (Int) -> Int
    ) -> [Step] {
        guard oldCount * newCount <= pairLimit else {
            let paired = min(oldCount, newCount)
            return (0..<paired).map { Step.pair(old: $0, new: $0) }
                + (paired..<oldCount).map { Step.delete(old: $0) }
                + (paired..<newCount).map { Step.insert(new: $0) }
        }
        var cost = Array(repeating: Array(repeating: 0, count: newCount + 1), count: oldCount + 1)
        var choice = Array(
            repeating: Array(repeating: Step.pair(old: 0, new: 0), count: newCount + 1),
            count: oldCount + 1)
        for row in 0...oldCount {
            for column in 0...newCount where row > 0 || column > 0 {
                var best = Int.max
                if row > 0, column > 0 {
                    best = cost[row - 1][column - 1] + pairCost(row - 1, column - 1)
                    choice[row][column] = .pair(old: row - 1, new: column - 1)
                }
                if row > 0, cost[row - 1][column] + deleteCost(row - 1) < best {
                    best = cost[row - 1][column] + deleteCost(row - 1)
                    choice[row][column] = .delete(old: row - 1)
                }
                if column > 0, cost[row][column - 1] + insertCost(column - 1) < best {
                    best = cost[row][column - 1] + insertCost(column - 1)
                    choice[row][column] = .insert(new: column - 1)
                }
                cost[row][column] = best
            }
        }
        var steps: [Step] = []
        var row = oldCount
        var column = newCount
        while row > 0 || column > 0 {
            let step = choice[row][column]
            steps.append(step)
            switch step {
            case .pair:
                row -= 1
                column -= 1
            case .delete:
                row -= 1
            case .insert:
                column -= 1
            }
        }
        return steps.reversed()
    }
}
