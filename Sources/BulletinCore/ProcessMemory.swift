import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Settings of the process's memory allocator, made by an executable (`bulletin-server serve`, `bulletin`) first
/// thing, before it starts threads.
public enum ProcessMemory {
    /// Limits glibc's `malloc` to `count` arenas (`mallopt(M_ARENA_MAX, count)`); returns whether it could.
    ///
    /// glibc gives each thread that allocates an arena of its own, up to eight per core: event loops, decoding
    /// threads, Swift's cooperative pool and SQLite's queues each keep what they freed, in many partly used heaps that
    /// count in RSS. One arena per core measured best: 1.37× the server's RSS before a burst of 5,000 sessions 60 s
    /// after it left (1.68× with glibc's default), and 76 MiB instead of 80 MiB of peak RSS for a client's initial
    /// pull of 10,000 articles (BENCHMARKS.md, "Issue 14: memory"). Threads that have already allocated keep their
    /// arenas. Looked up at run time: Swift's Glibc module does not import `<malloc.h>`, and a C library without
    /// `mallopt` (musl) keeps its own policy.
    @discardableResult
    public static func limitMallocArenas(to count: Int = ProcessInfo.processInfo.activeProcessorCount) -> Bool {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        // M_ARENA_MAX in <malloc.h>.
        let arenaMax: Int32 = -8
        guard count > 0, let symbol = dlsym(nil, "mallopt") else { return false }
        return unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, Int32(clamping: count)) == 1
        #else
        return false
        #endif
    }
}
