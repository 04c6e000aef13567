/// Splits a paragraph into ``TextToken``s: words, whitespace runs and single punctuation characters.
///
/// The input is normalised to NFC first (``TextNormalization/normalize(_:)``), so NFC and NFD spellings of the
/// same text give equal tokens. Concatenating the tokens gives back the normalised text exactly.
public enum TextTokenizer {
    /// The tokens of `text`, in order.
    public static func tokens(in text: String) -> [TextToken] {
        tokens(inNormalized: TextNormalization.normalize(text))
    }

    /// The tokens of text that is already NFC with `\n` line endings (skips normalising again).
    static func tokens(inNormalized text: String) -> [TextToken] {
        let characters = Array(text)
        let classes = characters.map(CharacterClass.init)
        var tokens: [TextToken] = []
        tokens.reserveCapacity(characters.count / 3 + 1)
        var index = 0
        while index < characters.count {
            let start = index
            let kind: TextToken.Kind
            switch classes[index] {
            case .space:
                kind = .space
                index += 1
                while index < characters.count, classes[index] == .space { index += 1 }
            case .word:
                kind = .word
                index += 1
                while index < characters.count {
                    if classes[index] == .word {
                        index += 1
                    } else if classes[index] == .joiner, index + 1 < characters.count, classes[index + 1] == .word {
                        index += 2
                    } else {
                        break
                    }
                }
            case .joiner, .other:
                kind = .punctuation
                index += 1
            }
            tokens.append(TextToken(kind: kind, text: String(characters[start..<index])))
        }
        return tokens
    }
}

/// How the tokenizer sees one grapheme cluster.
enum CharacterClass: Equatable {
    case word
    case space
    /// Punctuation that stays inside a word when it stands between two word characters.
    case joiner
    case other

    /// Characters that join two word characters into one word (`43.183`, `1/7`, `Covid-19`, `Cand.com.vn`).
    private static let joiners: Set<Character> = [".", ",", ":", "/", "-", "'", "’", "_", "&", "@", "\u{2010}"]

    init(_ character: Character) {
        if character.isWhitespace {
            self = .space
        } else if character.isLetter || character.isNumber || Self.startsWithMark(character) {
            // A cluster that starts with a combining mark only occurs at the start of a text or after a control
            // character; it is kept whole and counted as part of a word.
            self = .word
        } else if Self.joiners.contains(character) {
            self = .joiner
        } else {
            self = .other
        }
    }

    private static func startsWithMark(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        switch first.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
