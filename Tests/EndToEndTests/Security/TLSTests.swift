import Foundation
import Logging
import SyncClient
import SyncProtocol
import SyncServer
import TestSupport
import Testing

@Suite(.timeLimit(.minutes(1)), .enabled(if: TestCertificates.openssl != nil, "needs the openssl command"))
struct TLSTests {
    private func withTLSServer<Result: Sendable>(
        logs: CapturedLogs = CapturedLogs(), _ body: (Server, TestCertificates) async throws -> Result
    ) async throws -> Result {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let certificates = try TestCertificates.make(in: directory)
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, dataDirectory: directory.file("data"),
            tls: ServerTLS(certificatePath: certificates.certificateFile, privateKeyPath: certificates.keyFile))
        return try await Server.withRunning(configuration: configuration, logger: logs.logger()) { server in
            try await body(server, certificates)
        }
    }

    private func hello(token: String?) -> Hello {
        Hello(
            versions: [1], clientID: UUID().uuidString.lowercased(), credentials: Credentials(token: token),
            appVersion: "tests/1", schemaVersion: 1)
    }

    @Test func aClientTrustingTheServersCASyncsOverTLS() async throws {
        try await withTimeout {
            try await withTLSServer { server, certificates in
                let token = try await server.store.addAccount(name: "thanh", role: .editor)
                for host in ["127.0.0.1", "localhost"] {
                    let connector = SyncConnector(
                        address: ServerAddress(host: host, port: server.port),
                        tls: ClientTLS(caFile: certificates.caFile))
                    let head = try await connector.withConversation(hello: hello(token: token)) { _, welcome in
                        welcome.headSeq
                    }
                    #expect(head == 0)
                }
            }
        }
    }

    @Test func aClientWithTheWrongCAFailsCleanlyAndTheServerKeepsServing() async throws {
        try await withTimeout {
            try await withTLSServer { server, certificates in
                let token = try await server.store.addAccount(name: "thanh", role: .editor)
                let address = ServerAddress(host: "127.0.0.1", port: server.port)
                let wrong = SyncConnector(address: address, tls: ClientTLS(caFile: certificates.otherCAFile))
                do {
                    _ = try await wrong.withConversation(hello: hello(token: token)) { _, welcome in welcome.headSeq }
                    Issue.record("a server certificate from an untrusted CA was accepted")
                } catch let error as SyncError {
                    guard case .tlsFailed(let failedAddress, let reason) = error else {
                        Issue.record("unexpected error: \(error)")
                        return
                    }
                    #expect(failedAddress == address.description)
                    #expect(error.code == "tls_failed")
                    #expect(error.description.contains("TLS handshake failed"), "\(error)")
                    #expect(!reason.isEmpty)
                    #expect(error.description.split(separator: "\n").count == 1)
                }
                // A plain-TCP client gets nowhere either (its preamble is not a TLS handshake).
                let plain = SyncConnector(address: address, connectTimeout: .seconds(5))
                await #expect(throws: (any Error).self) {
                    try await plain.withConversation(hello: hello(token: token)) { _, welcome in welcome.headSeq }
                }
                let good = SyncConnector(address: address, tls: ClientTLS(caFile: certificates.caFile))
                let head = try await good.withConversation(hello: hello(token: token)) { _, welcome in
                    welcome.headSeq
                }
                #expect(head == 0)
            }
        }
    }
}
