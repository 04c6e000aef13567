/// The canonical JSON form of PROTOCOL.md section 15 (no whitespace, members sorted by the UTF-8 bytes of their
/// names, `/` unescaped, the section's string and number rules), as bytes.
///
/// Publication signatures are made and checked over these bytes, so signer and verifier must agree on them exactly;
/// both use the writer that produces every message on the wire.
public enum CanonicalJSON {
    /// The canonical UTF-8 bytes of `value`.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        writer.value(value)
        return writer.bytes
    }
}
