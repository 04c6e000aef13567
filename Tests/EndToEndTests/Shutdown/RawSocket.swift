import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A blocking loopback TCP connection for tests that must place bytes at an exact stage of the protocol (the
/// preamble only, a `hello` not yet answered, a request in flight) and then stop reading.
final class RawSocket {
    private let descriptor: Int32

    /// Connects to 127.0.0.1:`port`; reads time out after `timeout` seconds.
    init(port: Int, timeout: Int = 5) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawSocketError.failed("socket", errno) }
        var time = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw RawSocketError.failed("connect", errno)
        }
    }

    deinit {
        close(descriptor)
    }

    /// Writes all of `bytes`.
    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
            guard written > 0 else { throw RawSocketError.failed("send", errno) }
            offset += written
        }
    }

    /// Reads exactly `count` bytes.
    func receive(_ count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let read = bytes[offset...].withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard read > 0 else { throw RawSocketError.failed("recv", read == 0 ? 0 : errno) }
            offset += read
        }
        return bytes
    }

    /// Reads one frame whole (length, flags, payload) and returns its payload length.
    @discardableResult
    func receiveFrame() throws -> Int {
        let header = try receive(4)
        let length = header.reduce(0) { $0 << 8 | Int($1) }
        _ = try receive(length)
        return length - 1
    }
}

/// A socket call failed.
struct RawSocketError: Error, CustomStringConvertible {
    let call: String
    let code: Int32

    static func failed(_ call: String, _ code: Int32) -> RawSocketError { RawSocketError(call: call, code: code) }

    var description: String { "\(call) failed: \(code == 0 ? "the peer closed" : String(cString: strerror(code)))" }
}
