import Foundation
import NIOConcurrencyHelpers

#if canImport(Glibc)
import Glibc
#endif

/// Picks a free TCP port on 127.0.0.1, for programs (git daemon) that cannot report the port they bound.
enum FreePort {
    /// Binds port 0, reads the port the kernel chose, and releases it.
    static func pick() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw BenchError.unexpected("cannot open a socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw BenchError.unexpected("cannot bind 127.0.0.1:0") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A one-shot signal with a value, fired from any thread (e.g. a child's log reader) and awaited with a bound.
final class ReadySignal: Sendable {
    private let state = NIOLockedValueBox<(fired: Bool, value: String?, waiter: CheckedContinuation<String?, Never>?)>(
        (false, nil, nil))

    init() {}

    /// Fires the signal (only the first call counts).
    func fire(_ value: String? = nil) {
        let waiter: CheckedContinuation<String?, Never>? = state.withLockedValue { state in
            guard !state.fired else { return nil }
            state.fired = true
            state.value = value
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume(returning: value)
    }

    /// Waits until fired; throws ``BenchError/timedOut(_:)`` after `timeout`.
    @discardableResult
    func wait(timeout: Duration, what: String) async throws -> String? {
        try await withThrowingTaskGroup(of: String??.self) { group in
            group.addTask { .some(await self.waitUnbounded()) }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .none
            }
            let first = try await group.next() ?? .none
            guard case .some(let value) = first else {
                fire()  // releases the waiting child task
                throw BenchError.timedOut(what)
            }
            group.cancelAll()
            return value
        }
    }

    private func waitUnbounded() async -> String? {
        await withCheckedContinuation { continuation in
            let fired: (Bool, String?) = state.withLockedValue { state in
                if state.fired { return (true, state.value) }
                state.waiter = continuation
                return (false, nil)
            }
            if fired.0 { continuation.resume(returning: fired.1) }
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `Double`.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// The duration in milliseconds, as a `Double`.
    var milliseconds: Double { seconds * 1_000 }
}

/// Order statistics of a sample.
struct Sample {
    private let sorted: [Double]

    init(_ values: [Double]) {
        sorted = values.sorted()
    }

    /// The value below which `fraction` of the sample lies (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(sorted.count - 1, Swift.max(0, rank - 1))]
    }

    var median: Double { percentile(0.5) }
    var min: Double { sorted.first ?? .nan }
    var max: Double { sorted.last ?? .nan }
    var count: Int { sorted.count }
}

/// The system's load average, said beside every figure (the machine is shared).
enum LoadAverage {
    /// The 1, 5 and 15 minute load averages, e.g. `0.52 0.80 1.10`.
    static func now() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?"
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
