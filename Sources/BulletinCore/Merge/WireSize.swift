/// Byte counts of the compact JSON that ``TextEdit`` operations encode to, without encoding them; used to pick
/// the smaller of two equivalent encodings.
enum WireSize {
    /// The bytes of the operations' JSON elements plus the commas between them.
    static func of(_ operations: [TextEdit.ParagraphOperation]) -> Int {
        operations.reduce(max(0, operations.count - 1)) { total, operation in
            switch operation {
            case .keep(let count): total + digits(count)
            case .delete(let count): total + digits(count) + 1
            case .insert(let text): total + of(text)
            case .edit(let spans): total + of(spans)
            }
        }
    }

    /// The bytes of a span array, brackets included.
    static func of(_ spans: [TextEdit.SpanOperation]) -> Int {
        spans.reduce(2 + max(0, spans.count - 1)) { total, span in
            switch span {
            case .keep(let count): total + digits(count)
            case .delete(let count): total + digits(count) + 1
            case .insert(let text): total + of(text)
            }
        }
    }

    /// The bytes of a JSON string literal, quotes and escapes included.
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(2) { total, scalar in
            switch scalar.value {
            case 0x22, 0x5C, 0x08, 0x09, 0x0A, 0x0C, 0x0D: total + 2
            case 0..<0x20: total + 6
            default: total + UTF8.width(scalar)
            }
        }
    }

    private static func digits(_ count: Int) -> Int {
        String(count).utf8.count
    }
}
