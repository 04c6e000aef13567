/// A token of several paragraphs seen as one stream: each paragraph's tokens followed by a paragraph break.
///
/// Ending every paragraph (not separating them) with a break keeps the mapping one-to-one: `[]` is the empty
/// stream and `[""]` is a single break. Merging streams is what lets a paragraph split or join on one side merge
/// with word edits on the other.
enum StreamToken: Hashable, Sendable {
    case text(TextToken)
    case paragraphBreak

    /// The stream of `paragraphs`, which must already be NFC.
    static func stream<Paragraphs: Sequence<String>>(of paragraphs: Paragraphs) -> [StreamToken] {
        var result: [StreamToken] = []
        for paragraph in paragraphs {
            result.append(contentsOf: TextTokenizer.tokens(inNormalized: paragraph).map(StreamToken.text))
            result.append(.paragraphBreak)
        }
        return result
    }

    /// The paragraphs of a stream; text after the last break (which a well-formed stream never has) becomes a
    /// final paragraph so nothing is dropped.
    static func paragraphs<Tokens: Sequence<StreamToken>>(of stream: Tokens) -> [String] {
        var result: [String] = []
        var current = ""
        var pending = false
        for token in stream {
            switch token {
            case .text(let piece):
                current += piece.text
                pending = true
            case .paragraphBreak:
                result.append(current)
                current = ""
                pending = false
            }
        }
        if pending { result.append(current) }
        return result
    }
}
