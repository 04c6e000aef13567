import Foundation

/// Prints the columns of `backends` side by side: one row per figure, each column a backend and node count, with
/// the load averages before → after each measurement.
struct BackendsReport {
    let results: [BackendRun.Result]
    let plan: BackendRun.Plan
    /// Lines about the machine, the programs and what was not measured, printed first.
    let context: [String]

    var text: String {
        var lines = context + ["", row("", results.map(\.setup.description))]
        guard let first = results.first else { return (lines + ["nothing measured"]).joined(separator: "\n") + "\n" }
        lines.append(
            row(
                "upload of the archive (\(ReportText.count(first.seed.changes)) changes)",
                results.map { rate(Double($0.seed.changes) / max(1e-9, $0.seed.seconds)) }))
        let pulls = results.map { Sample($0.pulls.map(\.wallSeconds)) }
        lines += [
            "(ii) initial pull of \(ReportText.count(plan.articles)) articles, `bulletin sync` as a process, from the "
                + "nodes in turn; median of \(plan.pulls) (min–max)",
            row("    process start to exit", pulls.map(spread)),
            row("    sync itself, median", results.map { seconds(Sample($0.pulls.map(\.syncSeconds)).median) }),
            row("    load average (1 min) before → after", results.map { load($0.pullLoad) }),
            "(i) push of \(ReportText.count(first.push.changes)) small changes (annotations), one editor per node, "
                + "all at once",
            row("    changes of each editor", results.map { shares($0.push) }),
            row(
                "    total rate (wall time)",
                results.map { "\(rate($0.push.rate)) (\(seconds($0.push.wallSeconds)))" }),
            row(
                "    each editor's own rate",
                results.map { $0.push.each.map { ReportText.count(Int($0.rate)) }.joined(separator: ", ") + " /s" }),
            row("    load average (1 min) before → after", results.map { load($0.pushLoad) }),
        ]
        let lasts = results.map { Sample($0.fanOut.map(\.last)) }
        lines += [
            "(iii) fan-out: a publication (\(plan.publishedArticles) articles) to \(ReportText.count(plan.sessions)) "
                + "field-office sessions spread over the nodes,",
            "    the chief pushing to the first; median of \(plan.rounds) publication(s) (min–max)",
            row("    last session after the push_ack", lasts.map(spreadMilliseconds)),
            row("    median session", results.map { milliseconds(Sample($0.fanOut.map(\.p50)).median) }),
            row(
                "    load average (1 min) before → after", results.map { load($0.fanOutLoad) }),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func row(_ label: String, _ cells: [String]) -> String {
        ReportText.pad(label, 44) + cells.map { ReportText.pad($0, 30) }.joined()
    }

    private func shares(_ push: SpreadPush.Result) -> String {
        push.each.map { ReportText.count($0.changes) }.joined(separator: " + ")
    }

    private func load(_ load: (before: Double, after: Double)) -> String {
        String(format: "%.2f → %.2f", load.before, load.after)
    }

    private func rate(_ value: Double) -> String { "\(ReportText.count(Int(value))) /s" }

    private func seconds(_ value: Double) -> String { String(format: "%.2f s", value) }

    private func milliseconds(_ value: Double) -> String { String(format: "%.0f ms", value) }

    private func spread(_ sample: Sample) -> String {
        sample.count > 1
            ? "\(seconds(sample.median)) (\(seconds(sample.min))–\(seconds(sample.max)))" : seconds(sample.median)
    }

    private func spreadMilliseconds(_ sample: Sample) -> String {
        sample.count > 1
            ? "\(milliseconds(sample.median)) (\(milliseconds(sample.min))–\(milliseconds(sample.max)))"
            : milliseconds(sample.median)
    }
}
