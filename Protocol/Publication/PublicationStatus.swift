/// The state a publication announces.
public enum PublicationStatus: String, Codable, Sendable, CaseIterable {
    /// The content is published (first release or a correction).
    case published
    /// The issue was retracted; the content is the last one that was published.
    case retracted
}
