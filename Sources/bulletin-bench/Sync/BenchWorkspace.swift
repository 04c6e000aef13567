import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The benchmark's temporary directory and the child processes it started: both are removed / stopped by
/// ``cleanUp()``, which runs however the benchmark ends (also on SIGINT / SIGTERM).
final class BenchWorkspace: @unchecked Sendable {
    /// The temporary directory (under `$TMPDIR` or `/tmp`).
    let root: String
    private let lock = NSLock()
    private var children: [ChildProcess] = []
    private var cleaned = false

    /// Creates a fresh temporary directory.
    init() throws {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/bulletin-bench-sync-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw BenchError.unexpected("cannot create a temporary directory") }
        root = String(cString: made)
    }

    /// A path inside the directory.
    func path(_ name: String) -> String {
        root + "/" + name
    }

    /// The environment every child gets: no user configuration leaks in (HOME is the workspace).
    var environment: [String: String] {
        [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": root,
            "LANG": "C.UTF-8",
            "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_TERMINAL_PROMPT": "0",
        ]
    }

    /// Starts a child and remembers it for ``cleanUp()``; `extraEnvironment` is added to ``environment``.
    func spawn(
        _ path: String, _ arguments: [String], extraEnvironment: [String: String] = [:],
        standardOutput: ChildProcess.Output = .null, standardError: ChildProcess.Output = .null,
        onLine: (@Sendable (String) -> Void)? = nil
    ) throws -> ChildProcess {
        let child = try ChildProcess.spawn(
            path, arguments, environment: environment.merging(extraEnvironment) { $1 },
            standardOutput: standardOutput,
            standardError: standardError, onLine: onLine)
        lock.withLock { children.append(child) }
        return child
    }

    /// Runs a child to completion within `timeout`; throws when it fails or runs over (it is killed then).
    @discardableResult
    func run(
        _ path: String, _ arguments: [String], timeout: Duration = .seconds(600),
        standardOutput: ChildProcess.Output = .null, standardError: ChildProcess.Output = .null
    ) async throws -> ChildProcess.Exit {
        let child = try spawn(
            path, arguments, standardOutput: standardOutput,
            standardError: standardError)
        let exit = try await wait(for: child, timeout: timeout)
        guard exit.status == 0 else { throw BenchError.failed(child.command, exit.status) }
        return exit
    }

    /// Waits for `child` to exit; after `timeout` kills it and throws.
    func wait(for child: ChildProcess, timeout: Duration) async throws -> ChildProcess.Exit {
        try await withThrowingTaskGroup(of: ChildProcess.Exit?.self) { group in
            group.addTask { await child.wait() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = try await group.next() ?? nil
            guard let exit = first else {
                child.send(SIGKILL)
                _ = try await group.next()
                throw BenchError.timedOut(child.command)
            }
            group.cancelAll()
            return exit
        }
    }

    /// Stops `child` with SIGTERM and waits (SIGKILL after 30 s); returns how it ended.
    func stop(_ child: ChildProcess) async -> ChildProcess.Exit {
        child.send(SIGTERM)
        if let exit = try? await wait(for: child, timeout: .seconds(30)) { return exit }
        return await child.wait()
    }

    /// Kills every child still running, reaps it, and removes the directory. Safe to call more than once.
    func cleanUp() {
        let running: [ChildProcess] = lock.withLock {
            guard !cleaned else { return [] }
            cleaned = true
            return children.filter { !$0.hasExited }
        }
        for child in running {
            child.send(SIGKILL)
            var status: Int32 = 0
            waitpid(child.pid, &status, 0)
        }
        try? FileManager.default.removeItem(atPath: root)
    }
}
