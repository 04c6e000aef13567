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
                _ = try await client.push(
                    [factory.section(ChangeFactory.newID(), issue: ChangeFactory.newID())],
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

    @Test(arguments: StoreKind.available)
    func theStoreSizeIsTheDatabasesOnEitherBackend(_ kind: StoreKind) async throws {
        try await withTestServer(kind) { server in
            let empty = Self.samples(String(decoding: await server.metricsExposition(), as: UTF8.self))
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            let section = ChangeFactory.newID()
            let articles = (0..<200).map { _ in
                factory.article(ChangeFactory.newID(), issue: issue, section: section)
            }
            _ = try await server.store.push(
                [factory.issue(issue, date: "2024-09-05"), factory.section(section, issue: issue)] + articles)
            let filled = Self.samples(String(decoding: await server.metricsExposition(), as: UTF8.self))
            let before = empty["bulletin_store_bytes"] ?? 0
            #expect(before > 0)
            #expect((filled["bulletin_store_bytes"] ?? 0) > before)
        }
    }

    @Test func theStalestFieldOfficeAndTheOpenConflictsAreGauges() async throws {
        try await withTestServer(authenticator: AccountAuthenticator()) { server in
            let office = try await server.store.addAccount(name: "van-phong-da-nang", role: .fieldOffice)
            _ = try await server.store.addAccount(name: "van-phong-hue", role: .fieldOffice)
            let twoDaysAgo = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
                .format(Date.now.addingTimeInterval(-2 * 86_400))
            try await server.store.writer.write { db in
                try db.execute(sql: "UPDATE account SET created_at = ?", arguments: [twoDaysAgo])
            }
            func scrape() async -> [String: Double] {
                Self.samples(
                    String(
                        decoding: await server.metricsExposition(),
                        as: UTF8.self))
            }
            let age = "bulletin_field_office_sync_age_seconds"
            // Neither office has synced since its account was made two days ago.
            #expect(try #require(await scrape()[age]) >= 2 * 86_400)

            try await TestClient.with(port: server.port) { client in
                guard case .welcome = try await client.hello(token: office) else {
                    Issue.record("the field office's token was refused")
                    return
                }
                let pages = try await client.pull(Pull(since: 0, maxChanges: 10, maxBytes: 1 << 20))
                #expect(pages.last?.more == false)
            }
            // One office synced; the other still has not.
            #expect(try #require(await scrape()[age]) >= 2 * 86_400)
            try await server.store.revokeAccount(name: "van-phong-hue")
            #expect(try #require(await scrape()[age]) < 60)

            // Two concurrent edits of one field open one conflict.
            var factory = ChangeFactory()
            let issue = factory.issue(ChangeFactory.newID(), date: "2024-09-05")
            var first = factory.update(.issue, issue.entityID, ["intro": "Xin giới thiệu A"])
            var second = factory.update(.issue, issue.entityID, ["intro": "Xin giới thiệu B"])
            first.base = ["intro": issue.changeID]
            second.base = ["intro": issue.changeID]
            let outcome = try await server.store.push([issue, first, second])
            #expect(outcome.results.map(\.status) == [.applied, .applied, .conflict])
            #expect(await scrape()["bulletin_conflicts_open"] == 1)
        }
    }

    /// The operator's page in README.md is the list of metrics: a scrape after a workload that touches every one
    /// serves exactly the metrics it names.
    @Test func theOperatorPageNamesExactlyTheMetricsAScrapeServes() async throws {
        let readme = try String(
            contentsOf: URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().appendingPathComponent("../../../README.md").standardized, encoding: .utf8)
        let page = try #require(readme.firstRange(of: "### Operating the server").map { readme[$0.lowerBound...] })
        let table = page.split(separator: "\n").drop { !$0.hasPrefix("| metric |") }.prefix { $0.hasPrefix("|") }
        let documented = Set(
            table.flatMap { row in
                row.matches(of: /`((?:bulletin|process)_[a-z_]+)/).map { String($0.1) }
            })
        #expect(documented.count > 20)
        try await withTestServer { server in
            var factory = ChangeFactory()
            let issue = ChangeFactory.newID()
            try await TestClient.with(port: server.port) { client in
                _ = try await client.handshake()
                _ = try await client.push([
                    factory.issue(issue, date: "2024-09-05"),
                    factory.section(ChangeFactory.newID(), issue: ChangeFactory.newID()),
                ])
                _ = try await client.pull(Pull(since: 0, maxChanges: 10, maxBytes: 1 << 20))
                _ = try await client.pull(Pull(since: 0, maxChanges: 10, maxBytes: 1 << 20, snapshot: true))
            }
            let refused = try await RawTestClient.with(port: server.port) { bad in
                try await bad.write(FrameCodec.preamble + FrameCodec.frame(flags: 0x80, payload: [0x7b]))
                return try await bad.drainUntilClosed()
            }
            #expect(refused.map(\.type) == ["error"])
            let exposition = String(decoding: await server.metricsExposition(), as: UTF8.self)
            let served = Set(
                exposition.split(separator: "\n").compactMap { line -> String? in
                    guard line.hasPrefix("# TYPE ") else { return nil }
                    return line.split(separator: " ").dropFirst(2).first.map(String.init)
                })
            #expect(Self.samples(exposition)["bulletin_frames_refused_total{code=\"malformed_frame\"}"] == 1)
            #expect(served.subtracting(documented).isEmpty, "served but not on the operator page")
            #expect(documented.subtracting(served).isEmpty, "on the operator page but not served")
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
