import ArgumentParser

/// `bulletin-bench`: the project's benchmarks, one subcommand each; see BENCHMARKS.md.
struct BulletinBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin-bench",
        abstract: "BulletinSync benchmarks (run a release build).",
        subcommands: [StoreBenchmark.self])
}

BulletinBench.main()
