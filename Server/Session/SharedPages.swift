import NIOConcurrencyHelpers
import SyncProtocol

/// Log pages that many sessions ask for at once, read and encoded once.
///
/// After a publication, every subscribed field office pulls from the same cursor to the same bound: without this,
/// the server read the page from the store, built its JSON and compressed it once per connection (1,000 field
/// offices: a second of CPU for one ~50 KB page). A page is the same for every puller with the same `since`, bound,
/// filter and limits (the log is append-only), unless it carries text edits made against one puller's text (those
/// pulls are not shared). Concurrent requests for one page wait for the first; a few recent pages are kept.
final class SharedPages: Sendable {
    /// What makes two log pages the same.
    struct Key: Hashable, Sendable {
        var since: Int64
        var bound: Int64
        var filter: PullFilter?
        var limits: PageLimits
    }

    /// Pages kept: the pulls of one fan-out ask for one or two.
    static let capacity = 8

    private struct State {
        var pages: [Key: Task<(Changes, bytes: Int), any Error>] = [:]
        var order: [Key] = []
    }

    private let state = NIOLockedValueBox(State())

    /// The page for `key` and its records' JSON size, made by `make` (once, whoever asks first) and carrying a
    /// ``SharedFrame``.
    func page(
        _ key: Key, make: @escaping @Sendable () async throws -> (Changes, bytes: Int)
    ) async throws -> (Changes, bytes: Int) {
        let task = state.withLockedValue { state -> Task<(Changes, bytes: Int), any Error> in
            if let known = state.pages[key] { return known }
            let task = Task { () async throws -> (Changes, bytes: Int) in
                var (page, bytes) = try await make()
                page.shared = SharedFrame()
                return (page, bytes: bytes)
            }
            state.pages[key] = task
            state.order.append(key)
            if state.order.count > Self.capacity {
                state.pages[state.order.removeFirst()] = nil
            }
            return task
        }
        do {
            return try await task.value
        } catch {
            // A failed read is not kept: the next puller tries again.
            state.withLockedValue { state in
                state.pages[key] = nil
                state.order.removeAll { $0 == key }
            }
            throw error
        }
    }
}
