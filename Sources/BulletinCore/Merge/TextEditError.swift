/// Why a ``TextEdit`` could not be decoded or applied.
public enum TextEditError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The edit was made against a different base value than the one it is applied to.
    case baseMismatch(expectedCount: Int, expectedHash: String, actualCount: Int, actualHash: String)
    /// The edit is not well formed (bad JSON shape, zero counts, or counts that run past the base).
    case malformed(String)

    /// A message a person can act on.
    public var description: String {
        switch self {
        case .baseMismatch(let expectedCount, let expectedHash, let actualCount, let actualHash):
            "the edit was made against another version of the text (expected \(expectedCount) paragraphs with "
                + "hash \(expectedHash), found \(actualCount) with hash \(actualHash)); send the full value instead"
        case .malformed(let reason):
            "malformed text edit: \(reason)"
        }
    }
}
