/// The base check of a ``TextEdit``: a 64-bit FNV-1a hash of the paragraphs, as 16 lowercase hex digits.
///
/// The bytes hashed are, for each paragraph in order, its UTF-8 bytes (NFC) followed by the byte `0xFF`, which
/// never occurs in UTF-8 and so separates paragraphs unambiguously. FNV-1a 64: start with
/// `0xcbf29ce484222325`; for each byte, XOR it in, then multiply by `0x100000001b3` modulo 2^64.
public enum TextFingerprint {
    /// The fingerprint of paragraphs that are already NFC.
    public static func of(_ paragraphs: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        func mix(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* prime
            }
        }
        for paragraph in paragraphs {
            // Over the contiguous bytes when the string has them (native strings do): the UTF-8 view's iterator
            // is several times slower, and a push fingerprints every article it logs.
            if paragraph.utf8.withContiguousStorageIfAvailable({ mix($0) }) == nil { mix(paragraph.utf8) }
            hash = (hash ^ 0xFF) &* prime
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Whether `text` has the fingerprint's shape: exactly 16 lowercase hex digits.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 16 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
