import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, so that the benchmark can reap it itself with `wait4` and read its
/// peak resident set size (`ru_maxrss`) — Foundation's `Process` reaps its children on its own and hides that.
final class ChildProcess: @unchecked Sendable {
    /// Where a child's standard output or error goes.
    enum Output {
        /// Discarded.
        case null
        /// Appended to a file.
        case file(String)
        /// Into a pipe whose read end is handed to ``ChildProcess/onErrorLine`` (standard error only).
        case lines
    }

    /// How a child ended.
    struct Exit: Sendable {
        /// The exit status, or 128 + the signal that ended it.
        var status: Int32
        /// The peak resident set size in bytes, as the kernel counted it.
        var peakRSSBytes: Int
    }

    /// The child's process id.
    let pid: pid_t
    /// The command, for messages.
    let command: String
    private let lock = NSLock()
    private var exited: Exit?

    private init(pid: pid_t, command: String) {
        self.pid = pid
        self.command = command
    }

    /// Starts `path` with `arguments`.
    ///
    /// - Parameters:
    ///   - environment: The child's whole environment.
    ///   - standardOutput: Where its standard output goes.
    ///   - standardError: Where its standard error goes; with `.lines`, every line is passed to `onLine` from a
    ///     reader thread (which also keeps the pipe drained, so a chatty child never blocks).
    ///   - onLine: Called with each standard-error line when `standardError` is `.lines`.
    static func spawn(
        _ path: String, _ arguments: [String], environment: [String: String],
        standardOutput: Output = .null, standardError: Output = .null,
        onLine: (@Sendable (String) -> Void)? = nil
    ) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var pipeEnds: [Int32] = [-1, -1]
        for (fd, output) in [(Int32(1), standardOutput), (Int32(2), standardError)] {
            switch output {
            case .null:
                posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
            case .file(let file):
                posix_spawn_file_actions_addopen(&actions, fd, file, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            case .lines:
                guard pipe(&pipeEnds) == 0 else { throw BenchError.spawn(path, errno) }
                posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], fd)
                posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
                posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
            }
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, nil, argv, envp)
        if pipeEnds[1] >= 0 { close(pipeEnds[1]) }
        guard result == 0 else {
            if pipeEnds[0] >= 0 { close(pipeEnds[0]) }
            throw BenchError.spawn(path, result)
        }
        let child = ChildProcess(pid: pid, command: ([path] + arguments).joined(separator: " "))
        if pipeEnds[0] >= 0 {
            let handle = FileHandle(fileDescriptor: pipeEnds[0], closeOnDealloc: true)
            let reader = Thread {
                var pending = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    pending.append(chunk)
                    while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                        onLine?(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                        pending.removeSubrange(pending.startIndex...newline)
                    }
                }
            }
            reader.start()
        }
        return child
    }

    /// Waits for the child to end (on a thread, not blocking the caller's executor) and reaps it.
    func wait() async -> Exit {
        if let exited = lock.withLock({ exited }) { return exited }
        return await withCheckedContinuation { continuation in
            Thread {
                continuation.resume(returning: self.waitBlocking())
            }.start()
        }
    }

    private func waitBlocking() -> Exit {
        var status: Int32 = 0
        var usage = rusage()
        var result: pid_t
        repeat {
            result = wait4(pid, &status, 0, &usage)
        } while result < 0 && errno == EINTR
        // Linux reports ru_maxrss in kibibytes.
        let exit = Exit(status: Self.exitStatus(status), peakRSSBytes: Int(usage.ru_maxrss) * 1024)
        lock.withLock { exited = exit }
        return exit
    }

    private static func exitStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// Whether the child has been reaped.
    var hasExited: Bool { lock.withLock { exited != nil } }

    /// Sends `signal` to the child (ignored once it has been reaped).
    func send(_ signal: Int32) {
        guard !hasExited else { return }
        kill(pid, signal)
    }

    /// The CPU time (user and system, all threads) the child has used so far, from `/proc/PID/stat`, while it runs.
    func cpuSeconds() -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return nil }
        // After the command name in parentheses: state, ppid, … utime (field 14) and stime (field 15).
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The child's peak resident set size so far (`VmHWM` in `/proc/PID/status`), while it runs.
    func peakRSSBytes() -> Int? {
        statusBytes("VmHWM:")
    }

    /// The child's resident set size now (`VmRSS` in `/proc/PID/status`), while it runs.
    func residentBytes() -> Int? {
        statusBytes("VmRSS:")
    }

    /// A field of `/proc/PID/status` given in kB, in bytes.
    private func statusBytes(_ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            let digits = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
            return digits.map { $0 * 1024 }
        }
        return nil
    }
}

/// Why the benchmark stopped.
enum BenchError: Error, CustomStringConvertible {
    /// A process could not be started.
    case spawn(String, Int32)
    /// A process exited with a non-zero status.
    case failed(String, Int32)
    /// Something took longer than its bound.
    case timedOut(String)
    /// A result was not what the benchmark set up (the figures would be meaningless).
    case unexpected(String)

    var description: String {
        switch self {
        case .spawn(let path, let code): "cannot start \(path): \(String(cString: strerror(code)))"
        case .failed(let command, let status): "\(command) exited with status \(status)"
        case .timedOut(let what): "timed out: \(what)"
        case .unexpected(let what): "unexpected result: \(what)"
        }
    }
}
