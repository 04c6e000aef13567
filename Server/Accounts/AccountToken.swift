import Crypto
import Foundation

/// Bearer tokens: how they are made, hashed for storage, and compared.
///
/// A token is `bst_` followed by 32 random bytes (256 bits) from the system's secure generator in base64url without
/// padding (43 characters): 47 characters in all. The prefix makes tokens recognisable (e.g. to secret scanners) and
/// keeps them from starting with `-`, which a command line would take for an option. The server stores only SHA-256
/// of the token's UTF-8 bytes.
public enum AccountToken {
    /// The prefix of every token.
    public static let prefix = "bst_"

    /// A new random token.
    public static func generate() -> String {
        let key = SymmetricKey(size: .bits256)
        return prefix
            + key.withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 of the token's UTF-8 bytes.
    public static func hash(_ token: String) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }

    /// The hash as 64 lowercase hex digits, the form the accounts table stores.
    public static func hashText(_ token: String) -> String {
        hex(hash(token))
    }

    /// Whether two byte strings are equal, in time that depends only on their lengths: every byte is compared
    /// whatever the earlier ones were, so timing does not tell an attacker how much of a hash matched.
    public static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }

    /// Lowercase hex of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of lowercase or uppercase hex text, or `nil` when it is not hex.
    static func bytes(hex text: String) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
