import NIOConcurrencyHelpers
import SyncProtocol

/// Snapshot pages kept as their encoded frames while the log does not move, so that the next new replica's initial
/// pull is sent from memory instead of being read, built and compressed again (BENCHMARKS.md, "Issue 14: the
/// initial pull").
///
/// A snapshot page depends only on where it starts, the pull's `since`, filter and limits, and the entities as they
/// stand; the entities change only with the log's head. So a page read while the head was `H` is the same page for
/// anyone who asks while the head is still `H`. Only frames are kept (the records are dropped once encoded), within
/// ``budget`` bytes of page JSON; pages of an older head are dropped as soon as a page of a newer one is kept.
final class SnapshotFrames: Sendable {
    /// What makes two snapshot pages the same, besides the head.
    struct Key: Hashable, Sendable {
        var since: Int64
        /// The resume token the page starts from (`nil`: the first page).
        var resume: String?
        var filter: PullFilter?
        var limits: PageLimits
    }

    /// One page as sent: its frame and what the session reports about it.
    struct Page: Sendable {
        /// The frame, made by the first connection that sent the page.
        var frame: SharedFrame
        /// The `changes` message without its records: the frame carries them.
        var standIn: Changes
        /// How many records the page holds.
        var records: Int
        /// Their JSON bytes (as counted against the page limits).
        var bytes: Int
    }

    private struct Entry {
        var head: Int64
        var page: Page
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var order: [Key] = []
        var bytes = 0
    }

    /// The most page JSON whose frames are kept (frames are about a sixth of it at the default level): the whole
    /// snapshot of a 10,000-article archive (66 MB).
    static let budget = 128 << 20

    /// The codec every connection of the server encodes with: a kept page is offered only once its frame was
    /// made with these settings.
    private let codec: FrameCodec
    private let state = NIOLockedValueBox(State())

    /// Frames as connections encoding with `codec` write them.
    init(codec: FrameCodec) {
        self.codec = codec
    }

    /// The kept page for `key` whose frame has been made, and the head it was read at: it may be sent only while
    /// that is still the head.
    func page(_ key: Key) -> (page: Page, head: Int64)? {
        guard let entry = state.withLockedValue({ $0.entries[key] }), entry.page.frame.holdsFrame(for: codec)
        else { return nil }
        return (entry.page, entry.head)
    }

    /// Keeps `page` (about to be sent with `page.frame` attached), read at `head`.
    func keep(_ page: Page, for key: Key, head: Int64) {
        guard page.bytes <= Self.budget else { return }
        state.withLockedValue { state in
            if let newest = state.entries.values.first?.head, newest != head {
                guard head > newest else { return }
                state = State()
            }
            if let known = state.entries[key] {
                state.bytes -= known.page.bytes
                state.order.removeAll { $0 == key }
            }
            state.entries[key] = Entry(head: head, page: page)
            state.order.append(key)
            state.bytes += page.bytes
            while state.bytes > Self.budget, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                state.bytes -= state.entries.removeValue(forKey: oldest)?.page.bytes ?? 0
            }
        }
    }
}
