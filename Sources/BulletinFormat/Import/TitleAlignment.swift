/// One step of pairing contents titles with body headings.
enum AlignmentStep: Sendable, Hashable {
    /// Contents entry `contents` describes body item `body`.
    case pair(contents: Int, body: Int)
    /// A contents entry with no body item.
    case contentsOnly(Int)
    /// A body item the contents table does not list.
    case bodyOnly(Int)
}

/// Pairs the contents table's titles with the body's headings.
///
/// With as many contents entries as headings they pair in order, however different the words (an editor may
/// shorten a title in the contents). Otherwise an alignment keeps the order and maximises title similarity,
/// pairing only titles at least `minimumSimilarity` alike; the rest are reported unpaired.
enum TitleAlignment {
    /// Titles less alike than this are never paired when the counts differ.
    static let minimumSimilarity = 0.5

    /// The steps in document order.
    static func align(contents: [String], body: [String]) -> [AlignmentStep] {
        if contents.count == body.count {
            return body.indices.map { .pair(contents: $0, body: $0) }
        }
        let contentsKeys = contents.map(TitleSimilarity.Key.init)
        let bodyKeys = body.map(TitleSimilarity.Key.init)
        let rows = contents.count + 1
        let columns = body.count + 1
        // best[i * columns + j]: best total similarity aligning the first i contents with the first j headings.
        var best = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns where i > 0 || j > 0 {
                var value = 0.0
                if i > 0 { value = max(value, best[(i - 1) * columns + j]) }
                if j > 0 { value = max(value, best[i * columns + j - 1]) }
                if i > 0, j > 0 {
                    let similarity = TitleSimilarity.score(contentsKeys[i - 1], bodyKeys[j - 1])
                    if similarity >= minimumSimilarity {
                        value = max(value, best[(i - 1) * columns + j - 1] + similarity)
                    }
                }
                best[i * columns + j] = value
            }
        }
        var steps: [AlignmentStep] = []
        var i = contents.count
        var j = body.count
        while i > 0 || j > 0 {
            let here = best[i * columns + j]
            if i > 0, j > 0 {
                let similarity = TitleSimilarity.score(contentsKeys[i - 1], bodyKeys[j - 1])
                if similarity >= minimumSimilarity, here == best[(i - 1) * columns + j - 1] + similarity {
                    steps.append(.pair(contents: i - 1, body: j - 1))
                    i -= 1
                    j -= 1
                    continue
                }
            }
            if j > 0, here == best[i * columns + j - 1] {
                steps.append(.bodyOnly(j - 1))
                j -= 1
            } else {
                steps.append(.contentsOnly(i - 1))
                i -= 1
            }
        }
        return steps.reversed()
    }
}

/// How alike two titles are: the Dice coefficient of their character bigrams, ignoring case and spacing.
enum TitleSimilarity {
    /// A title prepared for comparison.
    struct Key {
        /// Bigram counts of the folded title.
        let bigrams: [String: Int]
        /// The folded title, for the exact-match shortcut.
        let folded: String

        /// Prepares `title`.
        init(_ title: String) {
            folded = TextShape.collapsingWhitespace(title).lowercased()
            let characters = Array(folded)
            var counts: [String: Int] = [:]
            if characters.count >= 2 {
                for index in 0..<(characters.count - 1) {
                    counts[String(characters[index]) + String(characters[index + 1]), default: 0] += 1
                }
            }
            bigrams = counts
        }
    }

    /// 1 for equal titles, 0 for titles with no bigram in common.
    static func score(_ lhs: Key, _ rhs: Key) -> Double {
        if lhs.folded == rhs.folded { return 1 }
        let total = lhs.bigrams.values.reduce(0, +) + rhs.bigrams.values.reduce(0, +)
        guard total > 0 else { return 0 }
        var shared = 0
        for (bigram, count) in lhs.bigrams {
            shared += min(count, rhs.bigrams[bigram] ?? 0)
        }
        return Double(2 * shared) / Double(total)
    }
}
