import Foundation
import SyncClient
import Synchronization

/// A one-line progress bar for long pulls, redrawn in place on a terminal.
final class ProgressBar: Sendable {
    private let draw: @Sendable (String) -> Void
    private let lastPercent = Mutex<Int>(-1)

    init(draw: @escaping @Sendable (String) -> Void) {
        self.draw = draw
    }

    /// Redraws when the percentage changed.
    func update(_ progress: SyncProgress) {
        let done: Int64
        let total: Int64
        if progress.snapshot {
            done = Int64(progress.pulled)
            total = max(progress.head, done, 1)
        } else {
            done = progress.cursor
            total = max(progress.head, 1)
        }
        let percent = Int(min(100, done * 100 / total))
        let changed = lastPercent.withLock { last in
            defer { last = percent }
            return last != percent
        }
        guard changed else { return }
        let width = 30
        let filled = width * percent / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        let what = progress.snapshot ? "snapshot" : "pull"
        draw("\r\(what) [\(bar)] \(percent)% (\(progress.pulled) changes)")
    }

    /// Ends the bar's line.
    func finish() {
        if lastPercent.withLock({ $0 }) >= 0 { draw("\n") }
    }
}
