import Foundation

/// Folds text for diacritics-insensitive search: "Đồng Cải cách" → "dong cai cach".
///
/// Both the client's and the server's search index and their queries go through ``fold(_:)``, so that a query
/// typed with or without accents finds the same text.
public enum DiacriticFolding {
    /// Returns `text` decomposed (NFD), without combining marks, with `đ`/`Đ` as `d`, in lower case.
    ///
    /// `đ` needs its own rule because Unicode does not decompose it into `d` plus a mark.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            append(scalar, to: &scalars)
        }
        return String(scalars)
    }

    /// Folds one grapheme cluster; the pieces of a string's fold, character by character, make up its fold.
    ///
    /// Search uses this to map a match in folded text back to the original characters.
    public static func fold(_ character: Character) -> String {
        if character.isASCII {
            return character.lowercased()
        }
        return fold(String(character))
    }

    private static func append(_ scalar: Unicode.Scalar, to scalars: inout String.UnicodeScalarView) {
        if scalar.isASCII {
            let value = scalar.value
            let isUpper = value >= 0x41 && value <= 0x5A
            scalars.append(isUpper ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
            return
        }
        switch scalar.value {
        case 0x0110, 0x0111:  // Đ, đ
            scalars.append("d")
            return
        default:
            break
        }
        if scalar.properties.generalCategory == .nonspacingMark {
            return
        }
        guard scalar.properties.changesWhenLowercased else {
            scalars.append(scalar)
            return
        }
        // A lower-case mapping may itself carry a mark (İ → i + U+0307); drop it like any other.
        for lower in scalar.properties.lowercaseMapping.unicodeScalars
        where lower.properties.generalCategory != .nonspacingMark {
            scalars.append(lower)
        }
    }
}
