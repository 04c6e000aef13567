import ArgumentParser
import Foundation
import SyncClient
import SyncProtocol
import SyncServer

/// `bulletin-bench memory`: the resident memory of a real `bulletin-server` process with many field-office sessions
/// open, and how much of a burst of sessions it gives back once they have left (issue 14, item 5).
///
/// Two server processes over the same store, each warmed up by one session that pulls and leaves:
/// - **idle**: RSS with no session, then with each count of idle subscribed sessions open (handshaken,
///   subscribed, the subscription confirmed by a `ping` answered after it), then `--settle` seconds after all left;
/// - **burst** (a fresh process, so the idle phase's memory does not count): RSS before, `--burst` sessions that
///   connect, subscribe and pull a field office's snapshot (every published issue) and stay until all have pulled;
///   the peak (`VmHWM`), then RSS `--settle` seconds after they all left.
///
/// A session has left when the server logged its `connection closed`; the settle time runs from the last one.
struct MemoryBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Server RSS with many idle subscribed sessions, and after a burst of sessions has left.")

    @Option(parsing: .upToNextOption, help: "Counts of idle subscribed sessions measured, ascending.")
    var idle: [Int] = [1_000, 10_000]

    @Option(help: "Sessions of the burst: connect, pull, leave together (0: no burst, the idle phase only).")
    var burst = 5_000

    @Option(help: ArgumentHelp("How long after sessions left RSS is read again.", valueName: "seconds"))
    var settle: Double = 60

    @Option(help: "Published issues the burst's sessions pull.")
    var issues = 2

    @Option(help: "Articles per issue (~5 KB of Vietnamese each).")
    var articles = 10

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Added to the server's environment, to compare allocator settings (e.g. MALLOC_ARENA_MAX=2).",
            valueName: "NAME=VALUE"))
    var serverEnvironment: [String] = []

    @Flag(
        help: """
            First measure everything on a server as it was before issue 14's memory work (the baseline):             --no-return-memory --malloc-arenas 0.
            """)
    var baseline = false

    func validate() throws {
        guard idle.allSatisfy({ $0 > 0 }), idle == idle.sorted() else {
            throw ValidationError("--idle takes positive counts in ascending order")
        }
        guard burst >= 0, settle >= 0, issues > 0, articles > 0 else {
            throw ValidationError("--issues and --articles must be positive, --burst and --settle not negative")
        }
    }

    func run() async throws {
        let workspace = try BenchWorkspace()
        defer { workspace.cleanUp() }
        let data = workspace.path("server")
        let chiefToken =
            try await BenchAccounts.add(["chief"], role: .chief, store: .sqlite(directory: data))["chief"] ?? ""
        let officeToken =
            try await BenchAccounts.add(["office"], role: .fieldOffice, store: .sqlite(directory: data))["office"] ?? ""
        var environment: [String: String] = [:]
        for setting in serverEnvironment {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw ValidationError("--server-environment takes NAME=VALUE") }
            environment[parts[0]] = parts[1]
        }
        let programs = SyncPrograms.locate()
        print("bulletin-bench memory: \(programs.description)")
        if !environment.isEmpty { print("server environment: \(serverEnvironment.joined(separator: " "))") }

        // The archive the burst pulls, published by a chief through a server process of its own.
        let seeding = try await programs.startServer(store: .sqlite(directory: data), in: workspace)
        let chief = try LocalStore.create(at: workspace.path("chief.sqlite"), editor: "Tổng biên tập")
        try chief.setToken(chiefToken)
        let address = ServerAddress(host: "127.0.0.1", port: seeding.port)
        for date in try FanOutRun.approvedIssues(chief, count: issues, articles: articles) {
            try chief.setState(issue: date, to: .published)
        }
        _ = try await SyncRunner(store: chief, address: address, logger: .init(label: "bench")).syncOnce()
        _ = await workspace.stop(seeding.child)

        for options in baseline ? [["--no-return-memory", "--malloc-arenas", "0"], []] : [[]] {
            let server = ServerSetup(
                data: data, programs: programs, options: options, environment: environment, workspace: workspace)
            print("server: serve \(options.isEmpty ? "(defaults)" : options.joined(separator: " "))")
            let idleFigures = try await measureIdle(server, token: officeToken)
            let burstFigures = burst > 0 ? try await measureBurst(server, token: officeToken) : []
            print(report(idle: idleFigures, burst: burstFigures))
        }
    }

    /// How the measured server processes are started.
    private struct ServerSetup {
        var data: String
        var programs: SyncPrograms
        var options: [String]
        var environment: [String: String]
        var workspace: BenchWorkspace

        /// Starts one, counting the sessions it closes on `board`.
        func start(board: SessionBoard) async throws -> ServerProcess {
            try await programs.startServer(
                store: .sqlite(directory: data), in: workspace, options: options, environment: environment,
                onLine: { line in
                    if line.contains("connection closed") { board.left() }
                })
        }
    }

    /// RSS with no session, with each count of idle sessions, and `settle` seconds after all left.
    private func measureIdle(_ setup: ServerSetup, token: String) async throws -> [(String, MemoryFigure)] {
        let board = SessionBoard(sessions: idle.last ?? 0)
        let server = try await setup.start(board: board)
        let offices = FieldOfficeSessions(
            address: ServerAddress(host: "127.0.0.1", port: server.port), token: token, app: "bulletin-bench/memory")
        try await warmUp(offices, board: board)
        var figures = [("no sessions", MemoryFigure(server.child))]
        try await withThrowingTaskGroup(of: Void.self) { group in
            var opened = 0
            for count in idle {
                try await offices.open(opened..<count, board: board, in: &group) { index in
                    try await offices.withSubscribedSession(index) { _, _ in
                        board.connected()
                        await board.waitReleased(index)
                    }
                }
                opened = count
                figures.append(("\(count.formatted()) idle subscribed sessions", MemoryFigure(server.child)))
                print("  \(figures.last?.0 ?? ""): \(figures.last?.1.description ?? "")")
            }
            board.release(below: opened)
            try await group.waitForAll()
            await board.waitLeft(opened + 1)
        }
        figures.append(("\(settle.formatted()) s after they left", try await settled(server.child)))
        _ = await setup.workspace.stop(server.child)
        return figures
    }

    /// RSS of a fresh server before the burst, at its peak, and `settle` seconds after the burst left.
    private func measureBurst(_ setup: ServerSetup, token: String) async throws -> [(String, MemoryFigure)] {
        let board = SessionBoard(sessions: burst)
        let server = try await setup.start(board: board)
        let offices = FieldOfficeSessions(
            address: ServerAddress(host: "127.0.0.1", port: server.port), token: token, app: "bulletin-bench/memory")
        try await warmUp(offices, board: board)
        var figures = [("before the burst", MemoryFigure(server.child))]
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            try await offices.open(0..<burst, board: board, in: &group) { index in
                try await offices.withSubscribedSession(index) { conversation, _ in
                    _ = try await Self.pullSnapshot(conversation)
                    board.connected()
                    await board.waitReleased(index)
                }
            }
            let seconds = (ContinuousClock.now - started).seconds
            let name = "\(burst.formatted()) sessions pulled (\(Int(seconds)) s), all open"
            figures.append((name, MemoryFigure(server.child)))
            print("  \(figures.last?.0 ?? ""): \(figures.last?.1.description ?? "")")
            board.release(below: burst)
            try await group.waitForAll()
            await board.waitLeft(burst + 1)
        }
        figures.append(("\(settle.formatted()) s after they left", try await settled(server.child)))
        _ = await setup.workspace.stop(server.child)
        return figures
    }

    /// One session pulls and leaves before anything is measured: what the first session allocates once (threads,
    /// the store's caches) is no burst's.
    private func warmUp(_ offices: FieldOfficeSessions, board: SessionBoard) async throws {
        let records = try await offices.withSubscribedSession(-1) { conversation, _ in
            try await Self.pullSnapshot(conversation)
        }
        guard records >= issues else {
            throw BenchError.unexpected("a field office pulled \(records) publications, not \(issues)")
        }
        await board.waitLeft(1)
    }

    /// RSS once `settle` seconds have passed (the wait is the measurement, not a synchronisation).
    private func settled(_ server: ChildProcess) async throws -> MemoryFigure {
        try await Task.sleep(for: .milliseconds(Int(settle * 1_000)))
        return MemoryFigure(server)
    }

    /// A fresh field office's initial pull: the snapshot of every published issue; returns the records pulled.
    static func pullSnapshot(_ conversation: Conversation) async throws -> Int {
        try await conversation.send(.pull(Pull(since: 0, maxChanges: 1_000, maxBytes: 8 << 20, snapshot: true)))
        var records = 0
        var more = true
        while more {
            let page = try await conversation.awaitReply(timeout: .seconds(120), awaiting: "changes") {
                reply -> Changes? in
                if case .changes(let page) = reply { return page }
                return nil
            }
            records += page.changes.count
            more = page.more
        }
        return records
    }

    private func report(idle: [(String, MemoryFigure)], burst: [(String, MemoryFigure)]) -> String {
        var lines = ["", "server RSS (MiB; peak = VmHWM so far; load average when read):"]
        for (name, figure) in idle + burst {
            lines.append("  \(name.padding(toLength: 52, withPad: " ", startingAt: 0)) \(figure.description)")
        }
        // What each idle session adds to the server with none (the goals' budget: ~23 KiB at 1,000 over a 40 MiB base).
        if let none = idle.first?.1 {
            let perSession = zip(self.idle, idle.dropFirst()).map { count, figure in
                String(
                    format: "%@: %.1f KiB", count.formatted(),
                    Double(figure.1.resident - none.resident) / 1_024 / Double(count))
            }
            lines.append("per idle session, above no sessions: \(perSession.joined(separator: ", "))")
        }
        if let before = burst.first?.1, let after = burst.last?.1 {
            lines.append(
                String(
                    format: "burst: %.2f× the RSS before it, %.0f s after it left (goal ≤ 1.5×)",
                    after.mebibytes / max(before.mebibytes, 0.001), settle))
        }
        return lines.joined(separator: "\n")
    }
}

/// The server's resident set size when it was read, with its peak so far and the load average.
struct MemoryFigure: CustomStringConvertible {
    /// `VmRSS` in bytes.
    var resident: Int
    /// `VmHWM` in bytes.
    var peak: Int
    /// The load average at that moment.
    var load: String

    /// Reads `server`'s figures now.
    init(_ server: ChildProcess) {
        resident = server.residentBytes() ?? 0
        peak = server.peakRSSBytes() ?? 0
        load = LoadAverage.now()
    }

    /// `resident` in MiB.
    var mebibytes: Double { Double(resident) / 1_048_576 }

    var description: String {
        String(format: "%7.1f MiB (peak %6.1f)  load %@", mebibytes, Double(peak) / 1_048_576, load)
    }
}
