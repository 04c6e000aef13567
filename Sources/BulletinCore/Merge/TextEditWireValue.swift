import Foundation
import SyncProtocol

/// A text-edit type whose wire form is a ``JSONValue``: `Codable` through that form, so that any encoder writes
/// exactly what the protocol carries and any decoder refuses what it would refuse.
public protocol TextEditWireValue: Codable {
    /// The wire form.
    var jsonValue: JSONValue { get }
    /// Reads the wire form.
    init(jsonValue: JSONValue) throws(TextEditError)
}

extension TextEditWireValue {
    /// Decodes the wire form (see ``init(jsonValue:)``).
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            try self.init(jsonValue: value)
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    /// Encodes the wire form (see ``jsonValue``).
    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}
