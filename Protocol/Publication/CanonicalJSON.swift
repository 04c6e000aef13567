import Foundation

/// The canonical JSON form of PROTOCOL.md section 15 (sorted keys, no whitespace, `/` unescaped), as bytes.
///
/// Publication signatures are made and checked over these bytes, so signer and verifier must agree on them exactly.
public enum CanonicalJSON {
    /// The canonical UTF-8 bytes of `value`.
    ///
    /// - Throws: `EncodingError` when the value holds something JSON cannot express (a non-finite number).
    public static func bytes(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
