/// Why a text could not be imported as a bulletin: the line where it went wrong and what was expected there.
public struct BulletinImportError: Error, CustomStringConvertible, Sendable, Hashable {
    /// The 1-based line of the (normalised) input where the problem was found.
    public var line: Int
    /// What was expected and what was found, in words an editor can act on.
    public var message: String

    /// Creates an error for `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }

    /// Shortens `text` for quoting in a message without splitting a grapheme cluster.
    static func quote(_ text: String, limit: Int = 60) -> String {
        let shortened = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "\"\(shortened)\""
    }
}
