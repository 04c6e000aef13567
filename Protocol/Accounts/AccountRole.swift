/// What an account may do, as the wire names it (PROTOCOL.md section 18): the one role type of client and server.
///
/// The server's policy decides what each role may do (the server refuses the rest); a client uses the role it is
/// told in `welcome` only to offer the actions that will be accepted.
public enum AccountRole: String, Codable, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Reads and writes drafts, sections, articles and annotations; moves an issue from draft to review.
    case editor
    /// All an editor may, plus approve, publish, correct a published issue, and retract it.
    case chief
    /// Read-only: receives signed publications of published issues, nothing else.
    case fieldOffice = "field-office"
    /// Manages accounts; may neither push nor pull.
    case admin

    /// The role's name as written on the wire, on the command line and in stores: `editor`, `chief`,
    /// `field-office`, `admin`.
    public var description: String { rawValue }
}
