import Foundation
import SyncClient
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite("`bulletin ui` as a process")
struct UICommandTests {
    @Test("Prints its URL alone on one line, serves the desk through the key, and stops cleanly on SIGINT")
    func runsAndStops() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("store.sqlite")
        _ = try LocalStore.create(at: path, editor: "Thanh Hồng")
        let process = try RunningProcess(
            "bulletin", ["ui", "--store", path, "--no-open", "--port", "0", "--lang", "vi"], lines: .standardOutput)
        let url = try await withTimeout(seconds: 60) {
            for await line in process.lines where line.hasPrefix("http://") { return line }
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

        // An open event stream must not keep Ctrl-C waiting.
        let cookie = try #require(
            session.configuration.httpCookieStorage?.cookies?.first { $0.name == "bulletin_desk" })
        let port = try #require(URL(string: url)?.port)
        let stream = try EventStreamSocket(port: port, cookie: "\(cookie.name)=\(cookie.value)")
        defer { stream.disconnect() }
        #expect(try stream.readUntil("event: hello").contains("text/event-stream"))

        let status = try await withTimeout(seconds: 30) { await process.stop(signal: SIGINT) }
        #expect(status == 0)
    }
}

private struct ProcessEnded: Error {}

/// A raw HTTP/1.1 connection that reads an event stream (Foundation on Linux has no streaming client).
private final class EventStreamSocket {
    private let descriptor: Int32

    init(port: Int, cookie: String) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw ProcessEnded() }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = "GET /events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nCookie: \(cookie)\r\n\r\n"
        _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
    }

    /// Reads until `marker` has arrived; returns everything read.
    func readUntil(_ marker: String) throws -> String {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !text.contains(marker) {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            guard count > 0 else { throw ProcessEnded() }
            text += String(decoding: buffer[0..<count], as: UTF8.self)
        }
        return text
    }

    func disconnect() {
        _ = close(descriptor)
    }
}
