import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite(.timeLimit(.minutes(1))) struct ServerRobustnessTests {
    @Test func badClientsAreRefusedWhileAnotherClientKeepsBeingServed() async throws {
        try await withTimeout {
            try await withTestServer { server in
                var factory = ChangeFactory()
                try await TestClient.with(port: server.port) { good in
                    _ = try await good.handshake()

                    let garbage = try await RawTestClient.with(port: server.port) { bad in
                        try await bad.write(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
                        return try await bad.drainUntilClosed()
                    }
                    #expect(garbage.map(\.type) == ["error"])
                    #expect(Self.errorName(garbage.first) == "bad_preamble")

                    let oversized = try await RawTestClient.with(port: server.port) { bad in
                        // A length of 16 MiB before authentication: refused before anything is buffered.
                        try await bad.write(FrameCodec.preamble + [0x01, 0x00, 0x00, 0x00, 0x00])
                        return try await bad.drainUntilClosed()
                    }
                    #expect(Self.errorName(oversized.first) == "frame_too_large")

                    let reserved = try await RawTestClient.with(port: server.port) { bad in
                        try await bad.write(FrameCodec.preamble + FrameCodec.frame(flags: 0x80, payload: [0x7b]))
                        return try await bad.drainUntilClosed()
                    }
                    #expect(Self.errorName(reserved.first) == "malformed_frame")

                    let corrupt = try await RawTestClient.with(port: server.port) { bad in
                        try await bad.write(FrameCodec.preamble + FrameCodec.frame(flags: 0x01, payload: [1, 2, 3, 4]))
                        return try await bad.drainUntilClosed()
                    }
                    #expect(Self.errorName(corrupt.first) == "decompression_failed")

                    // A client that stalls mid-frame holds only its own connection.
                    try await RawTestClient.with(port: server.port) { stalled in
                        try await stalled.write(FrameCodec.preamble + [0x00, 0x00, 0x10])
                        let ack = try await good.push([factory.issue(ChangeFactory.newID(), date: "2024-09-05")])
                        #expect(ack.results.map(\.status) == [.applied])
                    }
                    try await good.send(.ping(Ping(nonce: 77)))
                    #expect(try await good.receive() == .pong(Ping(nonce: 77)))
                }
            }
        }
    }

    private static func errorName(_ message: Message?) -> String? {
        if case .error(let error) = message { return error.name }
        return nil
    }
}
