import BulletinCore

/// Builds a search result's snippet from the *original* text: the passage with the most matching words, matched
/// words between `«` and `»`.
///
/// Matching happens on folded text; each original character is folded on its own so a folded word maps back to
/// the exact original characters, accents and `đ` intact.
struct SnippetBuilder {
    /// Highlight markers around matched words.
    static let open = "«"
    static let close = "»"

    let query: SearchQuery
    /// How many words a snippet shows.
    var width = 24

    init(query: SearchQuery, width: Int = 24) {
        self.query = query
        self.width = width
    }

    /// The snippet for an article: from the paragraph matching most of the query's words (then most often),
    /// else from the first paragraph (the match was in the title).
    func snippet(title: String, paragraphs: [String]) -> String {
        var best: (index: Int, distinct: Int, hits: Int)?
        for (index, paragraph) in paragraphs.enumerated() {
            let matched = SearchQuery.tokens(of: DiacriticFolding.fold(paragraph)).filter(query.matches)
            let distinct = Set(matched).count
            guard distinct > 0 else { continue }
            if let current = best, (current.distinct, current.hits) >= (distinct, matched.count) { continue }
            best = (index, distinct, matched.count)
            // A paragraph with every word of the query is good enough; long articles need not be read further.
            if distinct >= query.tokens.count { break }
        }
        if let best {
            return passage(of: paragraphs[best.index])
        }
        return passage(of: paragraphs.first ?? title)
    }

    /// The best window of `width` words of `text`, with matches marked and `…` where text was cut.
    func passage(of text: String) -> String {
        let words = self.words(of: text)
        guard !words.isEmpty else { return text }
        let hits = words.map { query.matches($0.folded[...]) }
        // Slide a window over the words and keep the one with most hits (the earliest on ties).
        var bestStart = 0
        var bestCount = -1
        var count = 0
        for index in words.indices {
            if hits[index] { count += 1 }
            if index >= width, hits[index - width] { count -= 1 }
            let start = max(0, index - width + 1)
            if index >= min(width, words.count) - 1, count > bestCount {
                bestCount = count
                bestStart = start
            }
        }
        // Start a few words before the window's first hit: the window's later hits stay in view, and the reader
        // gets some context before the first.
        if let firstHit = (bestStart..<min(words.count, bestStart + width)).first(where: { hits[$0] }) {
            bestStart = max(0, firstHit - 3)
        }
        // Near the end of the text, fill the window backwards rather than show fewer words.
        bestStart = max(0, min(bestStart, words.count - width))
        let end = min(words.count, bestStart + width)
        var output = bestStart > 0 ? "…" : ""
        var cursor = bestStart > 0 ? words[bestStart].range.lowerBound : text.startIndex
        for index in bestStart..<end {
            let word = words[index]
            output += text[cursor..<word.range.lowerBound]
            output += hits[index] ? Self.open + text[word.range] + Self.close : String(text[word.range])
            cursor = word.range.upperBound
        }
        if end < words.count {
            output += "…"
        } else {
            output += text[cursor...]
        }
        return output
    }

    private struct Word {
        var folded: String
        var range: Range<String.Index>
    }

    private func words(of text: String) -> [Word] {
        var words: [Word] = []
        // The current word's fold as UTF-8, one string made per word.
        var folded: [UInt8] = []
        var start: String.Index?
        // Characters in order with their indices: each grapheme boundary is found once (`text.indices` and then
        // `text[index]` found each twice).
        var index = text.startIndex
        for character in text {
            let mark = folded.count
            // A character belongs to a word when it folds to something, all of it letters and digits.
            var isToken = true
            DiacriticFolding.forEachFoldedScalar(of: character) { scalar in
                isToken = isToken && SearchQuery.isTokenScalar(scalar)
                UTF8.encode(scalar) { folded.append($0) }
            }
            if isToken && folded.count > mark {
                if start == nil { start = index }
            } else {
                folded.removeSubrange(mark...)
                if let begin = start {
                    words.append(Word(folded: String(decoding: folded, as: UTF8.self), range: begin..<index))
                    folded.removeAll(keepingCapacity: true)
                    start = nil
                }
            }
            index = text.utf8.index(index, offsetBy: character.utf8.count)
        }
        if let begin = start {
            words.append(Word(folded: String(decoding: folded, as: UTF8.self), range: begin..<text.endIndex))
        }
        return words
    }
}
