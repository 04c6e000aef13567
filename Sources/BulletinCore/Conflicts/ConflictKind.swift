/// What kind of concurrent edit a conflict records.
public enum ConflictKind: String, Codable, Sendable, Hashable, CaseIterable {
    /// Both sides changed the same stretch of an article's text differently.
    case text
    /// Both sides changed a single value (a title, a citation, an annotation's text …) to different values.
    case value
    /// One side deleted the entity while the other edited it; the edit survived.
    case delete
    /// A content change arrived for an issue that was already published; it was not applied.
    case lateEdit = "late_edit"
}

/// Whether a conflict still waits for an editor. Only moves forward: open → resolved.
public enum ConflictStatus: String, Codable, Sendable, Hashable, CaseIterable, Comparable {
    /// Waiting for an editor.
    case open
    /// An editor chose a value.
    case resolved

    /// `open` < `resolved`.
    public static func < (lhs: ConflictStatus, rhs: ConflictStatus) -> Bool {
        lhs == .open && rhs == .resolved
    }
}

/// How an editor resolved a conflict.
public enum ConflictResolution: String, Codable, Sendable, Hashable, CaseIterable {
    /// The incoming change's side (`mine`) for every conflicting part.
    case mine
    /// The stored side (`theirs`) for every conflicting part.
    case theirs
    /// A value the editor wrote (`bulletin resolve --file`).
    case merged
}
