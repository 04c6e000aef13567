import Foundation
import Glibc

/// A misbehaving "server" on a real loopback socket: it accepts one connection and does to it what `behaviour`
/// says, on a thread of its own (blocking socket calls, so the peer is as plain as a peer can be).
final class FakePeer: Sendable {
    /// The port it listens on (127.0.0.1).
    let port: Int
    private let listener: Int32
    private let finished = DispatchSemaphore(value: 0)

    /// Listens on 127.0.0.1 (port 0) and serves one connection with `behaviour`, which gets the connected socket
    /// and closes it (or leaves that to ``close()``).
    init(_ behaviour: @escaping @Sendable (_ socket: Int32) -> Void) throws {
        let (listener, port) = try Self.listen()
        self.listener = listener
        self.port = port
        let finished = self.finished
        let thread = Thread {
            let connection = accept(listener, nil, nil)
            if connection >= 0 { behaviour(connection) }
            finished.signal()
        }
        thread.start()
    }

    /// Stops listening once the connection was served.
    func close() {
        shutdown(listener, Int32(SHUT_RDWR))
        finished.wait()
        _ = Glibc.close(listener)
    }

    /// A port on 127.0.0.1 where nothing listens (bound, then closed at once).
    static func refusingPort() throws -> Int {
        let (socket, port) = try bound()
        _ = Glibc.close(socket)
        return port
    }

    // MARK: - What a peer can do to a connection

    /// Reads exactly `count` bytes (fewer if the peer closes first).
    static func read(_ socket: Int32, count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count < count {
            let got = recv(socket, &buffer, min(buffer.count, count - bytes.count), 0)
            if got <= 0 { break }
            bytes += buffer[0..<got]
        }
        return bytes
    }

    /// Reads one frame of the protocol (after its preamble, if `preamble`): what the client sent, in whole.
    static func readFrame(_ socket: Int32, preamble: Bool = false) -> [UInt8] {
        if preamble { _ = read(socket, count: 4) }
        let header = read(socket, count: 4)
        guard header.count == 4 else { return [] }
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        return header + read(socket, count: length)
    }

    /// Writes all of `bytes`.
    static func write(_ socket: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    /// Closes with a TCP reset (SO_LINGER 0): what a crashed server or a middlebox cutting the line looks like.
    static func reset(_ socket: Int32) {
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(socket, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        _ = Glibc.close(socket)
    }

    /// Closes politely: no more writes, read until the client closes, then close (so no reset is sent).
    static func closeGracefully(_ socket: Int32) {
        shutdown(socket, Int32(SHUT_WR))
        while !read(socket, count: 1).isEmpty {}
        _ = Glibc.close(socket)
    }

    /// Waits until the client closes, without answering anything.
    static func stall(_ socket: Int32) {
        while !read(socket, count: 1).isEmpty {}
        _ = Glibc.close(socket)
    }

    private static func bound() throws -> (Int32, Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PeerError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw PeerError("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }

    private static func listen() throws -> (Int32, Int) {
        let (socket, port) = try bound()
        guard Glibc.listen(socket, 4) == 0 else { throw PeerError("listen() failed") }
        return (socket, port)
    }
}

struct PeerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
