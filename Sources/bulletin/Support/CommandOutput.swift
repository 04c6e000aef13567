/// Where a long-running command writes as it goes: lines for standard output, and a progress line for a terminal.
struct CommandOutput: Sendable {
    /// Writes text to standard output (the text carries its own newline).
    var write: @Sendable (String) -> Void
    /// Redraws the one-line progress display on standard error; `nil` when standard error is not a terminal.
    var progress: (@Sendable (String) -> Void)?

    /// Creates an output.
    init(write: @escaping @Sendable (String) -> Void, progress: (@Sendable (String) -> Void)? = nil) {
        self.write = write
        self.progress = progress
    }
}
