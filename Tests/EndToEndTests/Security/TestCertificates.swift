import Foundation
import TestSupport

/// A throwaway CA and a server certificate for 127.0.0.1 / localhost signed by it, plus an unrelated CA, made with
/// the `openssl` command at test time (nothing secret is committed). Tests that need them are skipped, saying so,
/// on a machine without `openssl`.
struct TestCertificates {
    let caFile: String
    let otherCAFile: String
    let certificateFile: String
    let keyFile: String

    /// Where `openssl` is, if anywhere.
    static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/bin/openssl"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Makes the files in `directory`.
    static func make(in directory: TemporaryDirectory) throws -> TestCertificates {
        let dir = directory.path
        func run(_ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: openssl ?? "/usr/bin/openssl")
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let message = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw OpenSSLFailed(arguments: arguments, output: String(decoding: message, as: UTF8.self))
            }
        }
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for name in ["ca", "other-ca"] {
            try run(
                ["req", "-x509"] + curve + [
                    "-keyout", "\(dir)/\(name).key", "-out", "\(dir)/\(name).pem", "-days", "2", "-subj", "/CN=\(name)",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                ])
        }
        try run(
            ["req"] + curve + [
                "-keyout", "\(dir)/server.key", "-out", "\(dir)/server.csr", "-subj", "/CN=localhost",
            ])
        try Data(
            """
            subjectAltName=IP:127.0.0.1,DNS:localhost
            basicConstraints=CA:FALSE
            keyUsage=critical,digitalSignature
            extendedKeyUsage=serverAuth

            """.utf8
        ).write(to: URL(fileURLWithPath: "\(dir)/server.ext"))
        try run([
            "x509", "-req", "-in", "\(dir)/server.csr", "-CA", "\(dir)/ca.pem", "-CAkey", "\(dir)/ca.key",
            "-CAcreateserial", "-out", "\(dir)/server.pem", "-days", "2", "-extfile", "\(dir)/server.ext",
        ])
        return TestCertificates(
            caFile: "\(dir)/ca.pem", otherCAFile: "\(dir)/other-ca.pem", certificateFile: "\(dir)/server.pem",
            keyFile: "\(dir)/server.key")
    }

    struct OpenSSLFailed: Error, CustomStringConvertible {
        let arguments: [String]
        let output: String
        var description: String { "openssl \(arguments.joined(separator: " ")) failed: \(output)" }
    }
}
