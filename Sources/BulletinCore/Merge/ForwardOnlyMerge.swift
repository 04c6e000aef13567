/// Merges of values that only ever move forward, so concurrent changes never conflict.
public enum ForwardOnlyMerge {
    /// The publication state after a concurrent change: the further of the two along
    /// draft → review → approved → published. A change that would move the state back is ignored.
    public static func publicationState(current: PublicationState, incoming: PublicationState) -> PublicationState {
        max(current, incoming)
    }

    /// An annotation's `resolved` flag after a concurrent change: once `true` it stays `true`.
    public static func resolved(current: Bool, incoming: Bool) -> Bool {
        current || incoming
    }
}
