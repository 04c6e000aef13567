import Foundation
import PostgresTestSupport
import TestSupport
import Testing

@testable import SyncServer

/// The seeded randomized simulation of concurrent editing (see ``Scenario``).
///
/// `BULLETIN_SIM_SCENARIOS=N` runs N in-process scenarios instead of 200 (about 0.15 s of CPU each in a debug
/// build; the time limit allows a few thousand), `BULLETIN_SIM_FIRST_SEED=S` starts at another seed (to split a
/// long exploration into runs), and `BULLETIN_SIM_SEED=S` replays one seed (the failure message names it).
@Suite(.timeLimit(.minutes(15)))
struct SimulationTests {
    static let firstSeed: UInt64 = 20_240_905

    /// The seeds to run: the replayed one, or `count` consecutive ones.
    static func seeds(count: Int) -> [UInt64] {
        let environment = ProcessInfo.processInfo.environment
        if let text = environment["BULLETIN_SIM_SEED"], let seed = UInt64(text) { return [seed] }
        let wanted = environment["BULLETIN_SIM_SCENARIOS"].flatMap(Int.init) ?? count
        let first = environment["BULLETIN_SIM_FIRST_SEED"].flatMap(UInt64.init) ?? firstSeed
        return (0..<UInt64(max(1, wanted))).map { first + $0 }
    }

    /// On PostgreSQL, fewer scenarios: each needs a database of its own, and the merge rules they exercise are the
    /// same code on both backends (only the storage differs).
    @Test(arguments: StoreKind.available)
    func everyStoreConvergesAndNoEditIsLostSilently(_ kind: StoreKind) async throws {
        // Two scenarios at a time: each is sequential (one server store, its editors' stores), and they are
        // independent of each other.
        let failure = try await withThrowingTaskGroup(of: (UInt64, [String]).self) { group in
            var pending = Self.seeds(count: kind == .sqlite ? 200 : 20)[...]
            func start() {
                guard let seed = pending.popFirst() else { return }
                group.addTask {
                    try await Newsroom.with(kind, seed: seed) { room in
                        var problems = try await Scenario(seed: seed).run(on: InProcessServer(room: room))
                        // Every record the server logged — merges, revivals, late edits, conflicts — keeps the data
                        // contract (the server would quarantine it on its next start otherwise; the scan reads an
                        // SQLite store).
                        if kind == .sqlite {
                            let scan = try await room.server.read { try LogQuarantine.scan($0) }
                            problems += scan.entries.map { "log seq \($0.seq) breaks the data contract: \($0.reason)" }
                            problems += scan.entities.map { "server entity breaks the data contract: \($0)" }
                        }
                        return (seed, problems)
                    }
                }
            }
            start()
            start()
            var failed: (seed: UInt64, problems: [String])?
            while let (seed, problems) = try await group.next() {
                if !problems.isEmpty, failed.map({ seed < $0.seed }) ?? true { failed = (seed, problems) }
                if failed == nil { start() }
            }
            return failed
        }
        if let failure {
            Issue.record(
                Comment(
                    rawValue: "simulation seed \(failure.seed) failed "
                        + "(replay: BULLETIN_SIM_SEED=\(failure.seed)):\n"
                        + failure.problems.prefix(12).joined(separator: "\n")))
        }
    }

    @Test(.timeLimit(.minutes(2)), arguments: StoreKind.available)
    func aSmallerSimulationOverRealTCPConverges(_ kind: StoreKind) async throws {
        let directory = try TemporaryDirectory.fast()
        defer { directory.remove() }
        for (index, seed) in Self.seeds(count: 4).prefix(4).enumerated() {
            let problems = try await withServer(in: directory.file("server-\(index)"), kind: kind) { server in
                try await withTimeout(seconds: 40) {
                    try await Scenario(seed: seed, rounds: 2).run(
                        on: TCPServer(server: server, stores: StoreFactory(seed: seed)))
                }
            }
            if !problems.isEmpty {
                Issue.record(
                    Comment(
                        rawValue: "TCP simulation seed \(seed) failed "
                            + "(replay: BULLETIN_SIM_SEED=\(seed)):\n"
                            + problems.prefix(12).joined(separator: "\n")))
                return
            }
        }
    }
}
