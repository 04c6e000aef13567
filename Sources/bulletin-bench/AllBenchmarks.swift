import ArgumentParser
import Foundation

/// `bulletin-bench all [--quick]`: every benchmark, one after the other, each as a child process of this executable.
///
/// With `--quick` each runs at a small size: a smoke run that `.ci/run` makes so that a benchmark that stops working
/// fails CI (it checks that each runs and exits 0, never its figures; a debug build's figures mean nothing).
struct AllBenchmarks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Run every benchmark (--quick: each at a small size, to check that it works).")

    @Flag(help: "Each benchmark at a small size: a check that it runs, not a measurement.")
    var quick = false

    /// Each benchmark's subcommand and the arguments of its quick run.
    static let plan: [(command: String, quick: [String])] = [
        ("protocol", ["--changes", "50", "--repetitions", "1"]),
        ("decoding", ["--mebibytes", "1", "--repetitions", "1"]),
        ("store", ["--articles", "200", "--runs", "1"]),
        ("compact-edits", ["--articles", "5", "--git"]),
        ("ui", ["--articles", "200", "--runs", "5"]),
        ("ui-propagation", ["--edits", "10"]),
        ("fanout", ["--sessions", "20", "--rounds", "1", "--articles", "2"]),
        ("memory", ["--idle", "20", "50", "--burst", "50", "--settle", "1", "--issues", "1", "--articles", "2"]),
        ("sync", ["--quick", "--articles", "200", "--edits", "10", "--push-changes", "200"]),
        // PostgreSQL from BULLETIN_BENCH_POSTGRES_URL (Tests/run-all.sh passes its cluster); else SQLite only.
        ("backends", ["--quick"]),
    ]

    func run() async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var failures: [String] = []
        for (command, quickArguments) in Self.plan {
            let arguments = [command] + (quick ? quickArguments : [])
            FileHandle.standardError.write(Data("== bulletin-bench \(arguments.joined(separator: " "))\n".utf8))
            let started = ContinuousClock.now
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            let seconds = (ContinuousClock.now - started).seconds
            let status = process.terminationStatus
            FileHandle.standardError.write(
                Data(
                    String(
                        format: "== %@: exit %d after %.1f s\n", command, status, seconds
                    ).utf8))
            if status != 0 { failures.append("\(command) (exit \(status))") }
        }
        guard failures.isEmpty else {
            throw ValidationError("benchmarks that failed: \(failures.joined(separator: ", "))")
        }
    }
}
