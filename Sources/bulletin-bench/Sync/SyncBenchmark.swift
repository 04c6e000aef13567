import ArgumentParser
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `bulletin-bench sync`: the sync benchmark of issue 4 against a `git daemon` baseline (see BENCHMARKS.md).
struct SyncBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Initial pull, incremental sync, push throughput, live propagation and peak memory, against git.",
        discussion: """
            Everything runs on 127.0.0.1 in a temporary directory that is removed at the end, with real SQLite files \
            and real TCP. The server and the client of (a) and (e) run as separate processes: the `bulletin-server` \
            and `bulletin` built next to this executable when present (`swift build -c release`), otherwise this \
            executable's `sync-server` / `sync-client` helpers.
            """)

    @Option(help: "Articles in the archive (~5 KB of Vietnamese text each).")
    var articles = 10_000

    @Option(help: "The archive of the second peak-memory point is this many times larger.")
    var memoryFactor = 4

    @Option(help: "Edits of the live-propagation benchmark (d) (default 1,000; 100 with --quick).")
    var edits: Int?

    @Option(help: "Changes of each push-throughput benchmark (c) (default 10,000; 1,000 with --quick).")
    var pushChanges: Int?

    @Option(help: "Rounds of (c), each a small then a large push on a new server; medians count (5; 1 with --quick).")
    var pushRounds: Int?

    @Flag(help: "Push every round of (c) into one server, whose store grows from round to round.")
    var pushIntoOneServer = false

    @Flag(help: "A smoke run: 1,000 articles and fewer edits and changes (under a minute).")
    var quick = false

    @Option(help: "Run only these steps, e.g. `ac` (a, b and d always include a; e includes its own pull).")
    var only = "abcde"

    @Flag(help: "Keep the temporary directory (its path is printed) for inspection.")
    var keep = false

    func run() async throws {
        let articles = quick && articles == 10_000 ? 1_000 : articles
        let plan = SyncBenchmarkRun.Plan(
            articles: articles, largeArticles: articles * max(1, memoryFactor), incrementalRounds: 5,
            propagationEdits: edits ?? (quick ? 100 : 1_000), pushChanges: pushChanges ?? (quick ? 1_000 : 10_000),
            pushRounds: pushRounds ?? (quick ? 1 : 5), pushIntoOneServer: pushIntoOneServer,
            steps: Set(only.lowercased()).intersection("abcde"))
        let workspace = try BenchWorkspace()
        let signals = Self.cleanUpOnSignals(workspace)
        defer {
            for signal in signals { signal.cancel() }
            if keep {
                FileHandle.standardError.write(Data("kept \(workspace.root)\n".utf8))
            } else {
                workspace.cleanUp()
            }
        }
        let programs = SyncPrograms.locate()
        let context = [
            "bulletin-bench sync: \(plan.articles) articles (~5 KB of Vietnamese each); release build "
                + "\(Self.isReleaseBuild ? "yes" : "NO (figures are meaningless)")",
            "machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, load average at start "
                + LoadAverage.now(),
            programs.description,
        ]
        for line in context { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        let started = ContinuousClock.now
        let results = try await SyncBenchmarkRun(plan: plan, workspace: workspace, programs: programs).run()
        let total = String(format: "%.0f s", (ContinuousClock.now - started).seconds)
        print(
            SyncReport(
                results: results,
                context: context + [
                    "load average at end " + LoadAverage.now()
                        + "; benchmark took \(total)"
                ]
            ).text)
    }

    static var isReleaseBuild: Bool {
        #if DEBUG
        false
        #else
        true
        #endif
    }

    /// On SIGINT / SIGTERM: kill the children, remove the directory, exit 130.
    static func cleanUpOnSignals(_ workspace: BenchWorkspace) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                workspace.cleanUp()
                Glibc.exit(130)
            }
            source.resume()
            return source
        }
    }
}
