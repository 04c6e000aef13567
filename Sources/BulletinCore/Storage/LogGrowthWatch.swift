#if canImport(Glibc)
import Glibc
#endif

/// Hears, through SQLite's WAL hook on one connection, how many pages each commit left in the log, and yields when
/// that reaches a threshold: what starts a ``WALCheckpoints`` checkpoint.
///
/// `sqlite3_wal_hook` is looked up at run time: GRDB does not export SQLite's C functions to its users, and the
/// process has SQLite loaded through GRDB.
final class LogGrowthWatch: Sendable {
    private typealias Hook =
        @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32)
        -> Int32
    private typealias SetHook =
        @convention(c) (OpaquePointer?, Hook?, UnsafeMutableRawPointer?)
        -> UnsafeMutableRawPointer?

    /// Log pages at which a commit yields.
    let threshold: Int
    private let continuation: AsyncStream<Void>.Continuation

    init(threshold: Int, continuation: AsyncStream<Void>.Continuation) {
        self.threshold = threshold
        self.continuation = continuation
    }

    /// Whether SQLite's WAL hook can be set in this process.
    static var isAvailable: Bool { setHook != nil }

    private static var setHook: SetHook? {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "sqlite3_wal_hook") else { return nil }
        return unsafeBitCast(symbol, to: SetHook.self)
        #else
        return nil
        #endif
    }

    /// Sets this watch as `connection`'s WAL hook (replacing SQLite's automatic checkpoints, which are one). The
    /// caller keeps the watch alive until the hook is replaced, on that connection's own thread.
    func install(on connection: OpaquePointer) {
        _ = Self.setHook?(
            connection,
            { context, _, _, pages in
                guard let context else { return 0 }
                let watch = Unmanaged<LogGrowthWatch>.fromOpaque(context).takeUnretainedValue()
                // Coalesced: a checkpoint already asked for copies these pages too.
                if Int(pages) >= watch.threshold { watch.continuation.yield() }
                return 0  // SQLITE_OK
            },
            Unmanaged.passUnretained(self).toOpaque())
    }
}
