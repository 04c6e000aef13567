/// A test step that did not finish in time.
public struct TimedOut: Error, CustomStringConvertible {
    /// The limit that passed.
    public let seconds: Int
    /// Says which limit passed.
    public var description: String { "the step did not finish within \(seconds) s" }
}

/// Runs `body`, failing with ``TimedOut`` if it takes longer than `seconds` (a guard, never a synchronisation).
///
/// The default is generous on purpose: it catches a hang, not slowness. The whole suite runs in parallel on 2 cores
/// in a debug build, where a step that takes a second alone can wait tens of seconds for a thread.
@discardableResult
public func withTimeout<Result: Sendable>(
    seconds: Int = 45, _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let result = first else { throw TimedOut(seconds: seconds) }
        return result
    }
}
