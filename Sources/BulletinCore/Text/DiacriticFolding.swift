import Foundation

/// Folds text for diacritics-insensitive search: "Đồng Cải cách" → "dong cai cach".
///
/// Both the client's and the server's search index and their queries go through ``fold(_:)``, so that a query
/// typed with or without accents finds the same text.
public enum DiacriticFolding {
    /// Returns `text` decomposed (NFD), without combining marks, with `đ`/`Đ` as `d`, in lower case.
    ///
    /// `đ` needs its own rule because Unicode does not decompose it into `d` plus a mark. The result is the same
    /// as folding scalar by scalar, which is how it is computed: ASCII directly, Latin letters (all of
    /// Vietnamese) and punctuation through a precomputed table, anything else through Foundation's decomposition.
    public static func fold(_ text: String) -> String {
        // Folded text is mostly ASCII: build UTF-8 bytes and make one String at the end.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            foldScalar(scalar) { folded in
                if folded.value < 0x80 {
                    bytes.append(UInt8(folded.value))
                } else {
                    UTF8.encode(folded) { bytes.append($0) }
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with each scalar of one grapheme cluster's fold, in order, building no string; the folds of a
    /// string's characters, one after another, make up its fold.
    ///
    /// Search maps a match in folded text back to the original characters with this; a `String` per character
    /// cost more than the folding.
    public static func forEachFoldedScalar(of character: Character, _ body: (Unicode.Scalar) -> Void) {
        for scalar in character.unicodeScalars {
            foldScalar(scalar, body)
        }
    }

    /// One scalar's fold: ASCII directly, the table's blocks from the table, anything else by the definition.
    @inline(__always)
    private static func foldScalar(_ scalar: Unicode.Scalar, _ body: (Unicode.Scalar) -> Void) {
        let value = scalar.value
        if value < 0x80 {
            let isUpper = value >= 0x41 && value <= 0x5A
            body(Unicode.Scalar(UInt8(isUpper ? value + 0x20 : value)))
        } else if let folded = tableFold(value) {
            if folded != 0, let single = Unicode.Scalar(folded) {
                body(single)
            }
        } else {
            for folded in slowFold(scalar).unicodeScalars {
                body(folded)
            }
        }
    }

    /// The fold of `value` from the precomputed table (0: folds to nothing), or `nil` outside its blocks.
    @inline(__always)
    private static func tableFold(_ value: UInt32) -> UInt32? {
        for block in DiacriticFoldingTable.blocks where block.range.contains(value) {
            return block.folds[Int(value - block.range.lowerBound)]
        }
        return nil
    }

    /// The definition: NFD, drop nonspacing marks, `đ`/`Đ` → `d`, lower case (dropping marks a lower-case
    /// mapping brings, as in İ → i + U+0307). ``DiacriticFoldingTable`` holds its results for common blocks.
    static func slowFold(_ scalar: Unicode.Scalar) -> String {
        if scalar.value == 0x0110 || scalar.value == 0x0111 {  // Đ, đ
            return "d"
        }
        var scalars = String.UnicodeScalarView()
        for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            if part.value == 0x0110 || part.value == 0x0111 {
                scalars.append("d")
                continue
            }
            guard part.properties.generalCategory != .nonspacingMark else { continue }
            guard part.properties.changesWhenLowercased else {
                scalars.append(part)
                continue
            }
            for lower in part.properties.lowercaseMapping.unicodeScalars
            where lower.properties.generalCategory != .nonspacingMark {
                scalars.append(lower)
            }
        }
        return String(scalars)
    }
}
