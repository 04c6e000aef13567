import Foundation
import Glibc
import SyncClient
import SyncProtocol
import Testing

@testable import bulletin

/// A failed sync prints one `error: …` line a person can act on and exits with its stable status (README).
@Suite(.timeLimit(.minutes(1))) struct SyncFailureCommandTests {
    /// A loopback port where nothing listens.
    static func refusingPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                _ = bind(socket, pointer, length)
                return getsockname(socket, pointer, &length)
            }
        }
        _ = close(socket)
        return Int(UInt16(bigEndian: address.sin_port))
    }

    @Test func aRefusedConnectionIsOneLineAndStatus3() async throws {
        let cli = try CLIHarness()
        _ = try cli.output("init", "--editor", "Lan")
        let port = try Self.refusingPort()
        for command in ["sync", "pull"] {
            let result = await cli.runStreaming(command, "--server", "127.0.0.1:\(port)")
            #expect(result.status == 3, "\(command): \(result.standardError)")
            #expect(
                result.standardError.hasPrefix(
                    "error: cannot connect to 127.0.0.1:\(port): nothing accepts "
                        + "connections there"))
            #expect(result.standardError.split(separator: "\n").count == 1)
        }
    }

    @Test func noServerIsStatus2AndABadAddressToo() async throws {
        let cli = try CLIHarness()
        _ = try cli.output("init", "--editor", "Lan")
        let none = await cli.runStreaming("sync")
        #expect(none.status == 2)
        #expect(
            none.standardError == "error: no server address: pass --server HOST:PORT once; it is remembered in "
                + "the store\n")
        #expect(await cli.runStreaming("sync", "--server", "127.0.0.1:99999").status == 2)
    }

    @Test func everyKindOfFailureHasItsOwnStatus() {
        let message = { (name: String, retryable: Bool) in
            SyncError.server(ErrorMessage(code: 0, name: name, message: "m", retryable: retryable))
        }
        let cases: [(SyncError, Int32)] = [
            (.noServerConfigured, 2), (.invalidAddress("x"), 2), (.connectionRefused(address: "a"), 3),
            (.connectionFailed(address: "a", reason: "r"), 4), (.timedOut("welcome"), 5), (.connectionReset, 6),
            (.connectionClosed, 7), (.tlsFailed(address: "a", reason: "r"), 8), (.protocolViolation(.badPreamble), 9),
            (message("unauthenticated", false), 10), (message("forbidden", false), 11),
            (message("shutting_down", true), 12), (message("batch_too_large", false), 13),
        ]
        for (error, status) in cases {
            #expect(ExitStatus.of(error) == status, "\(error.code)")
        }
        #expect(ExitStatus.of(CommandError.noEditor) == 1)
    }
}
