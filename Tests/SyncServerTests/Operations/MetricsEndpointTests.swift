import Foundation
import Hummingbird
import HummingbirdTesting
import SyncProtocol
import TestSupport
import Testing
@testable import SyncServer

/// `/metrics`, `/healthz` and `/readyz`, scraped over real HTTP after a scripted workload.
@Suite(.timeLimit(.minutes(1)))
struct MetricsEndpointTests {
    @Test func countersMoveByExactlyWhatTheWorkloadImplies() async throws {
        try await withTestServer { server in
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            let section = ChangeFactory.newID()
            let batch = [
                factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue),
                factory.article(ChangeFactory.newID(), issue: issue, section: section),
            ]
            try await TestClient.with(port: server.port) { client in
                _ = try await client.handshake()
                _ = try await client.push(batch, batchID: ChangeFactory.newID())
                _ = try await client.push(batch, batchID: ChangeFactory.newID())  // three duplicates
                _ = try await client.push([factory.section(ChangeFactory.newID(), issue: ChangeFactory.newID())],
                                          batchID: ChangeFactory.newID())  // names an unknown issue
            }
            try await TestClient.with(port: server.port) { client in
                _ = try await client.handshake()
                _ = try await client.pull(Pull(since: 0, maxChanges: 2, maxBytes: 1 << 20))
            }
            let application = Application(router: OperationsEndpoint.router(for: server))
            try await application.test(.live) { client in
                let metrics = try await client.execute(uri: "/metrics", method: .get) { response in
                    #expect(response.status == .ok)
                    return Self.samples(String(buffer: response.body))
                }
                #expect(metrics["bulletin_handshakes_total{outcome=\"accepted\"}"] == 2)
                #expect(metrics["bulletin_sessions_open{role=\"chief\"}"] == 0)
                #expect(metrics["bulletin_push_batches_total"] == 3)
                #expect(metrics["bulletin_push_changes_total{outcome=\"applied\"}"] == 3)
                #expect(metrics["bulletin_push_changes_total{outcome=\"duplicate\"}"] == 3)
                #expect(metrics["bulletin_push_changes_total{outcome=\"rejected\"}"] == 1)
                #expect(metrics["bulletin_push_rejections_total{code=\"unknown_reference\"}"] == 1)
                #expect(metrics["bulletin_messages_received_total{type=\"hello\"}"] == 2)
                #expect(metrics["bulletin_messages_received_total{type=\"push\"}"] == 3)
                #expect(metrics["bulletin_messages_received_total{type=\"pull\"}"] == 1)
                #expect(metrics["bulletin_messages_sent_total{type=\"push_ack\"}"] == 3)
                #expect(metrics["bulletin_messages_sent_total{type=\"changes\"}"] == 2)  // 3 records, 2 a page
                #expect(metrics["bulletin_log_pages_total"] == 2)
                #expect(metrics["bulletin_head_seq"] == 3)
                #expect(metrics["bulletin_push_duration_seconds_count"] == 3)
                #expect((metrics["bulletin_wire_received_bytes_total"] ?? 0) > 0)
                #expect((metrics["bulletin_store_bytes"] ?? 0) > 0)
                #expect((metrics["process_resident_memory_bytes"] ?? 0) > 1_000_000)
                try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
                try await client.execute(uri: "/readyz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).hasPrefix("ready"))
                }
                server.shutdown()
                try await client.execute(uri: "/readyz", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(String(buffer: response.body).hasPrefix("draining"))
                }
            }
        }
    }

    /// `name{labels} value` lines of a Prometheus text exposition, by name and labels.
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else {
                continue
            }
            samples[String(line[..<space])] = value
        }
        return samples
    }
}
