import SyncProtocol

extension JSONValue {
    /// The value with every string in it (at any depth) in NFC with `\n` line endings, the one rule for stored text.
    public func normalizingText() -> JSONValue {
        switch self {
        case .string(let text): .string(TextNormalization.normalize(text))
        case .array(let items): .array(items.map { $0.normalizingText() })
        case .object(let members): .object(members.mapValues { $0.normalizingText() })
        case .null, .bool, .int, .double: self
        }
    }
}

extension ChangeRecord {
    /// The record with its field values and author in NFC with `\n` line endings: how text enters a store, the
    /// server's and a client's alike.
    public func normalizingText() -> ChangeRecord {
        var normalized = self
        normalized.fields = fields.mapValues { $0.normalizingText() }
        normalized.author = TextNormalization.normalize(author)
        return normalized
    }
}
