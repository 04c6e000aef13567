import Foundation
import SyncClient

/// The words `bulletin sync` and `bulletin pull` print.
enum SyncReport {
    /// The closing summary of a one-shot sync.
    static func summary(_ summary: SyncSummary, address: ServerAddress) -> String {
        var lines = ["synced with \(address) in \(String(format: "%.2f", summary.seconds)) s"]
        if summary.reoffered > 0 {
            lines.append(
                "the server was restored from a backup: offered again \(summary.reoffered) change"
                    + "\(summary.reoffered == 1 ? "" : "s") it lacked"
                    + (summary.reofferRefused > 0 ? " (\(summary.reofferRefused) refused: see the log)" : ""))
        }
        var pushed = "pushed \(summary.pushed) change\(summary.pushed == 1 ? "" : "s")"
        if summary.conflicts > 0 || summary.rejected > 0 {
            pushed +=
                " (\(summary.accepted) accepted, \(summary.conflicts) in conflict, \(summary.rejected) refused:"
                + " see `bulletin status`)"
        }
        lines.append(pushed)
        let kind = summary.snapshot ? " (initial snapshot)" : ""
        lines.append(
            "pulled \(summary.pulled) change\(summary.pulled == 1 ? "" : "s") in \(summary.pages) "
                + "page\(summary.pages == 1 ? "" : "s")\(kind); cursor \(summary.cursor)")
        for record in summary.skipped {
            lines.append("skipped pulled record seq \(record.seq) (change \(record.changeID)): \(record.reason)")
        }
        lines.append(
            "wire: \(bytes(summary.bytesSent)) sent, \(bytes(summary.bytesReceived)) received"
                + (summary.payloadBytes > 0 ? String(format: "; compression %.1f×", summary.compressionRatio) : ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per watch activity.
    static func line(_ summary: SyncSummary, address: ServerAddress) -> String {
        let time = ISO8601DateFormatter().string(from: Date())
        return "\(time) \(address): pushed \(summary.pushed), pulled \(summary.pulled), cursor \(summary.cursor)\n"
    }

    /// One compact JSON object per watch activity.
    static func jsonLine(_ summary: SyncSummary) -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(summary)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// What `bulletin pull` prints.
    static func pulled(_ summary: SyncSummary, address: ServerAddress) -> String {
        "pulled \(summary.pulled) record\(summary.pulled == 1 ? "" : "s") from \(address) in \(summary.pages) "
            + "page\(summary.pages == 1 ? "" : "s"); cursor \(summary.cursor)\n"
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
