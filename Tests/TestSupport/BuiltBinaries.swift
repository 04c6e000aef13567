import Foundation

/// Runs the package's own executables (`bulletin`, `bulletin-server`) as separate processes.
public enum BuiltBinaries {
    /// What a finished process printed and how it exited.
    public struct Run: Sendable {
        /// The exit status.
        public var status: Int32
        /// Everything written to standard output.
        public var standardOutput: String
        /// Everything written to standard error.
        public var standardError: String
    }

    /// The built executable `name`, next to the test bundle (a test target that depends on the executable target
    /// has it built).
    public static func url(_ name: String, file: String = #filePath) throws -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(name))
        }
        var root = URL(fileURLWithPath: file)
        let fileManager = FileManager.default
        while root.path != "/" && !fileManager.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        candidates.append(root.appendingPathComponent(".build/debug/\(name)"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw MissingBinary(name: name, searched: candidates.map(\.path))
        }
        return found
    }

    /// Runs `name` with `arguments` to completion, with no standard input.
    ///
    /// The child is waited for on a thread of its own (``onThreadOfItsOwn(_:)``): blocking the cooperative pool while
    /// the child talks to a server in the test process starved that server and every other test of the run.
    public static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:]) async throws
        -> Run
    {
        let executable = try url(name)
        return try await onThreadOfItsOwn { try runToEnd(executable, arguments, environment: environment) }
    }

    /// Runs a tool of the system (e.g. `pg_dump`), found on `PATH`, to completion, as ``run(_:_:environment:)``
    /// runs the package's own.
    public static func runTool(_ name: String, _ arguments: [String]) async throws -> Run {
        try await onThreadOfItsOwn {
            try runToEnd(
                URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments,
                environment: ProcessInfo.processInfo.environment)
        }
    }

    private static func runToEnd(_ executable: URL, _ arguments: [String], environment: [String: String]) throws
        -> Run
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Standard error is drained beside standard output: a child that fills one pipe while the other is read
        // would wait for ever.
        let errorText = LockedData()
        let errorReader = Thread {
            errorText.set(error.fileHandleForReading.readDataToEndOfFile())
        }
        errorReader.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let err = errorText.waitForValue()
        return Run(
            status: process.terminationStatus, standardOutput: String(decoding: out, as: UTF8.self),
            standardError: String(decoding: err, as: UTF8.self))
    }

    /// The executable was not found where SwiftPM puts it.
    public struct MissingBinary: Error, CustomStringConvertible {
        /// The executable's name.
        public let name: String
        /// Where it was looked for.
        public let searched: [String]
        /// Names the executable and the places searched.
        public var description: String { "no built '\(name)' at \(searched.joined(separator: ", "))" }
    }
}

/// A long-running child process whose standard error (or standard output) is read line by line (e.g. `bulletin-server
/// serve`, `bulletin ui`).
public final class RunningProcess: Sendable {
    /// Which of a child's outputs ``lines`` reads; the other goes nowhere.
    public enum Output: Sendable {
        case standardOutput, standardError
    }

    private let process: Process
    /// The chosen output, one line at a time; finished when the child closes it.
    public let lines: AsyncStream<String>

    /// Starts `name` with `arguments`, reading the lines of `output`.
    public init(_ name: String, _ arguments: [String], lines output: Output = .standardError) throws {
        let process = Process()
        process.executableURL = try BuiltBinaries.url(name)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        switch output {
        case .standardOutput:
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
        case .standardError:
            process.standardOutput = FileHandle.nullDevice
            process.standardError = pipe
        }
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        try process.run()
        // Blocking reads on a thread of their own, not `readabilityHandler`: tearing down the dispatch source it
        // makes races libdispatch's epoll bookkeeping on Linux (swift-corelibs-libdispatch#949), which crashed a
        // whole test run while 200 servers were started and stopped.
        let reader = pipe.fileHandleForReading
        let readLines = Thread {
            let buffer = LineBuffer()
            while case let data = reader.availableData, !data.isEmpty {
                for line in buffer.append(data) { continuation.yield(line) }
            }
            continuation.finish()
        }
        readLines.start()
        self.process = process
        self.lines = lines
    }

    // A test that fails before stopping its child must not leave it running.
    deinit {
        if process.isRunning { process.terminate() }
    }

    /// The port of a `bulletin-server serve` from its `listening` log line (read up to it), or `nil` if the process
    /// ended first.
    public func listeningPort() async -> Int? {
        for await line in lines {
            if line.contains("listening"), let match = line.firstMatch(of: /127\.0\.0\.1:(\d+)/) {
                return Int(match.1)
            }
        }
        return nil
    }

    /// Sends `signal` (e.g. `SIGTERM`) and waits for the exit status.
    public func stop(signal: Int32 = SIGTERM) async -> Int32 {
        kill(process.processIdentifier, signal)
        return await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.process.waitUntilExit()
                continuation.resume(returning: self.process.terminationStatus)
            }
        }
    }
}

/// Splits a byte stream into lines.
private final class LineBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = Data()

    func append(_ data: Data) -> [String] {
        lock.withLock {
            pending.append(data)
            var lines: [String] = []
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                lines.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                pending.removeSubrange(pending.startIndex...newline)
            }
            return lines
        }
    }
}

/// Data one thread sets and another waits for.
private final class LockedData: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Data?

    func set(_ data: Data) {
        condition.lock()
        value = data
        condition.broadcast()
        condition.unlock()
    }

    func waitForValue() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value ?? Data()
    }
}
