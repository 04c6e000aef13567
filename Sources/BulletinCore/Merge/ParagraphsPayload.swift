import Foundation
import SyncProtocol

/// How an article's `paragraphs` travel in a change record: the whole value, or a ``TextEdit`` against the
/// version named in the record's `base` — whichever is smaller.
///
/// Wire form: the full value is the JSON array of strings itself; an edit is the edit's JSON object. A reader
/// tells them apart by the JSON type.
public enum ParagraphsPayload: Sendable, Hashable {
    /// The whole value.
    case full([String])
    /// An edit against the base value.
    case edit(TextEdit)

    /// The smaller encoding of `target`: an edit against `base` when one is known and its JSON is strictly
    /// smaller than the full value's, otherwise the full value.
    public static func preferred(base: [String]?, target: [String]) -> ParagraphsPayload {
        let target = target.map(TextNormalization.normalize)
        guard let base else { return .full(target) }
        let edit = TextEdit.make(base: base, target: target)
        let full = ParagraphsPayload.full(target)
        let candidate = ParagraphsPayload.edit(edit)
        return candidate.encodedSize < full.encodedSize ? candidate : full
    }

    /// The paragraphs this payload stands for.
    /// - Parameter base: The base value, needed only for an edit.
    /// - Throws: ``TextEditError`` when an edit has no base or does not fit it.
    public func resolved(against base: [String]?) throws(TextEditError) -> [String] {
        switch self {
        case .full(let paragraphs):
            return paragraphs.map(TextNormalization.normalize)
        case .edit(let edit):
            guard let base else {
                throw .baseMismatch(
                    expectedCount: edit.baseCount, expectedHash: edit.baseHash, actualCount: 0,
                    actualHash: TextFingerprint.of([]))
            }
            return try edit.apply(to: base)
        }
    }

    /// The wire form: a JSON array of strings, or a text edit object.
    public var jsonValue: JSONValue {
        switch self {
        case .full(let paragraphs): .array(paragraphs.map(JSONValue.string))
        case .edit(let edit): edit.jsonValue
        }
    }

    /// Reads the wire form.
    /// - Throws: ``TextEditError/malformed(_:)`` when it is neither an array of strings nor a text edit.
    public init(jsonValue: JSONValue) throws(TextEditError) {
        switch jsonValue {
        case .array(let items):
            var paragraphs: [String] = []
            paragraphs.reserveCapacity(items.count)
            for item in items {
                guard let paragraph = item.stringValue else {
                    throw .malformed("paragraphs must be an array of strings or a text edit object")
                }
                paragraphs.append(paragraph)
            }
            self = .full(paragraphs)
        case .object:
            self = .edit(try TextEdit(jsonValue: jsonValue))
        default:
            throw .malformed("paragraphs must be an array of strings or a text edit object")
        }
    }

    /// The bytes of the compact JSON encoding (sorted keys, unescaped slashes: the frame codec's settings).
    public var encodedSize: Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and integers cannot fail; an impossible failure only makes this payload lose.
        return (try? encoder.encode(jsonValue))?.count ?? Int.max
    }
}

extension ParagraphsPayload: TextEditWireValue {}

extension TextEdit {
    /// The smaller of the full value and an edit against `base`; see ``ParagraphsPayload/preferred(base:target:)``.
    public static func preferred(base: [String]?, target: [String]) -> ParagraphsPayload {
        ParagraphsPayload.preferred(base: base, target: target)
    }
}
