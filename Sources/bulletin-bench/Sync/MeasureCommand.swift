import ArgumentParser
import Foundation

/// `bulletin-bench measure -- PROGRAM ARGS…`: runs a program and writes its wall time and peak memory, for the
/// sync benchmark.
///
/// Why a launcher: a child's `ru_maxrss` includes the memory of the process image it replaced at `exec`, and a child
/// started by the benchmark itself replaces a copy of the (large) benchmark. Started from this small process instead,
/// the program's figure is its own.
struct MeasureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Run a program; write its time and peak RSS (helper of `sync`).",
        shouldDisplay: false)

    @Option(help: "Where to write the figures (JSON).")
    var output: String

    @Option(help: "Where the program's standard output goes.")
    var standardOutput: String

    @Option(help: "Where the program's standard error goes.")
    var standardError: String

    @Argument(parsing: .postTerminator, help: "The program and its arguments.")
    var command: [String]

    func run() async throws {
        guard let program = command.first else { throw ValidationError("name a program after --") }
        let started = ContinuousClock.now
        let child = try ChildProcess.spawn(
            program, Array(command.dropFirst()), environment: ProcessInfo.processInfo.environment,
            standardOutput: .file(standardOutput), standardError: .file(standardError))
        let exit = await child.wait()
        let figures = MeasuredRun(
            status: exit.status, seconds: (ContinuousClock.now - started).seconds, peakRSSBytes: exit.peakRSSBytes)
        try JSONEncoder().encode(figures).write(to: URL(fileURLWithPath: output))
    }
}

/// What ``MeasureCommand`` writes.
struct MeasuredRun: Codable, Sendable {
    /// The program's exit status.
    var status: Int32
    /// Spawn to exit.
    var seconds: Double
    /// The program's peak resident set size.
    var peakRSSBytes: Int
}
