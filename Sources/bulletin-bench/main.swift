import ArgumentParser

/// `bulletin-bench`: the project's benchmarks, one subcommand each (one file per subcommand); run them from a
/// release build: `swift run -c release bulletin-bench SUBCOMMAND`.
struct BulletinBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin-bench",
        abstract: "Benchmarks for BulletinSync (build with -c release).",
        subcommands: [
            ProtocolBenchmark.self, StoreBenchmark.self, CompactEditsBenchmark.self, SyncBenchmark.self,
            SyncServerHelper.self, SyncClientHelper.self, MeasureCommand.self, DecodingBenchmark.self,
            UIBenchmark.self, DeskPropagationBenchmark.self, FanOutBenchmark.self, BackendsBenchmark.self,
            MemoryBenchmark.self,
            AllBenchmarks.self,
        ]
    )

    /// What `@main` would call (a main.swift cannot use `@main`). Inside an async function the compiler picks the
    /// async `main` of AsyncParsableCommand; at top level it would pick ParsableCommand's synchronous one.
    static func start() async {
        await main()
    }
}

await BulletinBench.start()
