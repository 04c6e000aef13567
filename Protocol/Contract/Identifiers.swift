/// Checks on the identifiers the data contract uses.
public enum Identifiers {
    /// Whether `text` is a UUID in lowercase text form, e.g. `0b7c5c9e-4f7a-4c1e-9a53-1d2f3e4a5b6c`.
    public static func isLowercaseUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            switch index {
            case 8, 13, 18, 23:
                guard byte == UInt8(ascii: "-") else { return false }
            default:
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                let isLowerHex = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f")
                guard isDigit || isLowerHex else { return false }
            }
        }
        return true
    }
}
