import BulletinCore
import Foundation
import SyncClient

/// The server and client programs the benchmark runs as separate processes: the real `bulletin-server` and
/// `bulletin` when they were built next to this executable (`swift build -c release`), otherwise this executable's
/// own `sync-server` / `sync-client` helper subcommands, which run the same library code.
struct SyncPrograms: Sendable {
    /// Path of `bulletin-server`, or `nil` when the helpers are used.
    let server: String?
    /// Path of `bulletin`, or `nil` when the helpers are used.
    let client: String?
    /// This executable.
    let bench: String
    /// When the real `bulletin` was built (printed: a binary older than the code under test measures old code).
    let built: Date?

    /// Finds the programs.
    static func locate() -> SyncPrograms {
        let bench =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        let directory = (bench as NSString).deletingLastPathComponent
        let server = directory + "/bulletin-server"
        let client = directory + "/bulletin"
        let manager = FileManager.default
        guard manager.isExecutableFile(atPath: server), manager.isExecutableFile(atPath: client) else {
            return SyncPrograms(server: nil, client: nil, bench: bench, built: nil)
        }
        let built = ((try? manager.attributesOfItem(atPath: client))?[.modificationDate] as? Date) ?? .distantPast
        return SyncPrograms(server: server, client: client, bench: bench, built: built)
    }

    /// One line saying which programs run.
    var description: String {
        guard let server, let client else {
            return "server and client: \(bench) sync-server / sync-client (bulletin and bulletin-server were not "
                + "built next to it; `swift build -c release` builds them)"
        }
        let date = built.map { " (built \(ISO8601DateFormatter().string(from: $0)))" } ?? ""
        return "server: \(server); client: \(client)\(date)"
    }

    /// Starts a server on an ephemeral port of 127.0.0.1 on `store`; returns once it listens. Its standard error is
    /// appended to `log` in the workspace (one file per node: each writes at its own end of file).
    ///
    /// - Parameters:
    ///   - options: More options of `serve`.
    ///   - environment: Added to the server's environment (e.g. allocator settings to compare).
    ///   - onLine: Sees each line the server logs (after it was written to the log file).
    func startServer(
        store: BenchStore, log name: String = "server.log", in workspace: BenchWorkspace, options: [String] = [],
        environment: [String: String] = [:], onLine: (@Sendable (String) -> Void)? = nil
    ) async throws -> ServerProcess {
        let arguments = ["--host", "127.0.0.1", "--port", "0"] + store.serverArguments + options
        let path = server ?? bench
        let log = workspace.path(name)
        if !FileManager.default.fileExists(atPath: log) {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: log) else {
            throw BenchError.unexpected("cannot write \(log)")
        }
        handle.seekToEndOfFile()
        let listening = ReadySignal()
        let child = try workspace.spawn(
            path, server == nil ? ["sync-server"] + arguments : ["serve"] + arguments,
            extraEnvironment: environment, standardError: .lines,
            onLine: { line in
                // The reader thread keeps the pipe drained: the server logs a line per push and per pull.
                handle.write(Data((line + "\n").utf8))
                onLine?(line)
                if line.contains("listening"), let match = line.firstMatch(of: /127\.0\.0\.1:(\d+)/) {
                    listening.fire(String(match.1))
                }
            })
        let port = try await listening.wait(timeout: .seconds(60), what: "the server to listen").flatMap { Int($0) }
        guard let port else { throw BenchError.unexpected("the server did not say which port it listens on") }
        FileHandle.standardError.write(Data("  server pid \(child.pid) listening on 127.0.0.1:\(port)\n".utf8))
        return ServerProcess(child: child, port: port)
    }

    /// Creates a client store at `store` that signs in with `token` (not timed).
    func initClient(store: String, editor: String, token: String, in workspace: BenchWorkspace) async throws {
        if let client {
            try await workspace.run(
                client, ["init", "--store", store, "--editor", editor, "--token", token],
                standardError: .file(workspace.path("client.log")))
        } else {
            try LocalStore.create(at: store, editor: editor).setToken(token)
        }
    }

    /// Runs one `sync` of the client store as its own process; returns its summary, wall time and peak memory.
    ///
    /// The process is started through this executable's `measure` helper, so that its peak memory is its own (see
    /// ``MeasureCommand``).
    func syncClient(store: String, port: Int, in workspace: BenchWorkspace) async throws -> ClientRun {
        let name = "client-\(UUID().uuidString.prefix(8))"
        let output = workspace.path(name + ".json")
        let figures = workspace.path(name + "-measured.json")
        let address = "127.0.0.1:\(port)"
        let program =
            client.map { [$0, "sync", "--store", store, "--server", address, "--json"] }
            ?? [bench, "sync-client", "--store", store, "--server", address]
        try await workspace.run(
            bench,
            [
                "measure", "--output", figures, "--standard-output", output, "--standard-error",
                workspace.path("client.log"), "--",
            ] + program,
            timeout: .seconds(1_800))
        let measured = try JSONDecoder().decode(MeasuredRun.self, from: Data(contentsOf: URL(fileURLWithPath: figures)))
        guard measured.status == 0 else { throw BenchError.failed(program.joined(separator: " "), measured.status) }
        let summary = try BulletinJSON.decoder().decode(
            SyncSummary.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
        return ClientRun(summary: summary, wallSeconds: measured.seconds, peakRSSBytes: measured.peakRSSBytes)
    }
}

/// A running server process and the port it listens on.
struct ServerProcess: Sendable {
    /// The process.
    let child: ChildProcess
    /// Its port on 127.0.0.1.
    let port: Int
}

/// One `sync` run as a separate process.
struct ClientRun: Sendable {
    /// What the client reported.
    var summary: SyncSummary
    /// Process start to exit.
    var wallSeconds: Double
    /// The client's peak resident set size.
    var peakRSSBytes: Int
}
