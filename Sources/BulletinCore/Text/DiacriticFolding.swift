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
            let value = scalar.value
            if value < 0x80 {
                bytes.append(asciiFold(value))
            } else if let folded = tableFold(value) {
                if folded != 0, let single = Unicode.Scalar(folded) {
                    UTF8.encode(single) { bytes.append($0) }
                }
            } else {
                bytes.append(contentsOf: slowFold(scalar).utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Folds one grapheme cluster; the pieces of a string's fold, character by character, make up its fold.
    ///
    /// Search uses this to map a match in folded text back to the original characters.
    public static func fold(_ character: Character) -> String {
        var bytes: [UInt8] = []
        forEachFoldedScalar(of: character) { scalar in UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Calls `body` with each scalar of `character`'s fold, in order, building no string: search folds every
    /// character of the paragraphs it shows, and a `String` per character cost more than the folding.
    public static func forEachFoldedScalar(of character: Character, _ body: (Unicode.Scalar) -> Void) {
        for scalar in character.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                body(Unicode.Scalar(asciiFold(value)))
            } else if let table = tableFold(value) {
                if table != 0, let single = Unicode.Scalar(table) {
                    body(single)
                }
            } else {
                for folded in slowFold(scalar).unicodeScalars {
                    body(folded)
                }
            }
        }
    }

    /// An ASCII scalar's fold: itself, upper-case letters lowered.
    @inline(__always)
    private static func asciiFold(_ value: UInt32) -> UInt8 {
        let isUpper = value >= 0x41 && value <= 0x5A
        return UInt8(isUpper ? value + 0x20 : value)
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
