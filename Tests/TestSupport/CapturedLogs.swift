import Logging
import NIOConcurrencyHelpers

/// Collects log lines in memory so tests can assert on them without bootstrapping the logging system.
public final class CapturedLogs: Sendable {
    /// One captured log line.
    public struct Line: Sendable {
        /// The message.
        public let message: String
        /// Its metadata, rendered.
        public let metadata: [String: String]
    }

    /// Creates an empty capture.
    public init() {}

    private let storage = NIOLockedValueBox<[Line]>([])

    /// Every line so far.
    public var lines: [Line] { storage.withLockedValue { $0 } }

    /// A logger whose lines land here.
    public func logger(label: String = "test") -> Logger {
        Logger(label: label) { _ in Handler(logs: self) }
    }

    fileprivate func append(_ line: Line) {
        storage.withLockedValue { $0.append(line) }
    }

    private struct Handler: LogHandler {
        let logs: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            logs.append(Line(message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
