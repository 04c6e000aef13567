import Foundation

/// (i) of `backends`: `changes` annotation-sized changes split between `editors` editors, editor *i* pushing its
/// share to node *i* mod *n*, all at once; the rate is the total over the wall time from the first push's start to
/// the last one's acknowledgement. Each outbox is made offline before the clock starts.
struct SpreadPush {
    /// What the pushes did together.
    struct Result: Sendable {
        /// Editors pushing at once.
        var editors: Int
        /// Changes pushed in all.
        var changes: Int
        /// First start to last acknowledgement.
        var wallSeconds: Double
        /// Each editor's own push.
        var each: [PushThroughputBenchmark.Result]

        /// Changes per second, all editors together.
        var rate: Double { Double(changes) / wallSeconds }
    }

    /// The accounts of editor `index` (0-based), made before the servers start.
    static func account(_ index: Int) -> String {
        "pusher-\(index + 1)"
    }

    let changes: Int
    let editors: Int
    let nodes: ServerNodes
    /// The tokens of the ``account(_:)`` accounts.
    let tokens: [String: String]
    let workspace: BenchWorkspace

    func run() async throws -> Result {
        let editors = max(1, editors)
        var outboxes: [(PushThroughputBenchmark, BenchEditor, Int)] = []
        for index in 0..<editors {
            // The first editor takes the remainder.
            let share = changes / editors + (index == 0 ? changes % editors : 0)
            let pusher = PushThroughputBenchmark(workspace: workspace, port: nodes.node(index).port, tokens: tokens)
            outboxes.append((pusher, try pusher.smallOutbox(share, account: Self.account(index), editor: index), share))
        }
        let started = ContinuousClock.now
        let each = try await withThrowingTaskGroup(of: PushThroughputBenchmark.Result.self) { group in
            for (pusher, editor, share) in outboxes {
                group.addTask { try await pusher.push(editor, expected: share) }
            }
            var results: [PushThroughputBenchmark.Result] = []
            for try await result in group { results.append(result) }
            return results
        }
        let wall = (ContinuousClock.now - started).seconds
        return Result(editors: editors, changes: each.reduce(0) { $0 + $1.changes }, wallSeconds: wall, each: each)
    }
}
