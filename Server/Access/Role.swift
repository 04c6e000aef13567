/// What an account may do on the server (PROTOCOL.md, "Authorization").
public enum Role: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Reads and writes drafts, sections, articles and annotations; moves an issue from draft to review.
    case editor
    /// All an editor may, plus approve, publish, correct a published issue, and retract it.
    case chief
    /// Read-only: receives signed publications of published issues, nothing else.
    case fieldOffice = "field-office"
    /// Manages accounts; may neither push nor pull.
    case admin

    /// The role's name as written on the command line and stored: `editor`, `chief`, `field-office`, `admin`.
    public var description: String { rawValue }

    /// Whether the role may send `push` at all.
    public var mayPush: Bool { self == .editor || self == .chief }

    /// What the role's pulls, snapshots and subscriptions see.
    public var readScope: ReadScope {
        switch self {
        case .editor, .chief: .everything
        case .fieldOffice: .publications
        case .admin: .nothing
        }
    }
}

/// What a session may read from the server.
public enum ReadScope: Sendable, Hashable {
    /// The whole change log and every entity.
    case everything
    /// Only `publication` records; notified only when one is appended.
    case publications
    /// Nothing: pull and subscribe are refused.
    case nothing
}
