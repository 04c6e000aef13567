import Foundation
import SyncClient

@testable import bulletin

/// Runs `bulletin` command lines in-process against a store in a temporary directory.
final class CLIHarness: @unchecked Sendable {
    let directory: URL
    let store: String
    var environment: [String: String]
    var standardInput = Data()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = directory.appendingPathComponent("store.sqlite").path
        environment = ["HOME": directory.path, "BULLETIN_STORE": store]
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A file in the temporary directory.
    func file(_ name: String, _ contents: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs one command line (without the program name).
    @discardableResult
    func run(_ arguments: String...) -> CommandResult {
        run(arguments)
    }

    /// Runs one command line (without the program name).
    func run(_ arguments: [String]) -> CommandResult {
        let input = standardInput
        let context = CommandContext(environment: environment, readStandardInput: { input })
        return BulletinEntry.run(arguments, cli: BulletinCLI(context: context))
    }

    /// Runs one command line as the executable does, streaming commands (`sync`, `pull`) included.
    func runStreaming(_ arguments: String...) async -> CommandResult {
        let input = standardInput
        let context = CommandContext(environment: environment, readStandardInput: { input })
        let written = LockedText()
        var result = await BulletinEntry.run(
            arguments, cli: BulletinCLI(context: context),
            output: CommandOutput(write: { written.append($0) }))
        result.standardOutput = written.text
        return result
    }

    /// Runs a command that must succeed and returns its output.
    func output(_ arguments: String...) throws -> String {
        let result = run(arguments)
        guard result.status == 0 else {
            throw HarnessError.failed(arguments.joined(separator: " "), result.standardError)
        }
        return result.standardOutput
    }

    /// Runs a command that must succeed and parses its JSON output.
    func json(_ arguments: String...) throws -> Any {
        let result = run(arguments)
        guard result.status == 0 else {
            throw HarnessError.failed(arguments.joined(separator: " "), result.standardError)
        }
        return try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    }

    /// Everything a store holds, as the commands show it: to prove a failed command left the store untouched.
    func snapshot() throws -> String {
        try output("status", "--json") + output("log", "--json") + output("issues", "--json")
    }

    /// A store with one issue (2024-09-05), two sections and three articles.
    func seed() throws {
        _ = try output("init", "--editor", "Thanh Hồng")
        _ = try output("issue", "new", "--date", "2024-09-05")
        _ = try output("section", "add", "2024-09-05", "CHỦ TRƯỞNG CẢI CÁCH")
        _ = try output("section", "add", "2024-09-05", "CẢI CÁCH ĐỊA PHƯƠNG")
        let first = try file(
            "first.txt",
            """
            Đây là đề nghị của Bộ trưởng Nguyễn Hải Ninh
            tại buổi làm việc với Văn phòng Bộ Tư pháp.

            Công tác tham mưu được triển khai đồng bộ, xuyên suốt.
            """)
        _ = try output(
            "article", "add", "2024-09-05", "--section", "1",
            "--title", "Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính",
            "--body-file", first, "--source", "Baophapluat.vn 05/9, Lê Hồng")
        let second = try file("second.txt", "Tỉnh Lâm Đồng đã tiếp nhận 5.700 hồ sơ.\n")
        _ = try output(
            "article", "add", "2024-09-05", "--section", "2", "--title", "Lâm Đồng: Đẩy mạnh chuyển đổi số",
            "--body-file", second, "--source", "Baolamdong.vn 05/9")
        let third = try file("third.txt", "Ngân sách hỗ trợ khoảng 9,7 tỷ dong.\n\nĐoạn thứ hai.\n")
        _ = try output(
            "article", "add", "2024-09-05", "--section", "1", "--title", "“Phủ sóng” toàn quốc",
            "--body-file", third, "--source", "(Cand.com.vn 05/9, Hoài Thu – Minh Quân)")
    }
}

/// Text appended from any thread.
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var value = ""

    var text: String { lock.withLock { value } }

    func append(_ more: String) {
        lock.withLock { value += more }
    }
}

enum HarnessError: Error, CustomStringConvertible {
    case failed(String, String)

    var description: String {
        switch self {
        case .failed(let command, let error): "`bulletin \(command)` failed: \(error)"
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    subscript(path path: String...) -> Any? {
        var current: Any? = self
        for key in path {
            current = (current as? [String: Any])?[key]
        }
        return current
    }
}
