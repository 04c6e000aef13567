import ArgumentParser

/// `bulletin-bench`: the project's benchmarks, one subcommand each; run them from a release build:
/// `swift run -c release bulletin-bench SUBCOMMAND`.
struct BulletinBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin-bench",
        abstract: "Benchmarks for BulletinSync (build with -c release).",
        subcommands: [SyncBenchmark.self, SyncServerHelper.self, SyncClientHelper.self]
    )

    /// What `@main` would call (a main.swift cannot use `@main`).
    static func start() async {
        await main()
    }
}

await BulletinBench.start()
