import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SyncClient
import TestSupport
import Testing

@Suite("`bulletin ui` as a process")
struct UICommandTests {
    @Test("Prints its URL alone on one line, serves the desk through the key, and stops cleanly on SIGINT")
    func runsAndStops() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("store.sqlite")
        _ = try LocalStore.create(at: path, editor: "Thanh Hồng")
        let process = Process()
        process.executableURL = try BuiltBinaries.url("bulletin")
        process.arguments = ["ui", "--store", path, "--no-open", "--port", "0", "--lang", "vi"]
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        let (lines, continuation) = AsyncStream.makeStream(of: String.self)
        let collected = LockedText()
        output.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                continuation.finish()
                return
            }
            for line in collected.append(data) { continuation.yield(line) }
        }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let url = try await withTimeout(seconds: 60) {
            for await line in lines where line.hasPrefix("http://") { return line }
            throw ProcessEnded()
        }
        #expect(url.hasPrefix("http://127.0.0.1:"))
        #expect(url.contains("/?key="))

        let session = URLSession(configuration: .ephemeral)
        let (body, response) = try await session.data(from: try #require(URL(string: url)))
        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.url?.query == nil, "the key is dropped from the address bar")
        let page = String(decoding: body, as: UTF8.self)
        #expect(page.contains("<html lang=\"vi\">"))
        #expect(page.contains("Các số bản tin"))

        kill(process.processIdentifier, SIGINT)
        let status = try await withTimeout(seconds: 30) {
            await withCheckedContinuation { (done: CheckedContinuation<Int32, Never>) in
                DispatchQueue.global().async {
                    process.waitUntilExit()
                    done.resume(returning: process.terminationStatus)
                }
            }
        }
        #expect(status == 0)
    }
}

private struct ProcessEnded: Error {}

/// Splits bytes into lines across reads.
private final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var pending = ""

    func append(_ data: Data) -> [String] {
        lock.withLock {
            pending += String(decoding: data, as: UTF8.self)
            var lines = pending.components(separatedBy: "\n")
            pending = lines.removeLast()
            return lines
        }
    }
}
