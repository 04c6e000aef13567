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
    /// Vietnamese) through a table built once, anything else through Foundation's decomposition.
    public static func fold(_ text: String) -> String {
        // Folded text is mostly ASCII: build UTF-8 bytes and make one String at the end.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let isUpper = value >= 0x41 && value <= 0x5A
                bytes.append(UInt8(isUpper ? value + 0x20 : value))
            } else if let folded = LatinTable.shared.fold(value) {
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
        fold(String(character))
    }

    /// The folds of U+0080–U+036F (Latin-1 Supplement, Latin Extended-A/B, IPA, spacing and combining marks) and
    /// U+1E00–U+1EFF (Latin Extended Additional, where most Vietnamese letters live), computed once by
    /// ``slowFold(_:)``: each is one scalar, or nothing (0) for a mark. Scalars whose fold is longer are left out.
    private struct LatinTable: Sendable {
        static let shared = LatinTable()

        private static let lowRange: ClosedRange<UInt32> = 0x80...0x36F
        private static let highRange: ClosedRange<UInt32> = 0x1E00...0x1EFF
        /// Folded scalar value, 0 for "dropped", `UInt32.max` for "not in the table".
        private let low: [UInt32]
        private let high: [UInt32]

        private init() {
            low = Self.lowRange.map(Self.entry)
            high = Self.highRange.map(Self.entry)
        }

        private static func entry(_ value: UInt32) -> UInt32 {
            guard let scalar = Unicode.Scalar(value) else { return .max }
            let folded = Array(slowFold(scalar).unicodeScalars)
            switch folded.count {
            case 0: return 0
            case 1: return folded[0].value
            default: return .max
            }
        }

        /// The fold of `value` (0: dropped), or `nil` when the table does not have it.
        func fold(_ value: UInt32) -> UInt32? {
            let entry: UInt32
            if Self.lowRange.contains(value) {
                entry = low[Int(value - Self.lowRange.lowerBound)]
            } else if Self.highRange.contains(value) {
                entry = high[Int(value - Self.highRange.lowerBound)]
            } else {
                return nil
            }
            return entry == .max ? nil : entry
        }
    }

    /// The definition: NFD, drop nonspacing marks, `đ`/`Đ` → `d`, lower case (dropping marks a lower-case
    /// mapping brings, as in İ → i + U+0307).
    private static func slowFold(_ scalar: Unicode.Scalar) -> String {
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
