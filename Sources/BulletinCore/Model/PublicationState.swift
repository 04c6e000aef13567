/// Where an issue stands on its way to field offices. It only moves forward.
public enum PublicationState: String, Codable, Sendable, CaseIterable, Comparable {
    /// Being written.
    case draft
    /// Waiting for the chief editor.
    case review
    /// Approved by the chief editor, not yet released.
    case approved
    /// Released to field offices.
    case published
    /// Withdrawn by the chief editor after publication; field offices are told.
    case retracted

    /// The state's rank in the forward order draft < review < approved < published < retracted.
    public var rank: Int {
        switch self {
        case .draft: 0
        case .review: 1
        case .approved: 2
        case .published: 3
        case .retracted: 4
        }
    }

    /// Orders states along the publication path.
    public static func < (lhs: PublicationState, rhs: PublicationState) -> Bool {
        lhs.rank < rhs.rank
    }
}
