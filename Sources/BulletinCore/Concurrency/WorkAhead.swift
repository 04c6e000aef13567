import Dispatch
import Synchronization

/// Computes one value per item of a batch on a second thread, in chunks and in order, while a writer thread
/// consumes them in the same order: the writer is a critical path (SQLite has one writer), and work that needs
/// nothing of the store need not wait for it.
///
/// The helper runs on Dispatch's global pool. A chunk the helper has not started yet the consumer computes itself,
/// so it never waits on a helper that a busy pool has not scheduled; it waits only for a chunk already under way.
public final class WorkAhead<Value: Sendable>: Sendable {
    private enum Chunk {
        case waiting
        case computing(DispatchSemaphore)
        case done
    }

    /// What the consumer does for the value it asked for.
    private enum Next {
        case ready(Value)
        case wait(DispatchSemaphore)
        case computeHere
    }

    private struct State {
        var chunks: [Chunk]
        var values: [Value?]
    }

    private let count: Int
    private let chunkSize: Int
    private let compute: @Sendable (Int) -> Value
    private let state: Mutex<State>

    /// Starts computing `compute(index)` for every index below `count`, `chunkSize` at a time, at user-initiated
    /// priority: a writer is waiting for the values.
    public init(count: Int, chunkSize: Int, compute: @escaping @Sendable (Int) -> Value) {
        precondition(chunkSize > 0, "a chunk holds at least one item")
        self.count = count
        self.chunkSize = chunkSize
        self.compute = compute
        let chunks = (count + chunkSize - 1) / chunkSize
        state = Mutex(
            State(chunks: Array(repeating: .waiting, count: chunks), values: Array(repeating: nil, count: count)))
        DispatchQueue.global(qos: .userInitiated).async { self.computeAll() }
    }

    /// The value of the item at `index`: ready, waited for while the helper computes its chunk, or computed here.
    public func value(at index: Int) -> Value {
        let chunk = index / chunkSize
        let next = state.withLock { state -> Next in
            switch state.chunks[chunk] {
            case .done:
                guard let value = state.values[index] else { preconditionFailure("a done chunk holds its values") }
                return .ready(value)
            case .computing(let semaphore): return .wait(semaphore)
            case .waiting:
                state.chunks[chunk] = .computing(DispatchSemaphore(value: 0))
                return .computeHere
            }
        }
        switch next {
        case .ready(let value):
            return value
        case .wait(let semaphore):
            semaphore.wait()
            // Let any later waiter on this chunk through too.
            semaphore.signal()
        case .computeHere:
            computeChunk(chunk)
        }
        return state.withLock { state in
            guard let value = state.values[index] else { preconditionFailure("a done chunk holds its values") }
            return value
        }
    }

    /// The helper: every chunk not yet taken, in order.
    private func computeAll() {
        for chunk in 0..<state.withLock({ $0.chunks.count }) {
            let mine = state.withLock { state -> Bool in
                guard case .waiting = state.chunks[chunk] else { return false }
                state.chunks[chunk] = .computing(DispatchSemaphore(value: 0))
                return true
            }
            if mine { computeChunk(chunk) }
        }
    }

    /// Computes a chunk this thread has taken (marked `.computing`) and marks it done.
    private func computeChunk(_ chunk: Int) {
        let range = (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)
        let values = range.map(compute)
        let semaphore = state.withLock { state -> DispatchSemaphore? in
            state.values.replaceSubrange(range, with: values.map(Optional.some))
            defer { state.chunks[chunk] = .done }
            if case .computing(let semaphore) = state.chunks[chunk] { return semaphore }
            return nil
        }
        semaphore?.signal()
    }
}
