import Foundation

/// Prints ``SyncResults`` as a table: each figure next to its git baseline and its goal, with a verdict.
struct SyncReport {
    let results: SyncResults
    /// Lines about the machine and the programs, printed first.
    let context: [String]

    /// A peak-memory growth (larger archive over smaller) up to this factor counts as flat.
    static let flatGrowth = 1.2

    var text: String {
        var lines = context + ["", row("", "bulletin", "git (baseline)", "goal")]
        lines += initialPull() + incrementalSync() + pushThroughput() + propagation() + memory()
        if results.seedPush.changes > 0 {
            let upload = results.seedPush
            let rate = Int(Double(upload.changes) / max(1e-9, upload.seconds))
            lines += [
                "",
                "archive upload by the seeding editor: \(count(upload.changes)) changes in "
                    + "\(seconds(upload.seconds)) (\(count(rate))/s)",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func initialPull() -> [String] {
        guard let pull = results.pulls.first, let clone = results.gitClones.first else { return [] }
        let ours = Sample(results.pulls.map(\.wallSeconds))
        let theirs = Sample(results.gitClones.map(\.seconds))
        let syncs = Sample(results.pulls.map(\.syncSeconds))
        func spread(_ sample: Sample) -> String {
            sample.count > 1
                ? "\(seconds(sample.median)) (\(seconds(sample.min))–\(seconds(sample.max)))"
                : seconds(sample.median)
        }
        return [
            "(a) initial pull of \(count(pull.articles)) articles into an empty client (\(count(pull.records)) "
                + "records); median of \(ours.count) (min–max)",
            row(
                "    time, process start to exit", spread(ours), spread(theirs),
                "faster than git " + verdict(ours.median < theirs.median)),
            row("    time of the sync itself", spread(syncs), "", ""),
            "    rounds in order (s): bulletin "
                + results.pulls.map { String(format: "%.2f", $0.wallSeconds) }.joined(separator: ", ")
                + "; git " + results.gitClones.map { String(format: "%.2f", $0.seconds) }.joined(separator: ", "),
            row("    throughput (archive JSON / time)", rate(ours.median), rate(theirs.median), ""),
            row(
                "    bytes on the wire", bytes(pull.wireBytes), bytes(clone.wireBytes),
                "fewer than git " + verdict(pull.wireBytes < clone.wireBytes)),
            row(
                "    raw JSON bytes", bytes(pull.payloadBytes) + " protocol",
                bytes(results.rawArchiveBytes) + " files", ""),
            row(
                "    wire / raw JSON", ratio(pull.wireBytes, pull.payloadBytes),
                ratio(clone.wireBytes, results.rawArchiveBytes), ""),
        ]
    }

    private func incrementalSync() -> [String] {
        guard !results.incremental.isEmpty else { return [] }
        let times = Sample(results.incremental.map(\.milliseconds))
        let fetches = Sample(results.gitFetch.map { $0.seconds * 1_000 })
        var lines = [
            "(b) incremental sync after 10 articles were edited elsewhere; median of \(times.count) rounds "
                + "(min–max)",
            row(
                "    time (bulletin in-process)", "\(ms(times.median)) (\(ms(times.min))–\(ms(times.max)))",
                "\(ms(fetches.median)) (\(ms(fetches.min))–\(ms(fetches.max)))",
                "< 20 ms " + verdict(times.median < 20)),
            row(
                "    bytes on the wire", bytes(Int(Sample(results.incremental.map { Double($0.wireBytes) }).median)),
                bytes(Int(Sample(results.gitFetch.map { Double($0.wireBytes) }).median)), ""),
        ]
        if !results.incrementalProcess.isEmpty {
            // Issue 14 (6): the whole `bulletin sync` process against `git fetch`, alternating round by round.
            let process = Sample(results.incrementalProcess.map(\.milliseconds))
            let fetch = Sample(results.gitFetchProcessRounds.map { $0.seconds * 1_000 })
            lines.append(
                row(
                    "    `bulletin sync` as a process, median of \(process.count)",
                    "\(ms(process.median)) (\(ms(process.min))–\(ms(process.max)))",
                    "\(ms(fetch.median)) (\(ms(fetch.min))–\(ms(fetch.max)))",
                    "≤ 0.5× git " + verdict(process.median <= 0.5 * fetch.median)))
        }
        return lines
    }

    private func pushThroughput() -> [String] {
        var lines: [String] = []
        // Issue 14's goals: 20,000 small changes a second; 5,000 article creates a second, counting only the
        // articles (20 of each issue's 25 creates: the issue and its 4 sections travel with them). The verdict is
        // on the median of the rounds; every round is shown.
        for (label, rounds, goal, share) in [
            ("small changes (annotations)", results.pushSmall, 20_000, 1.0),
            ("large changes (creates; the rate counts articles)", results.pushLarge, 5_000, 20.0 / 25.0),
        ] {
            guard let first = rounds.first else { continue }
            if lines.isEmpty {
                lines.append(
                    "(c) push throughput, \(count(first.changes)) changes; median of \(rounds.count) (min–max)")
            }
            let rates = Sample(rounds.map { $0.rate * share })
            lines.append(
                row(
                    "    \(label)", "\(count(Int(rates.median)))/s (\(count(Int(rates.min)))–\(count(Int(rates.max))))",
                    "", "≥ \(count(goal))/s " + verdict(rates.median >= Double(goal))))
            lines.append(
                "      rounds in order (/s): " + rounds.map { count(Int($0.rate * share)) }.joined(separator: ", "))
            lines.append(
                row(
                    "      time; record JSON; wire",
                    "\(seconds(Sample(rounds.map(\.seconds)).median)); \(bytes(first.recordBytes)); "
                        + bytes(first.wireBytes),
                    "", ""))
            for (side, cpu) in [
                ("server", rounds.compactMap(\.serverCPUSeconds)), ("client", rounds.map(\.clientCPUSeconds)),
            ] {
                guard !cpu.isEmpty else { continue }
                let perChange = Sample(cpu.map { $0 / Double(first.changes) * 1_000_000 })
                lines.append(
                    row(
                        "      \(side) CPU per change",
                        String(format: "%.0f µs (%.0f–%.0f)", perChange.median, perChange.min, perChange.max), "",
                        ""))
            }
        }
        return lines
    }

    private func propagation() -> [String] {
        guard !results.propagation.isEmpty else { return [] }
        let sample = Sample(results.propagation)
        let p99 = sample.percentile(0.99)
        return [
            "(d) live propagation with watch, over \(count(sample.count)) edits (push ack → watcher's store)",
            row(
                "    p50 / p99 / max", "\(ms(sample.median)) / \(ms(p99)) / \(ms(sample.max))", "",
                "p50 ≤ 3, p99 ≤ 10 ms " + verdict(sample.median <= 3 && p99 <= 10)),
        ]
    }

    private func memory() -> [String] {
        guard let small = results.pulls.first, let large = results.largePull else { return [] }
        // The server's high-water mark covers every repeat of (a); the client's, the largest of them.
        let server = results.pulls.map(\.serverPeakRSS).max() ?? 0
        let client = results.pulls.map(\.clientPeakRSS).max() ?? 0
        var lines = [
            "(e) peak RSS during (a)",
            row(
                "    archive", "\(count(small.articles)) articles", "\(count(large.articles)) articles",
                "flat (≤ \(Self.flatGrowth)×)"),
        ]
        for (name, one, other) in [("server", server, large.serverPeakRSS), ("client", client, large.clientPeakRSS)] {
            let growth = Double(other) / Double(max(1, one))
            lines.append(
                row(
                    "    \(name)", bytes(one), bytes(other),
                    String(format: "%.2f× ", growth) + verdict(growth <= Self.flatGrowth)))
        }
        if small.articles < 10_000 {
            lines.append(
                "    (smoke sizes: the servers' page caches and the allocator's arenas are still filling up "
                    + "below ~10,000 articles; judge flatness at 10,000 and 40,000)")
        }
        let largeRaw = results.rawArchiveBytes * large.articles / max(1, small.articles)
        lines.append(
            row(
                "    pull time at \(count(large.articles))", seconds(large.wallSeconds),
                rate(large.wallSeconds, raw: largeRaw), ""))
        return lines
    }

    private func row(_ label: String, _ ours: String, _ baseline: String, _ goal: String) -> String {
        pad(label, 46) + pad(ours, 28) + pad(baseline, 28) + goal
    }

    private func pad(_ text: String, _ width: Int) -> String {
        ReportText.pad(text, width)
    }

    private func verdict(_ met: Bool) -> String { met ? "MET" : "MISSED" }

    private func count(_ value: Int) -> String {
        ReportText.count(value)
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
