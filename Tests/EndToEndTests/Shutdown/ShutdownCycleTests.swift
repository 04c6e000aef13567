import Foundation
import SyncProtocol
import TestSupport
import Testing

/// `bulletin-server serve` stopped by SIGTERM with connections at every stage must exit 0 every time: an accepted
/// connection that no session took up yet must not bring the process down on its way out.
@Suite(.timeLimit(.minutes(5)))
struct ShutdownCycleTests {
    /// Where a connection is when SIGTERM arrives.
    enum Stage: CaseIterable {
        case connectedAndClosed, preambleOnly, helloUnanswered, pushInFlight, pullInFlight
    }

    @Test func sigtermWithConnectionsAtEveryStageExitsCleanly200Times() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let added = try await BuiltBinaries.run(
            "bulletin-server", ["user", "add", "chief", "--role", "chief", "--data", data])
        #expect(added.status == 0, "\(added.standardError)")
        let token = added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        var failures: [String] = []
        for cycle in 0..<200 {
            let stage = Stage.allCases[cycle % Stage.allCases.count]
            let server = try RunningProcess("bulletin-server", ["serve", "--port", "0", "--data", data])
            let port = try #require(await server.listeningPort())
            var sockets: [RawSocket] = []
            do {
                sockets = try Self.open(stage, port: port, token: token, cycle: cycle)
            } catch {
                failures.append("cycle \(cycle) (\(stage)): \(error)")
            }
            let status = await server.stop(signal: SIGTERM)
            if status != 0 { failures.append("cycle \(cycle) (\(stage)): exit status \(status)") }
            sockets.removeAll()
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Connections left at `stage` (the server is signalled while they are open, or just after they closed).
    static func open(_ stage: Stage, port: Int, token: String, cycle: Int) throws -> [RawSocket] {
        let codec = FrameCodec()
        let socket = try RawSocket(port: port)
        let hello = Hello(
            versions: [1], clientID: UUID().uuidString.lowercased(),
            credentials: Credentials(token: token), appVersion: "shutdown-test", schemaVersion: 1)
        switch stage {
        case .connectedAndClosed:
            return []
        case .preambleOnly:
            try socket.send(FrameCodec.preamble)
        case .helloUnanswered:
            try socket.send(FrameCodec.preamble + codec.frame(for: .hello(hello)))
        case .pushInFlight, .pullInFlight:
            try socket.send(FrameCodec.preamble + codec.frame(for: .hello(hello)))
            _ = try socket.receive(4)
            try socket.receiveFrame()  // welcome
            if stage == .pushInFlight {
                try socket.send(codec.frame(for: .push(pushBatch(cycle: cycle))))
            } else {
                try socket.send(codec.frame(for: .pull(Pull(since: 0, maxChanges: 100, maxBytes: 1 << 20))))
            }
        }
        return [socket]
    }

    /// A batch of issues with dates of their own, so that the log grows and later pulls have pages to send.
    static func pushBatch(cycle: Int) -> Push {
        let changes = (0..<50).map { index in
            let day = cycle * 50 + index
            let date = String(format: "%04d-%02d-%02d", 2000 + day / 336, day / 28 % 12 + 1, day % 28 + 1)
            return ChangeRecord(
                changeID: UUID().uuidString.lowercased(), entity: .issue, entityID: UUID().uuidString.lowercased(),
                op: .create,
                fields: [
                    "publication": .string("Điểm báo – Cải cách hành chính"), "date": .string(date),
                    "weekday": .string("THỨ NĂM"), "year_line": .string("Năm 2024"),
                    "release_line": .string("Phát hành: 05/9/2024"),
                    "title_lines": .array([.string("Bản tin"), .string("Điểm báo")]),
                    "subject": .string("CẢI CÁCH HÀNH CHÍNH"),
                    "cadence": .string("(Phát hành hàng ngày từ thứ Hai đến thứ Sáu)"),
                    "intro": .string("Xin giới thiệu"), "editor": .string("Thanh Hồng"), "state": .string("draft"),
                ],
                hlc: HLCTimestamp(wallMillis: 1_725_523_200_000 + Int64(day), counter: 0), author: "Thanh Hồng",
                clientID: UUID().uuidString.lowercased())
        }
        return Push(batchID: UUID().uuidString.lowercased(), changes: changes)
    }
}
