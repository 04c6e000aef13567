/// The folds of the scalars Vietnamese (and most Latin-script) text is made of, computed once, so that
/// ``DiacriticFolding/fold(_:)`` need not decompose whole articles through Foundation (the slowest step of indexing
/// a pulled archive for search).
///
/// The table gives the same result as decomposing the whole text: canonical decomposition works scalar by scalar and
/// then only reorders combining marks (canonical combining class > 0), and every such mark in a decomposition the
/// table accepts is a nonspacing mark, which folding drops. A text with any scalar outside the table is folded the
/// defining way instead.
struct LatinFoldTable: Sendable {
    /// The scalars the table covers: Latin-1, Latin Extended-A/B, IPA, spacing modifiers, combining diacritics,
    /// Latin Extended Additional (Vietnamese), general punctuation.
    private static let ranges: [ClosedRange<UInt32>] = [0x0080...0x036F, 0x1E00...0x1EFF, 0x2000...0x206F]

    /// Entry meaning "fold this text the defining way".
    private static let uncovered = UInt32.max
    /// Entry meaning "the fold is empty" (a nonspacing mark).
    private static let dropped = UInt32.max - 1
    /// Entry meaning "the fold has several scalars": see ``longer``.
    private static let several = UInt32.max - 2

    /// The table, built on first use.
    static let shared = LatinFoldTable()

    /// Per covered scalar (ranges laid end to end): the one scalar it folds to, or a marker above.
    private let entries: [UInt32]
    /// Folds of more than one scalar.
    private let longer: [UInt32: [Unicode.Scalar]]

    private init() {
        var entries: [UInt32] = []
        var longer: [UInt32: [Unicode.Scalar]] = [:]
        for range in Self.ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else {
                    entries.append(Self.uncovered)
                    continue
                }
                let decomposed = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars
                // A kept mark with a combining class could be reordered against the text's neighbouring marks.
                let reorderable = decomposed.contains { part in
                    part.properties.canonicalCombiningClass.rawValue != 0
                        && part.properties.generalCategory != .nonspacingMark
                }
                var folded = String.UnicodeScalarView()
                for part in decomposed {
                    DiacriticFolding.append(part, to: &folded)
                }
                switch (reorderable, folded.count) {
                case (true, _): entries.append(Self.uncovered)
                case (false, 0): entries.append(Self.dropped)
                case (false, 1): entries.append(folded.first?.value ?? Self.uncovered)
                default:
                    entries.append(Self.several)
                    longer[value] = Array(folded)
                }
            }
        }
        self.entries = entries
        self.longer = longer
    }

    private func entry(_ value: UInt32) -> UInt32 {
        var offset = 0
        for range in Self.ranges {
            if range.contains(value) { return entries[offset + Int(value - range.lowerBound)] }
            offset += range.count
        }
        return Self.uncovered
    }

    /// The fold of `text`, or `nil` when a scalar is not in the table.
    func fold(_ text: String) -> String? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { fold(utf8: $0) } ?? nil
    }

    /// Works on the UTF-8 bytes directly: the folds are mostly ASCII, and building a `String` scalar by scalar
    /// would cost more than the lookups.
    private func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                result.append(lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead)
                index += 1
                continue
            }
            // The table covers only 2- and 3-byte sequences (U+0080–U+FFFF); valid UTF-8 is guaranteed by String.
            let value: UInt32
            if lead & 0xE0 == 0xC0, index + 1 < bytes.count {
                value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else if lead & 0xF0 == 0xE0, index + 2 < bytes.count {
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                    | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                return nil
            }
            switch entry(value) {
            case Self.uncovered:
                return nil
            case Self.dropped:
                continue
            case Self.several:
                for scalar in longer[value] ?? [] { result.append(contentsOf: scalar.utf8) }
            case let single:
                guard let scalar = Unicode.Scalar(single) else { return nil }
                if single < 0x80 {
                    result.append(UInt8(single))
                } else {
                    result.append(contentsOf: scalar.utf8)
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
