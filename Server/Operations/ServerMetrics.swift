import CoreMetrics
import Foundation
import NIOConcurrencyHelpers
import Prometheus
import SyncProtocol

/// The server's metrics, recorded through swift-metrics into a Prometheus registry of the server's own (so that
/// several servers in one process, as in tests, never share counts) and rendered in the Prometheus text format.
///
/// Labels take values from fixed sets only (roles, message types, outcomes, error codes): never account names or
/// ids, so the number of series stays bounded whatever the traffic.
public final class ServerMetrics: Sendable {
    /// The registry the metrics are kept in.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let counters = NIOLockedValueBox<[String: CoreMetrics.Counter]>([:])
    private let sessions: [AccountRole: Meter]
    private let headSeq: Meter
    private let pushSeconds: CoreMetrics.Timer
    private let pullSeconds: CoreMetrics.Timer
    private let fanOutSeconds: CoreMetrics.Timer
    private let storeBytes: Meter
    private let walBytes: Meter
    private let residentBytes: Meter
    private let openDescriptors: Meter
    private let fieldOfficeSyncAge: Meter
    private let conflictsOpen: Meter
    /// Counted on every socket read and write and every frame: made once, so that the hot path takes no lookup.
    let wireReceivedBytes: CoreMetrics.Counter
    let wireSentBytes: CoreMetrics.Counter
    let payloadReceivedBytes: CoreMetrics.Counter
    let payloadSentBytes: CoreMetrics.Counter

    /// Metrics in a new registry.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        let latency: [Duration] = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
        ]
        factory.defaultDurationHistogramBuckets = latency
        self.factory = factory
        sessions = Dictionary(
            uniqueKeysWithValues: AccountRole.allCases.map { role in
                (role, Meter(label: "bulletin_sessions_open", dimensions: [("role", role.rawValue)], factory: factory))
            })
        headSeq = Meter(label: "bulletin_head_seq", factory: factory)
        pushSeconds = CoreMetrics.Timer(label: "bulletin_push_duration_seconds", factory: factory)
        pullSeconds = CoreMetrics.Timer(label: "bulletin_pull_duration_seconds", factory: factory)
        fanOutSeconds = CoreMetrics.Timer(label: "bulletin_notify_fanout_seconds", factory: factory)
        storeBytes = Meter(label: "bulletin_store_bytes", factory: factory)
        walBytes = Meter(label: "bulletin_store_wal_bytes", factory: factory)
        residentBytes = Meter(label: "process_resident_memory_bytes", factory: factory)
        openDescriptors = Meter(label: "process_open_fds", factory: factory)
        fieldOfficeSyncAge = Meter(label: "bulletin_field_office_sync_age_seconds", factory: factory)
        conflictsOpen = Meter(label: "bulletin_conflicts_open", factory: factory)
        wireReceivedBytes = CoreMetrics.Counter(label: "bulletin_wire_received_bytes_total", factory: factory)
        wireSentBytes = CoreMetrics.Counter(label: "bulletin_wire_sent_bytes_total", factory: factory)
        payloadReceivedBytes = CoreMetrics.Counter(label: "bulletin_payload_received_bytes_total", factory: factory)
        payloadSentBytes = CoreMetrics.Counter(label: "bulletin_payload_sent_bytes_total", factory: factory)
    }

    /// Adds `amount` to the counter `name` with `labels` (from fixed sets only).
    func count(_ name: String, _ labels: [(String, String)] = [], by amount: Int = 1) {
        guard amount > 0 else { return }
        let key = ([name] + labels.map { "\($0.0)=\($0.1)" }).joined(separator: "\u{1F}")
        let counter = counters.withLockedValue { counters in
            if let counter = counters[key] { return counter }
            let counter = CoreMetrics.Counter(label: name, dimensions: labels, factory: factory)
            counters[key] = counter
            return counter
        }
        counter.increment(by: amount)
    }

    /// A session of `role` authenticated.
    func sessionOpened(_ role: AccountRole) { sessions[role]?.increment() }

    /// A session of `role` ended.
    func sessionClosed(_ role: AccountRole) { sessions[role]?.decrement() }

    /// The log's head moved to `seq`.
    func head(_ seq: Int64) { headSeq.set(Double(seq)) }

    /// A push batch took `duration` to apply and acknowledge.
    func pushed(_ outcome: PushOutcome, in duration: Duration) {
        count("bulletin_push_batches_total")
        for result in outcome.results {
            count("bulletin_push_changes_total", [("outcome", result.status.rawValue)])
            if result.status == .rejected {
                // Only known codes become labels (an error name or a data-contract code): the label set stays bounded.
                let code = result.code ?? ""
                let label = ErrorCode(name: code)?.name ?? ContractCode(rawValue: code)?.name ?? "other"
                count("bulletin_push_rejections_total", [("code", label)])
            }
        }
        pushSeconds.recordNanoseconds(duration.nanoseconds)
        head(outcome.headSeq)
    }

    /// A pull took `duration` and sent `pages` pages.
    func pulled(pages: Int, snapshot: Bool, in duration: Duration) {
        pullSeconds.recordNanoseconds(duration.nanoseconds)
        count(snapshot ? "bulletin_snapshot_pages_total" : "bulletin_log_pages_total", by: pages)
    }

    /// A new head reached every subscriber's queue in `duration`.
    func fannedOut(in duration: Duration) { fanOutSeconds.recordNanoseconds(duration.nanoseconds) }

    /// The values the store answers at scrape time: the longest a field office has gone without syncing, the
    /// conflicts open and the database's size.
    func storeGauges(fieldOfficeSyncAge seconds: Double, conflictsOpen open: Int, databaseBytes bytes: Int64) {
        fieldOfficeSyncAge.set(seconds)
        conflictsOpen.set(Double(open))
        storeBytes.set(Double(bytes))
    }

    /// The Prometheus text exposition, with the values read at scrape time (the SQLite write-ahead log's size, 0 for
    /// PostgreSQL; the process's sizes) refreshed.
    func exposition(storePath: String) -> [UInt8] {
        walBytes.set(Double(Self.fileSize(storePath + "-wal")))
        if let pages = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
            .split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        {
            residentBytes.set(pages * Double(sysconf(Int32(_SC_PAGESIZE))))
        }
        if let descriptors = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            openDescriptors.set(Double(descriptors.count))
        }
        return registry.emitToBuffer()
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
