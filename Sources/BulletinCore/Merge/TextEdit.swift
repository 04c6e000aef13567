/// A compact edit of an article's paragraphs against a known base value: what travels on the wire instead of
/// the whole text when that is smaller (see ``ParagraphsPayload``).
///
/// Paragraph operations walk the base paragraphs in order; anything after the last operation is kept. Inside an
/// edited paragraph, span operations walk its Unicode scalars (code points) the same way. The base is identified
/// by its paragraph count and ``TextFingerprint``, so applying the edit to any other text fails cleanly.
/// Counts are Unicode scalars of NFC text; edits made by ``make(base:target:)`` only cut at grapheme-cluster
/// boundaries.
public struct TextEdit: Sendable, Hashable {
    /// One step over the base paragraphs.
    public enum ParagraphOperation: Sendable, Hashable {
        /// Copy the next `n` base paragraphs (n > 0). Wire: the positive integer `n`.
        case keep(Int)
        /// Skip the next `n` base paragraphs (n > 0). Wire: the negative integer `-n`.
        case delete(Int)
        /// Add a new paragraph here. Wire: the string.
        case insert(String)
        /// Replace the next base paragraph by the result of these span operations on it. Wire: an array.
        case edit([SpanOperation])
    }

    /// One step over the Unicode scalars of an edited paragraph.
    public enum SpanOperation: Sendable, Hashable {
        /// Copy the next `n` scalars (n > 0). Wire: the positive integer `n`.
        case keep(Int)
        /// Skip the next `n` scalars (n > 0). Wire: the negative integer `-n`.
        case delete(Int)
        /// Add this text here. Wire: the string.
        case insert(String)
    }

    /// How many paragraphs the base has.
    public var baseCount: Int
    /// The base's ``TextFingerprint``.
    public var baseHash: String
    /// The steps over the base paragraphs; the rest of the base after them is kept.
    public var operations: [ParagraphOperation]

    /// Creates an edit from its parts; ``make(base:target:)`` is the usual way.
    public init(baseCount: Int, baseHash: String, operations: [ParagraphOperation]) {
        self.baseCount = baseCount
        self.baseHash = baseHash
        self.operations = operations
    }

    /// The paragraphs this edit produces from `base`.
    /// - Throws: ``TextEditError/baseMismatch(expectedCount:expectedHash:actualCount:actualHash:)`` when `base`
    ///   is not the value the edit was made against; ``TextEditError/malformed(_:)`` when a count is zero or
    ///   negative or runs past the base.
    public func apply(to base: [String]) throws(TextEditError) -> [String] {
        let base = base.map(TextNormalization.normalize)
        let actualHash = TextFingerprint.of(base)
        guard base.count == baseCount, actualHash == baseHash else {
            throw .baseMismatch(
                expectedCount: baseCount, expectedHash: baseHash, actualCount: base.count, actualHash: actualHash)
        }
        var result: [String] = []
        var index = 0
        for operation in operations {
            switch operation {
            case .keep(let count), .delete(let count):
                guard count > 0, count <= base.count - index else {
                    throw .malformed(
                        "a paragraph count of \(count) at paragraph \(index) does not fit the "
                            + "\(base.count) base paragraphs")
                }
                if case .keep = operation { result.append(contentsOf: base[index..<index + count]) }
                index += count
            case .insert(let paragraph):
                result.append(TextNormalization.normalize(paragraph))
            case .edit(let spans):
                guard index < base.count else {
                    throw .malformed("an edit of paragraph \(index) but the base has \(base.count) paragraphs")
                }
                result.append(try Self.apply(spans, to: base[index], paragraph: index))
                index += 1
            }
        }
        result.append(contentsOf: base[index...])
        return result
    }

    /// Applies span operations to one paragraph.
    private static func apply(
        _ spans: [SpanOperation], to paragraph: String, paragraph number: Int
    ) throws(TextEditError) -> String {
        let scalars = Array(paragraph.unicodeScalars)
        var result = String.UnicodeScalarView()
        var position = 0
        for span in spans {
            switch span {
            case .keep(let count), .delete(let count):
                guard count > 0, count <= scalars.count - position else {
                    throw .malformed(
                        "a character count of \(count) at offset \(position) of paragraph \(number) "
                            + "does not fit its \(scalars.count) characters")
                }
                if case .keep = span { result.append(contentsOf: scalars[position..<position + count]) }
                position += count
            case .insert(let text):
                result.append(contentsOf: text.unicodeScalars)
            }
        }
        result.append(contentsOf: scalars[position...])
        return TextNormalization.normalize(String(result))
    }
}
