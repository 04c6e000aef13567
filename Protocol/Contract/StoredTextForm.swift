/// The one form of stored text (PROTOCOL.md section 21): Unicode NFC without carriage returns, checked with a fast
/// byte scan that settles the scripts a newsroom writes in and leaves everything else to the standard library.
///
/// Why a scan of our own: a push checks the NFC form of every text it receives several times over (the contract's
/// check, the normalisation on the way in, the compact forms made for pullers), and the standard library's quick
/// check looks up normalisation properties scalar by scalar — a fifth of the server's CPU when ~5 KB articles
/// arrive. Vietnamese in NFC is ASCII, Latin-1 and Latin Extended letters and the precomposed letters of Latin
/// Extended Additional, which are all NFC by themselves (quick check "yes", canonical combining class 0), so text
/// made only of those is NFC without a table lookup.
enum StoredTextForm {
    /// Whether `text` is NFC and holds no carriage return.
    static func holds(_ text: String) -> Bool {
        let verdict = text.utf8.withContiguousStorageIfAvailable(scan) ?? .unsure
        switch verdict {
        case .carriageReturn: return false
        case .nfc: return true
        case .unsure:
            if text.utf8.contains(UInt8(ascii: "\r")) { return false }
            var span = text.utf8Span
            return span.checkForNFC(quickCheck: true) || span.checkForNFC(quickCheck: false)
        }
    }

    /// What a byte scan can tell.
    enum Verdict {
        /// A carriage return before any scalar the scan does not know: not the stored form.
        case carriageReturn
        /// Every scalar is NFC by itself with combining class 0, so the text is NFC.
        case nfc
        /// A scalar outside the ranges the scan knows: the standard library decides.
        case unsure
    }

    /// Scans valid UTF-8. Scalars it vouches for: U+0000–U+02FF except CR (ASCII, Latin-1, Latin Extended-A and -B,
    /// IPA, spacing modifiers: no decomposition singletons, no composition exclusions, no combining marks below
    /// U+0300), U+1E00–U+1EFF (Latin Extended Additional: precomposed letters only) and U+2002–U+206F (general
    /// punctuation — quotation marks, dashes, the ellipsis — without the two singletons U+2000 and U+2001).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Verdict {
        guard let base = bytes.baseAddress else { return .nfc }
        typealias Block = SIMD16<UInt8>
        let count = bytes.count
        var index = 0
        while index < count {
            // Runs of ASCII without a carriage return, 16 bytes at a time: most of a Vietnamese text's bytes.
            while index + Block.scalarCount <= count {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: Block.self)
                if any(block .>= Block(repeating: 0x80)) || any(block .== Block(repeating: 0x0D)) { break }
                index += Block.scalarCount
            }
            // Then scalar by scalar through the next block's worth of bytes before trying a block again: in
            // Vietnamese a letter with a mark comes every few bytes, and a block tried at each would mostly fail.
            let stop = min(count, index + Block.scalarCount)
            while index < stop {
                let byte = base[index]
                if byte < 0x80 {
                    if byte == 0x0D { return .carriageReturn }
                    index += 1
                } else if byte < 0xCC {
                    // Lead bytes C2–CB: U+0080–U+02FF.
                    index += 2
                } else if index + 2 < count, byte == 0xE1, (0xB8...0xBB).contains(base[index + 1]) {
                    index += 3
                } else if index + 2 < count, byte == 0xE2,
                    (base[index + 1] == 0x80 && base[index + 2] >= 0x82)
                        || (0x81 == base[index + 1] && base[index + 2] <= 0xAF)
                {
                    index += 3
                } else {
                    return .unsure
                }
            }
        }
        return .nfc
    }
}
