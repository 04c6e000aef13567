import Foundation

/// Runs blocking `work` (a child process waited for, megabytes of test data built) on a thread of its own and awaits
/// its result: never on Swift's cooperative pool, which has one thread per core — a test blocking it stalls every
/// other test of the run.
public func onThreadOfItsOwn<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
