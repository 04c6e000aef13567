import Foundation

/// Lowercase UUID text, the form every id takes on the wire.
enum UUIDText {
    /// A new random id.
    static func make() -> String { UUID().uuidString.lowercased() }
}
