import ArgumentParser
import BulletinCore
import Foundation
import SyncClient
import SyncProtocol

/// `bulletin-bench store`: times whole `bulletin` processes against a generated local store.
///
/// Generates a deterministic store (by default 10,000 articles of ~5 KB Vietnamese text), then spawns the
/// `bulletin` binary built beside this one for `issues` and `search`, several runs each, and reports the median.
struct StoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Time `bulletin issues`, `bulletin search` and `bulletin import` as whole processes.")

    @Option(help: "Articles in the generated store.") var articles = 10_000
    @Option(help: "Timed runs per command (after one warm-up run).") var runs = 11
    @Option(help: "The bulletin binary (default: the one beside this executable).") var bulletin: String?
    @Option(help: "The sample bulletin to time imports with.")
    var sample = "/work/shared/samples/bulletin-2024-09-05.txt"
    @Option(help: "Keep the generated store in this directory instead of a temporary one.") var keep: String?

    func run() throws {
        let binary = try bulletinBinary()
        let directory =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-bench-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            if keep == nil { try? FileManager.default.removeItem(at: directory) }
        }
        let storePath = directory.appendingPathComponent("store.sqlite").path
        try? FileManager.default.removeItem(atPath: storePath)

        let generated = try generate(at: storePath)
        print(
            "bulletin-bench store: \(generated.articles) articles in \(generated.issues) issues, "
                + "\(megabytes(generated.bytes)) store, generated in \(seconds(generated.duration))")
        print("bulletin: \(binary.path); \(runs) runs per command after one warm-up; whole process, wall clock")
        print("")
        let lines: [(String, [String])] = [
            ("bulletin --help (process start only)", ["--help"]),
            ("bulletin issues", ["issues", "--store", storePath]),
            ("bulletin issues --json", ["issues", "--json", "--store", storePath]),
            ("bulletin search \"cai cach\"", ["search", "cai cach", "--store", storePath]),
            ("bulletin search \"Đồng\"", ["search", "Đồng", "--store", storePath]),
            ("bulletin search \"phiếu lý lịch tư pháp\"", ["search", "phiếu lý lịch tư pháp", "--store", storePath]),
            ("bulletin search \"blockchain\" (no match)", ["search", "blockchain", "--store", storePath]),
        ]
        print(
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average "
                + "\(loadAverage()) before timing")
        print(
            pad("command", 44) + pad("median", 11, right: true) + pad("min", 11, right: true)
                + pad("max", 11, right: true) + pad("CPU median", 11, right: true))
        for (label, arguments) in lines {
            let times = try time(binary, arguments)
            report(label, times)
        }
        try importBenchmark(binary, directory: directory)
    }

    /// The store, made through the same API as the commands: one transaction per issue.
    private func generate(at path: String) throws -> (articles: Int, issues: Int, bytes: Int64, duration: Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let store = try LocalStore.create(at: path, editor: "Bench")
        let generator = ArchiveGenerator(articleCount: articles)
        var issues = 0
        var count = 0
        for issue in generator {
            try store.importIssue(issue)
            issues += 1
            count += issue.articles.count
            // As after a sync: everything but the last ten issues has been pushed and acknowledged.
            if issues == generator.issueCount - 10 {
                try acknowledgeAll(store)
            }
        }
        let duration = clock.now - start
        let bytes = ["", "-wal"].compactMap { suffix in
            (try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int64
        }.reduce(0, +)
        return (count, issues, bytes, duration)
    }

    private func acknowledgeAll(_ store: LocalStore) throws {
        var seq: Int64 = 0
        while true {
            let batch = try store.pendingChanges(maxCount: 1_000, maxBytes: .max)
            guard !batch.isEmpty else { return }
            try store.acknowledge(
                batch.map { change in
                    seq += 1
                    return ChangeResult(changeID: change.changeID, status: .applied, seq: seq)
                })
        }
    }

    /// Runs `bulletin` with `arguments` once to warm up, then `runs` times, each a fresh process.
    private func time(_ binary: URL, _ arguments: [String]) throws -> [ProcessTime] {
        _ = try BenchProcess.run(binary, arguments)
        return try (0..<runs).map { _ in try BenchProcess.run(binary, arguments) }
    }

    private func importBenchmark(_ binary: URL, directory: URL) throws {
        guard FileManager.default.fileExists(atPath: sample) else {
            print("\n(import not timed: no sample at \(sample); pass --sample)")
            return
        }
        var times: [ProcessTime] = []
        for index in 0...runs {
            let store = directory.appendingPathComponent("import-\(index).sqlite").path
            _ = try BenchProcess.run(binary, ["init", "--editor", "Bench", "--store", store])
            let elapsed = try BenchProcess.run(binary, ["import", sample, "--store", store])
            if index > 0 { times.append(elapsed) }
        }
        report("bulletin import (the sample, fresh store)", times)
    }

    private func report(_ label: String, _ times: [ProcessTime]) {
        let walls = times.map(\.wall).sorted()
        let cpus = times.map(\.cpu).sorted()
        guard let first = walls.first, let last = walls.last else { return }
        print(
            pad(label, 44) + pad(millis(walls[walls.count / 2]), 11, right: true)
                + pad(millis(first), 11, right: true) + pad(millis(last), 11, right: true)
                + pad(millis(cpus[cpus.count / 2]), 11, right: true))
    }

    private func bulletinBinary() throws -> URL {
        if let bulletin { return URL(fileURLWithPath: bulletin) }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidate = executable.deletingLastPathComponent().appendingPathComponent("bulletin")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else {
            throw ValidationError(
                "no bulletin binary at \(candidate.path); build it (swift build -c release) "
                    + "or pass --bulletin")
        }
        return candidate
    }
}

/// One run of a process: wall-clock time to exit and the CPU time (user + system) it used.
struct ProcessTime: Sendable {
    var wall: Duration
    var cpu: Duration
}

/// Spawns one process and times it to exit, draining its output.
enum BenchProcess {
    /// CPU time used so far by terminated children of this process.
    static func childrenCPU() -> Duration {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let micros =
            Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000
            + Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
        return .microseconds(micros)
    }

    static func run(_ binary: URL, _ arguments: [String]) throws -> ProcessTime {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let clock = ContinuousClock()
        let cpuBefore = childrenCPU()
        let start = clock.now
        try process.run()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let elapsed = clock.now - start
        let cpu = childrenCPU() - cpuBefore
        guard process.terminationStatus == 0 else {
            throw ValidationError(
                "bulletin \(arguments.joined(separator: " ")) failed: "
                    + String(decoding: message, as: UTF8.self))
        }
        return ProcessTime(wall: elapsed, cpu: cpu)
    }
}

/// The 1-minute load average: timings on a busy machine are slower than the CPU time they need.
private func loadAverage() -> String {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "unknown" }
    return String(text.split(separator: " ").first ?? "unknown")
}

private func millis(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    return String(format: "%.1f ms", value)
}

private func seconds(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return String(format: "%.1f s", value)
}

private func megabytes(_ bytes: Int64) -> String {
    String(format: "%.1f MB", Double(bytes) / 1_000_000)
}

private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}
