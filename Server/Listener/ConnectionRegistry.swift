import NIOConcurrencyHelpers
import NIOCore

/// The open connections of a server, from the moment they are accepted, so that a shutdown can reach every one.
///
/// A connection is accepted before its session starts reading it. A shutdown closes a session's input, so that the
/// session finishes its request and says `bye`; a connection whose session has not started yet has had nothing
/// read, and is closed outright (its input-closed event would reach no session).
final class ConnectionRegistry: Sendable {
    private struct Entry {
        var channel: any Channel
        var serving = false
    }

    private struct State {
        var entries: [ObjectIdentifier: Entry] = [:]
        var draining = false
    }

    private let state = NIOLockedValueBox(State())
    private let memoryReturn: MemoryReturn?

    /// Creates a registry; `memoryReturn` hears of every connection opened and closed.
    init(memoryReturn: MemoryReturn? = nil) {
        self.memoryReturn = memoryReturn
    }

    /// Whether a shutdown has begun.
    var isDraining: Bool {
        state.withLockedValue { $0.draining }
    }

    /// How many connections are open.
    var count: Int {
        state.withLockedValue { $0.entries.count }
    }

    /// Records an accepted connection until it closes; during a shutdown it is closed at once.
    func register(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        let draining = state.withLockedValue { state in
            state.entries[key] = Entry(channel: channel)
            return state.draining
        }
        memoryReturn?.opened()
        channel.closeFuture.whenComplete { _ in
            self.state.withLockedValue { _ = $0.entries.removeValue(forKey: key) }
            self.memoryReturn?.closed(on: channel.eventLoop)
        }
        if draining {
            channel.close(promise: nil)
        }
    }

    /// Notes that a session now reads `channel`; during a shutdown its input is closed at once, so the session ends
    /// after the handshake it may already have started.
    func startServing(_ channel: any Channel) {
        let draining = state.withLockedValue { state in
            state.entries[ObjectIdentifier(channel)]?.serving = true
            return state.draining
        }
        if draining {
            channel.close(mode: .input, promise: nil)
        }
    }

    /// Begins draining: stops every session from reading further requests; each finishes what it is doing, says
    /// `bye` and closes. Connections no session reads yet are closed. Returns `false` if draining had already begun.
    @discardableResult
    func drain() -> Bool {
        let entries = state.withLockedValue { state -> [Entry]? in
            guard !state.draining else { return nil }
            state.draining = true
            return Array(state.entries.values)
        }
        guard let entries else { return false }
        for entry in entries {
            entry.channel.close(mode: entry.serving ? .input : .all, promise: nil)
        }
        return true
    }

    /// Closes every connection at once (when the shutdown grace period is over, or when the listener has stopped
    /// and sessions have ended).
    func closeAll() {
        let channels = state.withLockedValue { $0.entries.values.map(\.channel) }
        for channel in channels {
            channel.close(promise: nil)
        }
    }
}
