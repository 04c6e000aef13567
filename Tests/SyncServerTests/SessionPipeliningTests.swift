import NIOConcurrencyHelpers
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// A connection's batches sent one after another without waiting for their acks (PROTOCOL.md section 7): the
/// session hands each to the store before the previous one is acknowledged, and nothing of the order may change.
@Suite(.timeLimit(.minutes(1))) struct SessionPipeliningTests {
    /// Batch 0 creates an issue and a section; batch i > 0 creates section i and renames section i − 1, which only
    /// works when batch i − 1 was applied first.
    private static func chain(_ count: Int) -> [[ChangeRecord]] {
        var factory = ChangeFactory()
        let issue = ChangeFactory.newID()
        let sections = (0..<count).map { _ in ChangeFactory.newID() }
        return (0..<count).map { index in
            index == 0
                ? [factory.issue(issue, date: "2024-09-05"), factory.section(sections[0], issue: issue)]
                : [
                    factory.section(sections[index], issue: issue, position: Int64(index + 1)),
                    factory.update(.section, sections[index - 1], ["title": .string("Mục \(index)")]),
                ]
        }
    }

    @Test(arguments: StoreKind.available)
    func batchesScheduledTogetherAreAppliedInTheOrderTheyWereScheduled(_ kind: StoreKind) async throws {
        try await withTestStore(kind) { store, _ in
            let batches = Self.chain(30)
            let outcomes = NIOLockedValueBox<[Int: PushOutcome]>([:])
            try await withThrowingTaskGroup(of: Void.self) { group in
                var completions: [AsyncThrowingStream<Void, any Error>.Continuation] = []
                for (index, batch) in batches.enumerated() {
                    let (done, continuation) = AsyncThrowingStream<Void, any Error>.makeStream()
                    completions.append(continuation)
                    // Scheduled back to back, none waiting for the one before.
                    store.schedulePush(batch) { result in
                        switch result {
                        case .success(let outcome):
                            outcomes.withLockedValue { $0[index] = outcome }
                            continuation.finish()
                        case .failure(let error): continuation.finish(throwing: error)
                        }
                    }
                    group.addTask { for try await _ in done {} }
                }
                try await group.waitForAll()
            }
            let ordered = outcomes.withLockedValue { outcomes in batches.indices.map { outcomes[$0] } }
            for (index, outcome) in ordered.enumerated() {
                #expect(outcome?.results.map(\.status) == [.applied, .applied], "batch \(index)")
            }
            let seqs = ordered.flatMap { $0?.results.compactMap(\.seq) ?? [] }
            #expect(seqs == Array(1...Int64(2 * batches.count)))
        }
    }

    @Test(arguments: StoreKind.available)
    func batchesSentWithoutWaitingAreAppliedAndAcknowledgedInOrder(_ kind: StoreKind) async throws {
        // More batches than the session keeps owed at once: the rest wait for room.
        let batches = Self.chain(OrderedReplies.limit * 3)
        try await withTestServer(kind) { server in
            try await TestClient.with(port: server.port) { client in
                _ = try await client.handshake()
                for (index, batch) in batches.enumerated() {
                    try await client.send(.push(Push(batchID: "b-\(index)", changes: batch)))
                }
                var acks: [PushAck] = []
                for _ in batches {
                    let answer = try await client.receive()
                    guard case .pushAck(let ack) = answer else { throw TestClientError.unexpected(answer) }
                    acks.append(ack)
                }
                #expect(acks.map(\.batchID) == batches.indices.map { "b-\($0)" })
                #expect(acks.allSatisfy { $0.results.map(\.status) == [.applied, .applied] })
                #expect(acks.flatMap { $0.results.compactMap(\.seq) } == Array(1...Int64(2 * batches.count)))
                #expect(acks.map(\.headSeq) == batches.indices.map { Int64(2 * $0 + 2) })
            }
        }
    }

    @Test(arguments: StoreKind.available)
    func aPullSentBehindBatchesIsAnsweredAfterTheirAcksAndSeesThem(_ kind: StoreKind) async throws {
        let batches = Self.chain(3)
        try await withTestServer(kind) { server in
            try await TestClient.with(port: server.port) { client in
                _ = try await client.handshake()
                for (index, batch) in batches.enumerated() {
                    try await client.send(.push(Push(batchID: "b-\(index)", changes: batch)))
                }
                try await client.send(.pull(Pull(since: 0, maxChanges: 1_000, maxBytes: 1 << 22)))
                var types: [String] = []
                var pulled: [String] = []
                while true {
                    let answer = try await client.receive()
                    types.append(answer.type)
                    guard case .changes(let page) = answer else { continue }
                    pulled += page.changes.map(\.changeID)
                    if !page.more { break }
                }
                #expect(types == ["push_ack", "push_ack", "push_ack", "changes"])
                #expect(pulled == batches.flatMap { $0.map(\.changeID) })
            }
        }
    }

    @Test func batchesInFlightAtShutdownAreAcknowledgedBeforeByeAndOnlyAcknowledgedOnesApplied() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var factory = ChangeFactory()
        let batches = (0..<3).map { _ in (0..<300).map { _ in factory.issue(ChangeFactory.newID(), date: "2024-09-05") }
        }
        let answers = try await answersToPushesAtShutdown(
            batches.enumerated().map { Push(batchID: "b-\($0.offset)", changes: $0.element) }, directory: directory)
        let reopened = try ServerStore(directory: directory.path)
        defer { try? reopened.close() }
        let acks = answers.compactMap { answer -> PushAck? in
            if case .pushAck(let ack) = answer { return ack }
            return nil
        }
        // The acks come first, in order, then `bye`; what was acknowledged is there, and nothing else.
        #expect(acks.map(\.batchID) == Array(["b-0", "b-1", "b-2"].prefix(acks.count)))
        #expect(acks.allSatisfy { $0.results.allSatisfy { $0.status == .applied } })
        #expect(try await reopened.headSeq() == Int64(300 * acks.count))
        if answers.last.map({ $0.type == "bye" }) == true {
            #expect(answers.map(\.type) == Array(repeating: "push_ack", count: acks.count) + ["bye"])
        }
    }
}
