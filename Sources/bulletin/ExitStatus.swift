import SyncClient

/// The exit statuses of `bulletin`, stable for scripts (README, "Exit statuses"): 0 success, 1 an error in the
/// command (store, file, argument, state), 64 a malformed command line, 130 interrupted, and 2–13 one per kind of
/// failure to sync (``SyncError/code``).
enum ExitStatus {
    /// An error in the command itself: the store, a file, an argument, a refused local edit.
    static let failure: Int32 = 1
    /// Interrupted (Ctrl-C).
    static let interrupted: Int32 = 130

    /// The status for a failed sync, by its stable code.
    static func of(_ error: SyncError) -> Int32 {
        switch error.code {
        case "invalid_address", "no_server": 2
        case "connection_refused": 3
        case "connection_failed": 4
        case "timeout": 5
        case "connection_reset": 6
        case "connection_closed": 7
        case "tls_failed": 8
        case "protocol_violation": 9
        case "server_unauthenticated": 10
        case "server_forbidden": 11
        default:
            if case .server(let message) = error, message.retryable { 12 } else { 13 }
        }
    }

    /// The status for any error a command throws; transport errors are read as the ``SyncError`` they stand for.
    static func of(_ error: any Error) -> Int32 {
        if let error = SyncError(transportError: error) { return of(error) }
        return failure
    }
}
