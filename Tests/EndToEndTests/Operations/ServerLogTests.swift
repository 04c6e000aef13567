import Foundation
import TestSupport
import Testing

/// `bulletin-server serve --log-format json --log-level trace`: every line is one JSON object, and no token or
/// article text appears in the logs of a full sync, at any level.
@Suite(.timeLimit(.minutes(1)))
struct ServerLogTests {
    @Test func jsonLinesAndNoSecretsOrArticleTextAtTraceLevel() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let added = try await BuiltBinaries.run(
            "bulletin-server", ["user", "add", "hong", "--role", "chief", "--data", data])
        let token = added.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("bst_"))
        let server = try RunningProcess(
            "bulletin-server",
            [
                "serve", "--port", "0", "--data", data, "--log-format", "json", "--log-level", "trace",
            ])
        var lines: [String] = []
        var port: Int?
        for await line in server.lines {
            lines.append(line)
            if line.contains("\"listening\""), let match = line.firstMatch(of: /127\.0\.0\.1:(\d+)/) {
                port = Int(match.1)
                break
            }
        }
        let store = directory.file("hong.sqlite")
        let title = "Bí mật tòa soạn chưa phát hành"
        let paragraph = "Đoạn văn riêng tư không được ghi vào nhật ký."
        let body = directory.file("body.txt")
        try Data(paragraph.utf8).write(to: URL(fileURLWithPath: body))
        for arguments in [
            [
                "init", "--store", store, "--editor", "Thanh Hồng", "--token", token,
                "--server", "127.0.0.1:\(try #require(port))",
            ],
            ["issue", "new", "--store", store, "--date", "2024-09-05"],
            ["section", "add", "--store", store, "2024-09-05", "QUẢN LÝ"],
            [
                "article", "add", "--store", store, "2024-09-05", "--section", "1", "--title", title,
                "--body-file", body,
            ],
            ["sync", "--store", store],
        ] {
            let run = try await BuiltBinaries.run("bulletin", arguments, environment: ["PATH": "/usr/bin:/bin"])
            #expect(run.status == 0, "\(arguments.first ?? ""): \(run.standardError)")
        }
        #expect(await server.stop(signal: SIGTERM) == 0)
        for await line in server.lines { lines.append(line) }
        #expect(lines.contains { $0.contains("\"push\"") }, "the push was logged")
        for line in lines where !line.isEmpty {
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["time"] != nil && object?["level"] != nil && object?["message"] != nil, "\(line)")
            #expect(!line.contains(token) && !line.contains(String(token.dropFirst(4).prefix(16))), "token: \(line)")
            #expect(!line.contains(title) && !line.contains(paragraph), "article text: \(line)")
        }
    }
}
