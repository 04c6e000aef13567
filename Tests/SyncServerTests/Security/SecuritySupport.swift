import BulletinCore
import Foundation
import Logging
import SyncProtocol
import TestSupport

@testable import SyncServer

/// A server that requires tokens, with one account per role, for the security tests.
struct SecuredServer {
    let server: Server
    /// The token of the account of each role (named after the role).
    let tokens: [Role: String]

    var port: Int { server.port }
    var store: ServerStore { server.store }

    /// Runs a token-checking server on 127.0.0.1 port 0 with an account per role, while `body` runs.
    static func with<Result: Sendable>(
        _ kind: StoreKind = .sqlite, directory: TemporaryDirectory? = nil, logs: CapturedLogs = CapturedLogs(),
        policy: FailedAttemptPolicy = .standard, configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: (SecuredServer) async throws -> Result
    ) async throws -> Result {
        try await withTestServer(
            kind, directory: directory, logs: logs, authenticator: AccountAuthenticator(policy: policy),
            configure: configure
        ) { server in
            var tokens: [Role: String] = [:]
            for role in Role.allCases {
                tokens[role] = try await server.store.addAccount(name: role.rawValue, role: role)
            }
            return try await body(SecuredServer(server: server, tokens: tokens))
        }
    }

    /// Connects as the account of `role` and runs `body` after `welcome`.
    func connected<Result: Sendable>(
        as role: Role, _ body: (inout TestClient) async throws -> Result
    ) async throws -> Result {
        let token = tokens[role]
        return try await TestClient.with(port: port) { client in
            _ = try await client.handshake(token: token)
            return try await body(&client)
        }
    }
}

extension TestClient {
    /// Sends `hello` with `token` (none when `nil`) and returns the answer.
    mutating func hello(token: String?, user: String? = nil) async throws -> Message {
        try await send(
            .hello(
                Hello(
                    versions: [1], clientID: ChangeFactory.newID(), credentials: Credentials(user: user, token: token),
                    appVersion: "tests/1", schemaVersion: 1)))
        return try await receive()
    }

    /// Sends `hello` with `token` and expects `welcome`.
    mutating func handshake(token: String?) async throws -> Welcome {
        let answer = try await hello(token: token)
        guard case .welcome(let welcome) = answer else { throw TestClientError.unexpected(answer) }
        return welcome
    }

    /// Sends a push and returns the answer, whatever it is.
    mutating func pushAnswer(_ changes: [ChangeRecord]) async throws -> Message {
        try await send(.push(Push(batchID: ChangeFactory.newID(), changes: changes)))
        return try await receive()
    }
}

/// An issue with a section, an article and an annotation, brought to a publication state by a chief, in the store.
struct IssueFixture: Sendable {
    let issue = ChangeFactory.newID()
    let section = ChangeFactory.newID()
    let article = ChangeFactory.newID()
    let annotation = ChangeFactory.newID()

    /// Creates the entities in `store` and moves the issue forward to `state`.
    static func make(in store: ServerStore, state: PublicationState, date: String = "2024-09-05") async throws
        -> IssueFixture
    {
        let fixture = IssueFixture()
        var factory = ChangeFactory()
        var changes = [
            factory.issue(fixture.issue, date: date), factory.section(fixture.section, issue: fixture.issue),
            factory.article(fixture.article, issue: fixture.issue, section: fixture.section),
            factory.annotation(fixture.annotation, issue: fixture.issue, article: fixture.article),
        ]
        let path: [PublicationState] = [.review, .approved, .published, .retracted]
        for next in path where next <= state {
            changes.append(factory.update(.issue, fixture.issue, ["state": .string(next.rawValue)]))
        }
        let outcome = try await store.push(changes, role: .chief, user: "chief")
        guard outcome.rejectedCount == 0 else { throw FixtureError(results: outcome.results) }
        return fixture
    }

    struct FixtureError: Error, CustomStringConvertible {
        let results: [ChangeResult]
        var description: String { "the fixture was rejected: \(results.compactMap(\.reason))" }
    }
}
