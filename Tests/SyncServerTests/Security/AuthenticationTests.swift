import NIOCore
import SyncProtocol
import TestSupport
import Testing

@testable import SyncServer

@Suite(.timeLimit(.minutes(1))) struct AuthenticationTests {
    @Test func aValidTokenOpensASessionAsItsAccount() async throws {
        let logs = CapturedLogs()
        try await withTimeout {
            try await SecuredServer.with(logs: logs) { server in
                for role in Role.allCases {
                    try await server.connected(as: role) { client in
                        try await client.send(.ping(Ping(nonce: 3)))
                        #expect(try await client.receive() == .pong(Ping(nonce: 3)))
                    }
                }
            }
        }
        let accepted = logs.lines.filter { $0.message == "hello accepted" }
        #expect(accepted.compactMap { $0.metadata["client.role"] } == ["editor", "chief", "field-office", "admin"])
        #expect(accepted.compactMap { $0.metadata["client.user"] } == ["editor", "chief", "field-office", "admin"])
    }

    @Test func welcomeNamesTheAccountOfTheTokenNotTheUserTheClientClaims() async throws {
        try await withTimeout {
            try await SecuredServer.with { server in
                for role in Role.allCases {
                    try await TestClient.with(port: server.port) { client in
                        let answer = try await client.hello(token: server.tokens[role], user: "someone-else")
                        guard case .welcome(let welcome) = answer else {
                            Issue.record("\(role): \(answer)")
                            return
                        }
                        #expect(welcome.capabilities.contains("account"))
                        #expect(welcome.account == WelcomeAccount(name: role.rawValue, role: role))
                    }
                }
            }
        }
    }

    @Test(arguments: [
        ("no token", nil as String?, "requires a token"),
        ("an unknown token", "bst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not valid"),
        ("an empty token", "", "requires a token"),
    ])
    func withoutAValidTokenTheClientIsUnauthenticatedAndDisconnected(
        _ what: String, _ token: String?, _ reason: String
    ) async throws {
        try await withTimeout {
            try await SecuredServer.with { server in
                try await TestClient.with(port: server.port) { client in
                    guard case .error(let error) = try await client.hello(token: token) else {
                        Issue.record("\(what) was let in")
                        return
                    }
                    #expect(error.name == "unauthenticated")
                    #expect(error.code == 400)
                    #expect(error.message.contains(reason), "\(error.message)")
                    #expect(try await client.next() == nil)
                }
            }
        }
    }

    @Test func aRevokedAccountsTokenIsRefused() async throws {
        try await withTimeout {
            try await SecuredServer.with { server in
                try await server.store.revokeAccount(name: "editor")
                try await TestClient.with(port: server.port) { client in
                    guard case .error(let error) = try await client.hello(token: server.tokens[.editor]) else {
                        Issue.record("a revoked token was let in")
                        return
                    }
                    #expect(error.name == "unauthenticated")
                    #expect(error.message.contains("revoked"))
                    #expect(try await client.next() == nil)
                }
            }
        }
    }

    @Test func aServerWithoutAccountsSaysHowToMakeOne() async throws {
        try await withTimeout {
            try await withTestServer(authenticator: AccountAuthenticator()) { server in
                try await TestClient.with(port: server.port) { client in
                    guard case .error(let error) = try await client.hello(token: "bst_whatever") else {
                        Issue.record("a server without accounts let a client in")
                        return
                    }
                    #expect(error.name == "unauthenticated")
                    #expect(error.message.contains("bulletin-server user add"))
                }
            }
        }
    }

    @Test func repeatedFailuresFromOneAddressAreSlowedThenRateLimitedWhileOthersAreServed() async throws {
        let policy = FailedAttemptPolicy(
            firstDelay: .milliseconds(1), maximumDelay: .milliseconds(4), blockAfter: 3, forgetAfter: .seconds(600))
        try await withTimeout {
            try await SecuredServer.with(policy: policy) { server in
                var names: [String] = []
                for _ in 0..<5 {
                    let name = try await TestClient.with(port: server.port) { client in
                        guard case .error(let error) = try await client.hello(token: "bst_guess") else { return "?" }
                        #expect(try await client.next() == nil)
                        return error.name
                    }
                    names.append(name)
                }
                #expect(
                    names == [
                        "unauthenticated", "unauthenticated", "unauthenticated", "rate_limited",
                        "rate_limited",
                    ])
                // Once blocked, even a valid token from that address is not checked.
                let blocked = try await TestClient.with(port: server.port) { client in
                    try await client.hello(token: server.tokens[.editor])
                }
                guard case .error(let error) = blocked else {
                    Issue.record("a blocked address was let in")
                    return
                }
                #expect(error.name == "rate_limited")
                #expect(error.retryable)
            }
        }
    }
}

@Suite struct LoopbackTests {
    @Test func onlyLoopbackAddressesCountAsLocal() throws {
        #expect(try SocketAddress(ipAddress: "127.0.0.1", port: 1).isLoopback)
        #expect(try SocketAddress(ipAddress: "127.8.9.10", port: 1).isLoopback)
        #expect(try SocketAddress(ipAddress: "::1", port: 1).isLoopback)
        #expect(try !SocketAddress(ipAddress: "0.0.0.0", port: 1).isLoopback)
        #expect(try !SocketAddress(ipAddress: "10.1.2.3", port: 1).isLoopback)
        #expect(try !SocketAddress(ipAddress: "::", port: 1).isLoopback)
    }
}
