import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite(.timeLimit(.minutes(1))) struct ServerHandshakeTests {
    @Test func helloIsAnsweredWithWelcome() async throws {
        let logs = CapturedLogs()
        try await withTimeout {
            try await withTestServer(logs: logs) { server in
                #expect(server.port > 0)
                let welcome = try await TestClient.with(port: server.port) { client in
                    try await client.handshake()
                }
                #expect(welcome.version == 1)
                #expect(welcome.serverID == server.store.serverID)
                #expect(welcome.headSeq == 0)
                #expect(welcome.capabilities == ["snapshot", "subscribe", "edits", "account", "log_epochs"])
                // A store's first history starts at the empty log.
                #expect(welcome.logEpochs?.count == 1)
                #expect(welcome.logEpochs?.first?.fromSeq == 0)
                #expect(welcome.logEpochs == server.store.logEpochs)
                // An anonymous hello (the test authenticator allows it) names no account.
                #expect(welcome.account == nil)
                #expect(welcome.limits.maxBatchChanges == server.configuration.maxBatchChanges)
                #expect(welcome.limits.maxFrameBytes == FrameLimits.standard.maxFrameBytes)
            }
        }
        let opened = logs.lines.filter { $0.message == "connection opened" }
        #expect(opened.count == 1)
        #expect(opened.first?.metadata["connection.id"] == "1")
        #expect(opened.first?.metadata["connection.peer"]?.contains("127.0.0.1") == true)
    }

    @Test func anUnsupportedVersionGetsAClearErrorAndTheConnectionCloses() async throws {
        try await withTimeout {
            try await withTestServer { server in
                try await TestClient.with(port: server.port) { client in
                    guard case .error(let error) = try await client.hello(versions: [2, 3]) else {
                        Issue.record("expected an error")
                        return
                    }
                    #expect(error.name == "unsupported_version")
                    #expect(error.message.contains("offered [2, 3]"))
                    #expect(error.message.contains("server supports [1]"))
                    #expect(try await client.next() == nil)
                }
            }
        }
    }

    @Test func aPluggedInAuthenticatorCanRefuseAHello() async throws {
        struct TokenRequired: Authenticator {
            func authenticate(_ hello: Hello, peer: String?) async -> AuthenticationResult {
                hello.credentials?.token == "s3cret"
                    ? .allowed(Principal(user: hello.credentials?.user, clientID: hello.clientID))
                    : .denied("a valid token is required")
            }
        }
        try await withTimeout {
            try await withTestServer(authenticator: TokenRequired()) { server in
                try await TestClient.with(port: server.port) { client in
                    guard case .error(let error) = try await client.hello() else {
                        Issue.record("expected an error")
                        return
                    }
                    #expect(error.name == "unauthenticated")
                    #expect(error.message == "a valid token is required")
                    #expect(try await client.next() == nil)
                }
            }
        }
    }

    @Test func aRequestBeforeHelloIsUnexpectedButTheConnectionStaysUsable() async throws {
        try await withTimeout {
            try await withTestServer { server in
                try await TestClient.with(port: server.port) { client in
                    try await client.send(.ping(Ping(nonce: 1)))
                    #expect(try await client.expectError().name == "unexpected_message")
                    _ = try await client.handshake()
                    try await client.send(.ping(Ping(nonce: 9)))
                    #expect(try await client.receive() == .pong(Ping(nonce: 9)))
                }
            }
        }
    }

    @Test func anUnknownMessageTypeOrAMissingFieldGetsAnErrorAndTheConnectionStaysOpen() async throws {
        try await withTimeout {
            try await withTestServer { server in
                try await RawTestClient.with(port: server.port) { client in
                    try await client.write(FrameCodec.preamble)
                    let hello = Message.hello(Hello(versions: [1], clientID: "c", appVersion: "t", schemaVersion: 1))
                    try await client.write(FrameCodec().frame(for: hello))
                    guard case .welcome = try await client.nextMessage() else {
                        Issue.record("expected welcome")
                        return
                    }
                    try await client.writeFrame(json: #"{"type":"frobnicate"}"#)
                    guard case .error(let unknown) = try await client.nextMessage() else {
                        Issue.record("expected an error")
                        return
                    }
                    #expect(unknown.name == "unsupported_message")
                    try await client.writeFrame(json: #"{"type":"pull","since":0}"#)
                    guard case .error(let missing) = try await client.nextMessage() else {
                        Issue.record("expected an error")
                        return
                    }
                    #expect(missing.name == "invalid_message")
                    try await client.write(FrameCodec().frame(for: .ping(Ping(nonce: 5))))
                    #expect(try await client.nextMessage() == .pong(Ping(nonce: 5)))
                }
            }
        }
    }
}
