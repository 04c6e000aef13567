import BulletinCore

/// Word-level differences between two texts, for the conflict view: unchanged, removed and added runs.
enum WordDiff {
    /// A run of text.
    enum Piece: Sendable, Hashable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The runs that turn `old` into `new` (never splitting a word, so never a grapheme cluster).
    static func pieces(from old: String, to new: String) -> [Piece] {
        let before = TextTokenizer.tokens(in: old).map(\.text)
        let after = TextTokenizer.tokens(in: new).map(\.text)
        var pieces: [Piece] = []
        var position = 0
        for hunk in SequenceDiff.hunks(from: before, to: after) {
            if position < hunk.old.lowerBound { pieces.append(.same(before[position..<hunk.old.lowerBound].joined())) }
            if !hunk.old.isEmpty { pieces.append(.removed(before[hunk.old].joined())) }
            if !hunk.new.isEmpty { pieces.append(.added(after[hunk.new].joined())) }
            position = hunk.old.upperBound
        }
        if position < before.count { pieces.append(.same(before[position...].joined())) }
        return pieces
    }

    /// Paragraph by paragraph: unchanged paragraphs as they are, changed ones word by word, added and removed
    /// ones whole.
    static func paragraphs(from old: [String], to new: [String]) -> [[Piece]] {
        var result: [[Piece]] = []
        var position = 0
        for hunk in SequenceDiff.hunks(from: old, to: new) {
            for paragraph in old[position..<hunk.old.lowerBound] { result.append([.same(paragraph)]) }
            let removed = Array(old[hunk.old])
            let added = Array(new[hunk.new])
            for index in 0..<max(removed.count, added.count) {
                switch (index < removed.count ? removed[index] : nil, index < added.count ? added[index] : nil) {
                case (let was?, let now?): result.append(pieces(from: was, to: now))
                case (let was?, nil): result.append([.removed(was)])
                case (nil, let now?): result.append([.added(now)])
                case (nil, nil): break
                }
            }
            position = hunk.old.upperBound
        }
        for paragraph in old[position...] { result.append([.same(paragraph)]) }
        return result
    }

    /// The runs as HTML: `<del>` and `<ins>`, which screen readers announce and which are struck through and
    /// underlined (never colour alone).
    static func nodes(_ pieces: [Piece]) -> [Node] {
        pieces.map { piece in
            switch piece {
            case .same(let text): Node.text(text)
            case .removed(let text): el("del") { text }
            case .added(let text): el("ins") { text }
            }
        }
    }
}
