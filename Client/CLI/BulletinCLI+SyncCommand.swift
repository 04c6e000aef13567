import Foundation
import Logging

extension BulletinCLI {
    /// `bulletin sync [--server HOST:PORT] [--watch] [--json]`: pushes pending changes and pulls everyone else's.
    ///
    /// The address is remembered in the store after the first successful sync. With `watch`, stays connected
    /// until cancelled and writes a line per push or pull.
    public func sync(store: String?, server: String?, watch: Bool, json: Bool, output: CommandOutput,
                     logger: Logger) async throws {
        let local = try openStore(store, concurrentReads: true)
        let remembered = try local.serverAddress()
        guard let text = server ?? remembered else { throw SyncError.noServerConfigured }
        let address = try ServerAddress(parsing: text)
        let runner = SyncRunner(
            store: local, address: address, logger: logger, tls: try local.accessSettings().clientTLS)
        if watch {
            output.write("watching \(address) (Ctrl-C to stop)\n")
            try await runner.watch { summary in
                guard summary.pushed + summary.pulled > 0 else { return }
                output.write(json ? Self.jsonLine(summary) : SyncReport.line(summary, address: address))
            }
            return
        }
        var bar: ProgressBar?
        var report: (@Sendable (SyncProgress) -> Void)?
        if let draw = output.progress {
            let progressBar = ProgressBar(draw: draw)
            bar = progressBar
            report = { progressBar.update($0) }
        }
        let summary = try await runner.syncOnce(progress: report)
        bar?.finish()
        output.write(json ? try self.json(summary) : SyncReport.summary(summary, address: address))
    }

    private static func jsonLine(_ summary: SyncSummary) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(summary)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The words `bulletin sync` prints.
enum SyncReport {
    /// The closing summary of a one-shot sync.
    static func summary(_ summary: SyncSummary, address: ServerAddress) -> String {
        var lines = ["synced with \(address) in \(String(format: "%.2f", summary.seconds)) s"]
        var pushed = "pushed \(summary.pushed) change\(summary.pushed == 1 ? "" : "s")"
        if summary.conflicts > 0 || summary.rejected > 0 {
            pushed += " (\(summary.accepted) accepted, \(summary.conflicts) in conflict, \(summary.rejected) refused:"
                + " see `bulletin status`)"
        }
        lines.append(pushed)
        let kind = summary.snapshot ? " (initial snapshot)" : ""
        lines.append("pulled \(summary.pulled) change\(summary.pulled == 1 ? "" : "s") in \(summary.pages) "
            + "page\(summary.pages == 1 ? "" : "s")\(kind); cursor \(summary.cursor)")
        lines.append("wire: \(bytes(summary.bytesSent)) sent, \(bytes(summary.bytesReceived)) received"
            + (summary.payloadBytes > 0 ? String(format: "; compression %.1f×", summary.compressionRatio) : ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per watch activity.
    static func line(_ summary: SyncSummary, address: ServerAddress) -> String {
        let time = ISO8601DateFormatter().string(from: Date())
        return "\(time) \(address): pushed \(summary.pushed), pulled \(summary.pulled), cursor \(summary.cursor)\n"
    }

    /// `1.2 MB`, `3.4 KB`, `56 B`.
    static func bytes(_ count: Int) -> String {
        switch count {
        case ..<1_000: "\(count) B"
        case ..<1_000_000: String(format: "%.1f KB", Double(count) / 1_000)
        default: String(format: "%.1f MB", Double(count) / 1_000_000)
        }
    }
}
