/// One piece of a paragraph as the diff and merge see it: a word, a run of whitespace, or one punctuation character.
///
/// Tokens are made of whole grapheme clusters (Swift `Character`s) of NFC text, so no diff, merge or edit built on
/// them can split a cluster or separate a Vietnamese letter from its combining marks.
public struct TextToken: Sendable, Hashable, CustomStringConvertible {
    /// What kind of text a token holds.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Letters, digits and marks, plus `.` `,` `:` `/` `-` `'` `’` `_` `&` `@` between two of them
        /// (so `43.183`, `1/7`, `Cand.com.vn` and `Covid-19` are single words).
        case word
        /// A maximal run of whitespace characters.
        case space
        /// Any other single character: punctuation, symbols, emoji, controls.
        case punctuation
    }

    /// What kind of text this is.
    public var kind: Kind
    /// The text, NFC.
    public var text: String

    /// Creates a token.
    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// The token's text.
    public var description: String { text }
}
