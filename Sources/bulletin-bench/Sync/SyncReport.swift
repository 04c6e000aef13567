import Foundation

/// Prints ``SyncResults`` as a table: each figure next to its git baseline and its goal, with a verdict.
struct SyncReport {
    let results: SyncResults
    /// Lines about the machine and the programs, printed first.
    let context: [String]

    /// A peak-memory growth (larger archive over smaller) up to this factor counts as flat.
    static let flatGrowth = 1.2

    var text: String {
        var lines = context
        lines.append("")
        lines.append(row("", "bulletin", "git (baseline)", "goal"))
        if let pull = results.pull, let clone = results.gitClone {
            lines.append("(a) initial pull of \(count(pull.articles)) articles into an empty client "
                + "(\(count(pull.records)) records)")
            let faster = pull.wallSeconds < clone.seconds
            lines.append(row("    time, process start to exit", seconds(pull.wallSeconds), seconds(clone.seconds),
                             "faster than git " + verdict(faster)))
            lines.append(row("    time of the sync itself", seconds(pull.syncSeconds), "", ""))
            lines.append(row("    throughput (archive JSON / time)", rate(pull.wallSeconds), rate(clone.seconds), ""))
            let fewer = pull.wireBytes < clone.wireBytes
            lines.append(row("    bytes on the wire", bytes(pull.wireBytes), bytes(clone.wireBytes),
                             "fewer than git " + verdict(fewer)))
            lines.append(row("    raw JSON bytes", bytes(pull.payloadBytes) + " protocol",
                             bytes(results.rawArchiveBytes) + " files", ""))
            lines.append(row("    wire / raw JSON", ratio(pull.wireBytes, pull.payloadBytes),
                             ratio(clone.wireBytes, results.rawArchiveBytes), ""))
        }
        if !results.incremental.isEmpty {
            let times = Sample(results.incremental.map(\.milliseconds))
            let fetches = Sample(results.gitFetch.map { $0.seconds * 1_000 })
            lines.append("(b) incremental sync after 10 articles were edited elsewhere (median of "
                + "\(times.count) rounds; min–max)")
            lines.append(row("    time (bulletin in-process)",
                             "\(ms(times.median)) (\(ms(times.min))–\(ms(times.max)))",
                             "\(ms(fetches.median)) (\(ms(fetches.min))–\(ms(fetches.max)))",
                             "< 20 ms " + verdict(times.median < 20)))
            let wire = Sample(results.incremental.map { Double($0.wireBytes) })
            let gitWire = Sample(results.gitFetch.map { Double($0.wireBytes) })
            lines.append(row("    bytes on the wire", bytes(Int(wire.median)), bytes(Int(gitWire.median)), ""))
            if let process = results.incrementalProcess, let fetch = results.gitFetchProcessRound {
                lines.append(row("    time as a process (`bulletin sync`)", ms(process.milliseconds),
                                 ms(fetch.seconds * 1_000), ""))
            }
        }
        for (label, result) in [("small changes (annotations)", results.pushSmall),
                                ("large changes (article creates)", results.pushLarge)] {
            guard let result else { continue }
            if label.hasPrefix("small") { lines.append("(c) push throughput, \(count(result.changes)) changes") }
            lines.append(row("    \(label)", "\(count(Int(result.rate)))/s", "",
                             "≥ 20,000/s " + verdict(result.rate >= 20_000)))
            lines.append(row("      time; record JSON; wire", "\(seconds(result.seconds)); "
                             + "\(bytes(result.recordBytes)); \(bytes(result.wireBytes))", "", ""))
        }
        if !results.propagation.isEmpty {
            let sample = Sample(results.propagation)
            lines.append("(d) live propagation with watch, over \(count(sample.count)) edits "
                + "(push ack → watcher's store)")
            lines.append(row("    p50 / p99 / max", "\(ms(sample.median)) / \(ms(sample.percentile(0.99))) / "
                             + "\(ms(sample.max))", "", "p99 < 20 ms " + verdict(sample.percentile(0.99) < 20)))
        }
        if let small = results.pull, let large = results.largePull {
            lines.append("(e) peak RSS during (a)")
            lines.append(row("    archive", "\(count(small.articles)) articles", "\(count(large.articles)) articles",
                             "flat (≤ \(Self.flatGrowth)×)"))
            for (name, one, other) in [("server", small.serverPeakRSS, large.serverPeakRSS),
                                       ("client", small.clientPeakRSS, large.clientPeakRSS)] {
                let growth = Double(other) / Double(max(1, one))
                lines.append(row("    \(name)", bytes(one), bytes(other),
                                 String(format: "%.2f× ", growth) + verdict(growth <= Self.flatGrowth)))
            }
            lines.append(row("    pull time at \(count(large.articles))", seconds(large.wallSeconds),
                             rate(large.wallSeconds, raw: results.rawArchiveBytes * large.articles
                                  / max(1, small.articles)), ""))
        }
        if results.seedPush.changes > 0 {
            let upload = results.seedPush
            lines.append("")
            lines.append("archive upload by the seeding editor: \(count(upload.changes)) changes in "
                + "\(seconds(upload.seconds)) (\(count(Int(Double(upload.changes) / max(1e-9, upload.seconds))))/s)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ label: String, _ ours: String, _ baseline: String, _ goal: String) -> String {
        pad(label, 42) + pad(ours, 26) + pad(baseline, 24) + goal
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let count = text.count
        return count >= width ? text + " " : text + String(repeating: " ", count: width - count)
    }

    private func verdict(_ met: Bool) -> String { met ? "MET" : "MISSED" }

    private func count(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        formatter.usesGroupingSeparator = true
        return formatter.string(from: NSNumber(value: value)) ?? "\(value)"
    }

    private func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    private func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }

    private func bytes(_ value: Int) -> String {
        value >= 1_000_000
            ? String(format: "%.1f MB", Double(value) / 1e6) : String(format: "%.1f KB", Double(value) / 1e3)
    }

    private func rate(_ seconds: Double, raw: Int? = nil) -> String {
        String(format: "%.1f MB/s", Double(raw ?? results.rawArchiveBytes) / 1e6 / max(1e-9, seconds))
    }

    private func ratio(_ part: Int, _ whole: Int) -> String {
        String(format: "%.1f%%", 100 * Double(part) / Double(max(1, whole)))
    }
}
