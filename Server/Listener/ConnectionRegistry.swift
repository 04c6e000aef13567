import NIOConcurrencyHelpers
import NIOCore

/// The open connections of a server, so that a shutdown can reach every session.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [Int: any Channel] = [:]
        var nextID = 1
        var draining = false
    }

    private let state = NIOLockedValueBox(State())

    /// Whether a shutdown has begun.
    var isDraining: Bool {
        state.withLockedValue { $0.draining }
    }

    /// How many connections are open.
    var count: Int {
        state.withLockedValue { $0.channels.count }
    }

    /// Records an open connection and returns its id. During a shutdown the connection's input is closed at once,
    /// so its session ends after the handshake it may already have started.
    func register(_ channel: any Channel) -> Int {
        let (id, draining) = state.withLockedValue { state in
            let id = state.nextID
            state.nextID += 1
            state.channels[id] = channel
            return (id, state.draining)
        }
        if draining {
            channel.close(mode: .input, promise: nil)
        }
        return id
    }

    /// Forgets a closed connection.
    func unregister(_ id: Int) {
        state.withLockedValue { _ = $0.channels.removeValue(forKey: id) }
    }

    /// Begins draining: stops every session from reading further requests; each finishes what it is doing, says
    /// `bye` and closes. Returns `false` if draining had already begun.
    @discardableResult
    func drain() -> Bool {
        let channels = state.withLockedValue { state -> [any Channel]? in
            guard !state.draining else { return nil }
            state.draining = true
            return Array(state.channels.values)
        }
        guard let channels else { return false }
        for channel in channels {
            channel.close(mode: .input, promise: nil)
        }
        return true
    }

    /// Closes every connection at once (when the shutdown grace period is over).
    func closeAll() {
        let channels = state.withLockedValue { Array($0.channels.values) }
        for channel in channels {
            channel.close(promise: nil)
        }
    }
}
