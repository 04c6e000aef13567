/// JSON for people to read: members sorted by their UTF-8 bytes, two-space indentation, a final newline; strings
/// and numbers written as canonical JSON writes them (section 15), so the text parses back to the same value.
///
/// Used for the generated files of `Protocol/` (`contract.json`, `vectors/rejected/`), never on the wire.
public enum PrettyJSON {
    /// The text of `value`.
    public static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: "", to: &out)
        return out + "\n"
    }

    private static func write(_ value: JSONValue, indent: String, to out: inout String) {
        let inner = indent + "  "
        switch value {
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            let sorted = members.sorted { CanonicalJSONWriter.precedesInUTF8($0.key, $1.key) }
            for (index, (name, member)) in sorted.enumerated() {
                out += inner + CanonicalJSON.string(CanonicalJSON.bytes(.string(name))) + ": "
                write(member, indent: inner, to: &out)
                out += index == sorted.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += inner
                write(item, indent: inner, to: &out)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        default:
            out += CanonicalJSON.string(CanonicalJSON.bytes(value))
        }
    }
}
