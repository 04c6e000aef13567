import BulletinCore

/// A search as typed — words, each optionally ending in `*` for a prefix — folded and turned into an FTS5
/// query over the folded index.
///
/// Every word must occur (AND). A word that folds to several tokens, like `5.700` or `kinh-te`, must occur as
/// that phrase. Quotes and FTS5 operators in the input are taken as plain text, never as syntax.
struct SearchQuery: Sendable, Hashable {
    /// One word of the query: its folded tokens and whether the last one is a prefix.
    struct Term: Sendable, Hashable {
        var tokens: [String]
        var isPrefix: Bool
    }

    /// The query's terms.
    let terms: [Term]

    /// Parses `text`; throws when it holds no searchable word.
    init(_ text: String) throws {
        var terms: [Term] = []
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            let isPrefix = word.hasSuffix("*")
            let tokens = Self.tokens(of: DiacriticFolding.fold(String(word))).map(String.init)
            if !tokens.isEmpty {
                terms.append(Term(tokens: tokens, isPrefix: isPrefix))
            }
        }
        guard !terms.isEmpty else {
            throw StoreError.invalidArgument("the search query '\(text)' has no words to look for")
        }
        self.terms = terms
        self.tokens = Set(terms.flatMap(\.tokens))
        prefixes = terms.filter(\.isPrefix).compactMap(\.tokens.last)
        wholeWords = Set(terms.flatMap { term in term.isPrefix ? term.tokens.dropLast() : term.tokens[...] })
    }

    /// The FTS5 MATCH expression: each term a quoted phrase (quotes cannot occur inside tokens).
    var matchExpression: String {
        terms.map { term in "\"" + term.tokens.joined(separator: " ") + "\"" + (term.isPrefix ? "*" : "") }
            .joined(separator: " ")
    }

    /// Whether a folded word of the text matches one of the query's tokens.
    func matches(_ foldedWord: Substring) -> Bool {
        // Snippets ask this of every word of the paragraphs they look at: one hash lookup, not a comparison per token.
        if wholeWords.contains(String(foldedWord)) {
            return true
        }
        return prefixes.contains { foldedWord.hasPrefix($0) }
    }

    /// Tokens a word must equal, and tokens a word must begin with (each prefix term's last token).
    private let wholeWords: Set<String>
    private let prefixes: [String]

    /// The query's distinct tokens.
    let tokens: Set<String>

    /// Splits folded text into the tokens FTS5's unicode61 tokenizer would see: runs of letters and digits.
    ///
    /// Works on scalars, not characters: folded text has no combining marks, and this runs over whole articles.
    static func tokens(of folded: String) -> [Substring] {
        var tokens: [Substring] = []
        let scalars = folded.unicodeScalars
        var start: String.Index?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let isToken = isTokenScalar(scalars[index])
            if isToken, start == nil {
                start = index
            } else if !isToken, let begin = start {
                tokens.append(folded[begin..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let begin = start {
            tokens.append(folded[begin..<folded.endIndex])
        }
        return tokens
    }

    /// Letters and digits (ASCII at once, others by their Unicode category).
    static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39)
                || (value >= 0x41 && value <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
