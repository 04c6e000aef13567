import Foundation
import NIOConcurrencyHelpers
import SyncClient
import SyncProtocol

/// (d) Live propagation: editor A pushes one edit at a time over one connection; editor B runs
/// ``SyncRunner/watch(backoff:onActivity:)``. Each latency runs from the moment A holds the `push_ack` to the
/// moment B's watch reports (through its activity callback, after the pulled page's transaction committed) a
/// cursor at or past the seq the ack announced. Nothing sleeps: A waits for B's callback before the next edit.
struct PropagationBenchmark {
    /// The editor who edits and pushes.
    let editorA: BenchEditor
    /// The watching editor.
    let editorB: BenchEditor
    /// The server's port.
    let port: Int
    /// The archive's article ids (edit targets).
    let articleIDs: [String]

    /// Makes edits `numbers` one by one and returns the latencies in milliseconds.
    func run(_ numbers: Range<Int>) async throws -> [Double] {
        let cursors = CursorWatch()
        let watcher = editorB.runner(port: port)
        return try await withThrowingTaskGroup(of: [Double]?.self) { group in
            group.addTask {
                try await watcher.watch { summary in cursors.record(summary.cursor) }
                if Task.isCancelled { return nil }
                throw BenchError.unexpected("the watching editor stopped watching")
            }
            group.addTask {
                // B's first activity is the catch-up sync right after it connects.
                try await cursors.wait(until: 0, timeout: .seconds(120), what: "the watching editor to connect")
                return try await pushOneByOne(numbers, cursors: cursors)
            }
            defer { group.cancelAll() }
            // Whichever ends first decides: the edits (the watch is then cancelled; its ending is not awaited for
            // errors) or a failing watch loop.
            while let result = try await group.next() {
                if let latencies = result { return latencies }
            }
            throw BenchError.unexpected("the propagation benchmark ended without results")
        }
    }

    private func pushOneByOne(_ numbers: Range<Int>, cursors: CursorWatch) async throws -> [Double] {
        let runner = editorA.runner(port: port)
        let options = editorA.options
        let connector = SyncConnector(address: runner.address, options: options)
        return try await connector.withConversation(hello: try runner.hello()) { conversation, _ in
            var latencies: [Double] = []
            latencies.reserveCapacity(numbers.count)
            for number in numbers {
                try editorA.edit(number, articleIDs: articleIDs)
                let batch = try editorA.store.pendingChanges(maxCount: 10, maxBytes: options.maxBatchBytes)
                guard batch.count == 1 else {
                    throw BenchError.unexpected("editor A had \(batch.count) pending changes instead of 1")
                }
                let batchID = UUID().uuidString.lowercased()
                let ack = try await conversation.request(
                    .push(Push(batchID: batchID, changes: batch)), timeout: options.replyTimeout,
                    awaiting: "push_ack"
                ) { reply -> PushAck? in
                    if case .pushAck(let ack) = reply, ack.batchID == batchID { return ack }
                    return nil
                }
                let acknowledged = ContinuousClock.now
                guard ack.results.first?.status == .applied else {
                    throw BenchError.unexpected("the server did not apply edit \(number): \(ack.results)")
                }
                let arrived = try await cursors.wait(
                    until: ack.headSeq, timeout: .seconds(30), what: "edit \(number) to reach the watching editor")
                // B may already hold the edit when A reads the ack (the server notifies before it acknowledges):
                // that counts as no delay, not as a negative one.
                latencies.append(max(0, (arrived - acknowledged).milliseconds))
                // Only now, so that A's own transaction does not compete with B's pull inside the measured time.
                try editorA.store.acknowledge(ack.results)
            }
            return latencies
        }
    }
}

/// The cursor the watching editor has reached, with the moment each new cursor was reported.
final class CursorWatch: Sendable {
    private struct Waiter {
        var target: Int64
        var continuation: CheckedContinuation<ContinuousClock.Instant?, Never>
    }

    private struct State {
        var reports: [(cursor: Int64, at: ContinuousClock.Instant)] = []
        var waiters: [Int: Waiter] = [:]
        var next = 0
    }

    private let state = NIOLockedValueBox(State())

    /// Records an activity report (called from the watch loop).
    func record(_ cursor: Int64) {
        let now = ContinuousClock.now
        let ready: [CheckedContinuation<ContinuousClock.Instant?, Never>] = state.withLockedValue { state in
            state.reports.append((cursor, now))
            if state.reports.count > 64 { state.reports.removeFirst(state.reports.count - 64) }
            let done = state.waiters.filter { $0.value.target <= cursor }
            for key in done.keys { state.waiters.removeValue(forKey: key) }
            return done.values.map(\.continuation)
        }
        for continuation in ready { continuation.resume(returning: now) }
    }

    /// The moment a report reached `target` (at once if one already has); throws after `timeout`.
    @discardableResult
    func wait(until target: Int64, timeout: Duration, what: String) async throws -> ContinuousClock.Instant {
        let key = state.withLockedValue { state -> Int in
            state.next += 1
            return state.next
        }
        return try await withThrowingTaskGroup(of: ContinuousClock.Instant?.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let reached: ContinuousClock.Instant? = self.state.withLockedValue { state in
                        if let report = state.reports.first(where: { $0.cursor >= target }) { return report.at }
                        state.waiters[key] = Waiter(target: target, continuation: continuation)
                        return nil
                    }
                    if let reached { continuation.resume(returning: reached) }
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            if let first {
                group.cancelAll()
                return first
            }
            let waiter = state.withLockedValue { $0.waiters.removeValue(forKey: key) }
            waiter?.continuation.resume(returning: nil)
            throw BenchError.timedOut(what)
        }
    }
}
