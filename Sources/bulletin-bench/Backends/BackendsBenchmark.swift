import ArgumentParser
import Foundation

/// `bulletin-bench backends`: the server's store on SQLite, on PostgreSQL with one node and on PostgreSQL with
/// several nodes, measured side by side in one run (issue 12, item 5; see BENCHMARKS.md).
struct BackendsBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backends",
        abstract: "Push rate, initial pull and fan-out on SQLite, PostgreSQL with one node and with several nodes.",
        discussion: """
            Each column gets a fresh store: an SQLite directory, or a database made on the PostgreSQL server of \
            --postgres (default $\(Self.variable); its role must be allowed to create databases) and dropped at \
            the end. Without a PostgreSQL URL only SQLite is measured, and the report says so. Servers and the \
            `bulletin sync` of the pulls run as processes (`bulletin-server` and `bulletin` built beside this \
            executable: `swift build -c release`); the pushing editors and the field-office sessions run in this \
            process over real TCP on 127.0.0.1. `bash Tests/bench-backends.sh` starts a throwaway PostgreSQL \
            cluster and runs this.
            """)

    /// The environment variable naming the PostgreSQL server when --postgres is not given.
    static let variable = "BULLETIN_BENCH_POSTGRES_URL"

    @Option(
        help: ArgumentHelp(
            "A database URL on the PostgreSQL server to measure (default: $\(Self.variable)).",
            valueName: "postgres://USER[:PASS]@HOST:PORT/DB"))
    var postgres: String?

    @Option(help: "Server nodes of the several-nodes column (on PostgreSQL).")
    var nodes = 3

    @Option(help: "Articles in the archive pulled (~5 KB of Vietnamese each; default 10,000; 100 with --quick).")
    var articles: Int?

    @Option(help: "Initial pulls per column, median reported (default 3; 1 with --quick).")
    var pulls: Int?

    @Option(help: "Small changes pushed per column (default 10,000; 150 with --quick).")
    var pushChanges: Int?

    @Option(help: "Subscribed field-office sessions of the fan-out (default 1,000; 20 with --quick).")
    var sessions: Int?

    @Option(help: "Publications of the fan-out, median reported (default 3; 1 with --quick).")
    var rounds: Int?

    @Flag(help: "A smoke run at a small size (a check that it works, not a measurement).")
    var quick = false

    func validate() throws {
        guard (1...16).contains(nodes) else { throw ValidationError("--nodes must be between 1 and 16") }
    }

    func run() async throws {
        let plan = BackendRun.Plan(
            articles: articles ?? (quick ? 100 : 10_000), pulls: pulls ?? (quick ? 1 : 3),
            pushChanges: pushChanges ?? (quick ? 150 : 10_000), sessions: sessions ?? (quick ? 20 : 1_000),
            rounds: rounds ?? (quick ? 1 : 3), publishedArticles: quick ? 2 : 10)
        let server = postgres ?? ProcessInfo.processInfo.environment[Self.variable].flatMap { $0.isEmpty ? nil : $0 }
        var setups = [BackendRun.Setup(backend: .sqlite, nodes: 1)]
        var context = [
            "bulletin-bench backends: release build "
                + "\(SyncBenchmark.isReleaseBuild ? "yes" : "NO (figures are meaningless)"); "
                + "\(ProcessInfo.processInfo.activeProcessorCount) cores; load average at start \(LoadAverage.now())"
        ]
        if let server {
            setups.append(BackendRun.Setup(backend: .postgres(server: server), nodes: 1))
            if nodes > 1 { setups.append(BackendRun.Setup(backend: .postgres(server: server), nodes: nodes)) }
        } else {
            context.append(
                "PostgreSQL NOT MEASURED: no URL (give --postgres or set \(Self.variable)); SQLite only. "
                    + "`bash Tests/bench-backends.sh` starts a throwaway PostgreSQL and measures all three.")
        }
        let programs = SyncPrograms.locate()
        context.append(programs.description)
        for line in context { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
        var results: [BackendRun.Result] = []
        let started = ContinuousClock.now
        for setup in setups {
            results.append(try await BackendRun(setup: setup, plan: plan, programs: programs).run())
        }
        let total = String(format: "%.0f s", (ContinuousClock.now - started).seconds)
        context.append("load average at end \(LoadAverage.now()); benchmark took \(total)")
        print(BackendsReport(results: results, plan: plan, context: context).text)
    }
}
