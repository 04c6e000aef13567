import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole file so that readers see either nothing (or the old file) or all of it, never a part.
///
/// The bytes go to a temporary file beside the target, are synced, and then take the target's name. Not
/// `Data.write(options: .atomic)`: on Linux it leaves an empty `TemporaryDirectory.*` behind in `/tmp` on every call.
public enum AtomicFile {
    /// What to do when the target already exists.
    public enum Existing: Sendable {
        /// Replace it (`rename`).
        case replace
        /// Keep it: the write then does nothing (`link`, which fails when the name exists). Two processes
        /// creating the same file at once end with exactly one of their versions.
        case keep
    }

    /// Writes `bytes` to `path` with permission bits `mode`.
    ///
    /// - Throws: ``AtomicFileError`` with the failing call's error number.
    public static func write(
        _ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o644,
        existing: Existing = .replace
    ) throws {
        let temporary = path + ".\(UUID().uuidString.lowercased()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw error() }
        // After a rename the temporary name is gone and this does nothing; after a link or a failure it tidies up.
        defer { unlink(temporary) }
        let written = writeAll(Array(bytes), to: descriptor) && fsync(descriptor) == 0
        let failure = written ? nil : error()
        close(descriptor)
        if let failure { throw failure }
        switch existing {
        case .replace:
            guard rename(temporary, path) == 0 else { throw error() }
        case .keep:
            guard link(temporary, path) == 0 || errno == EEXIST else { throw error() }
        }
    }

    private static func error() -> AtomicFileError {
        AtomicFileError(errorNumber: errno)
    }
}

/// Writes all of `bytes` (retrying short and interrupted writes); `false` with `errno` set on failure. Outside
/// ``AtomicFile`` so that `write` is the system call, not the type's method.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer in
            write(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += written
    }
    return true
}

/// Why ``AtomicFile`` could not write a file.
public struct AtomicFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The system error number (`errno`) of the call that failed.
    public let errorNumber: Int32

    /// The error of a failed call that set `errno` to `errorNumber`.
    public init(errorNumber: Int32) {
        self.errorNumber = errorNumber
    }

    /// The system's sentence for the error, e.g. "No such file or directory".
    public var description: String { String(cString: strerror(errorNumber)) }
}
