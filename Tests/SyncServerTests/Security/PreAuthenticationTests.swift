import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

/// Before authentication a peer gets only the preamble, the handshake and errors, under small limits: hostile
/// peers cost the server bounded memory and never stop it serving others.
@Suite(.timeLimit(.minutes(1))) struct PreAuthenticationTests {
    /// A frame just over the before-authentication limit (64 KiB): only its 5-byte header is ever sent.
    static let overPreAuthLimit: [UInt8] = {
        let length = UInt32(FrameLimits.preAuthentication.maxFrameBytes + 1)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff), 0]
    }()

    /// A small zlib frame whose JSON inflates past the before-authentication limit (256 KiB).
    static let zipBomb: [UInt8] = {
        let json =
            Array("{\"pad\":\"".utf8) + Array(repeating: UInt8(ascii: "a"), count: 300 << 10)
            + Array("\",\"type\":\"ping\",\"nonce\":1}".utf8)
        return FrameCodec.frame(flags: RawFrame.compressedFlag, payload: Zlib.compress(json))
    }()

    @Test func hostilePeersAreCutOffWhileAnEditorIsServed() async throws {
        try await withTimeout {
            // Long enough for the editor's own handshake on a busy 2-core machine; idle peers still go in 2 s.
            try await SecuredServer.with(configure: { $0.handshakeTimeout = .seconds(2) }) { server in
                #expect(Self.zipBomb.count < 2048)
                let hostile: [(name: String, bytes: [UInt8], error: String?)] = [
                    ("garbage", Array("\u{16}\u{03}\u{01}\u{02}\u{00}GARBAGE".utf8), "bad_preamble"),
                    ("over the pre-auth frame limit", FrameCodec.preamble + Self.overPreAuthLimit, "frame_too_large"),
                    ("zip bomb", FrameCodec.preamble + Self.zipBomb, "decompressed_too_large"),
                    ("idle after the preamble", FrameCodec.preamble, nil),
                    ("half a frame", FrameCodec.preamble + [0x00, 0x00, 0x40, 0x00, 0x00, 0x7b], nil),
                ]
                var factory = ChangeFactory()
                try await withThrowingTaskGroup(of: (String, [String]).self) { group in
                    for round in 0..<4 {
                        for peer in hostile {
                            group.addTask {
                                let answers = try await RawTestClient.with(port: server.port) { client in
                                    try await client.write(peer.bytes)
                                    return try await client.drainUntilClosed()
                                }
                                return ("\(peer.name) #\(round)", answers.map(Self.name))
                            }
                        }
                    }
                    // Meanwhile an editor connects and pushes.
                    try await server.connected(as: .editor) { editor in
                        let ack = try await editor.push([factory.issue(ChangeFactory.newID(), date: "2024-09-05")])
                        #expect(ack.results.map(\.status) == [.applied])
                    }
                    var seen = 0
                    for try await (name, answers) in group {
                        seen += 1
                        let expected = hostile.first { name.hasPrefix($0.name) }?.error
                        // Each is closed; those that broke a rule were told which.
                        #expect(answers == (expected.map { [$0] } ?? []), "\(name): \(answers)")
                    }
                    #expect(seen == 4 * hostile.count)
                }
                // And the server still serves.
                try await server.connected(as: .chief) { chief in
                    try await chief.send(.ping(Ping(nonce: 2)))
                    #expect(try await chief.receive() == .pong(Ping(nonce: 2)))
                }
            }
        }
    }

    @Test func onlyTheHandshakeIsServedBeforeAuthenticationAndLimitsRiseAfterIt() async throws {
        try await withTimeout {
            try await SecuredServer.with { server in
                var factory = ChangeFactory()
                let head = try await server.store.headSeq()
                try await TestClient.with(port: server.port) { client in
                    try await client.send(
                        .push(
                            Push(
                                batchID: "b",
                                changes: [
                                    factory.issue(ChangeFactory.newID(), date: "2024-09-05")
                                ])))
                    #expect(try await client.expectError().name == "unexpected_message")
                    try await client.send(.pull(Pull(since: 0, maxChanges: 10, maxBytes: 1000)))
                    #expect(try await client.expectError().name == "unexpected_message")
                    #expect(try await server.store.headSeq() == head)
                    _ = try await client.handshake(token: server.tokens[.editor])
                    // After `welcome`, a payload larger than the before-authentication limits is accepted.
                    let issue = ChangeFactory.newID()
                    let section = ChangeFactory.newID()
                    var big = factory.article(ChangeFactory.newID(), issue: issue, section: section)
                    big.fields["paragraphs"] = .array(
                        Array(
                            repeating: .string(String(repeating: "ạ", count: 1000)),
                            count: 200))
                    #expect(
                        FrameCodec.json(.push(Push(batchID: "b", changes: [big]))).count
                            > FrameLimits.preAuthentication.maxDecompressedBytes)
                    let ack = try await client.push([
                        factory.issue(issue, date: "2024-09-06"), factory.section(section, issue: issue), big,
                    ])
                    #expect(ack.results.map(\.status) == [.applied, .applied, .applied])
                }
            }
        }
    }

    private static func name(_ message: Message) -> String {
        if case .error(let error) = message { return error.name }
        return message.type
    }
}
