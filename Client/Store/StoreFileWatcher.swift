import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Tells when another process committed a local change to a store file: after the commit, the committing process
/// touches the store file (``announceCommit(ofStoreAt:)``), which inotify reports at once.
///
/// Not the writes to the `-wal` file: SQLite writes a transaction's pages there before the commit is visible, so a
/// reader woken by the last of them could look too early and find nothing, and no later write tells it again (the
/// log's index is updated through shared memory, which inotify does not see). Linux only; elsewhere
/// ``changes(ofStoreAt:)`` is `nil` and only this process's own commits are seen (``CommitSignal``).
enum StoreFileWatcher {
    /// Tells watchers in other processes that a local change to the store at `path` has been committed: sets the
    /// file's times to now (an `IN_ATTRIB` event). Cannot fail in a way that matters: at worst another process's
    /// watching sync pushes the change with its next one.
    static func announceCommit(ofStoreAt path: String) {
        #if canImport(Glibc)
        _ = utimensat(AT_FDCWD, path, nil, 0)
        #endif
    }

    /// A stream that yields (coalesced) whenever a commit to the store file at `path` is announced, or the file is
    /// replaced; the watching thread stops when the stream's consumer goes away. `nil` when the platform cannot
    /// watch.
    static func changes(ofStoreAt path: String) -> AsyncStream<Void>? {
        #if canImport(Glibc)
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let names: Set<String> = [url.lastPathComponent]
        let watch = inotify_init1(Int32(IN_CLOEXEC))
        guard watch >= 0 else { return nil }
        guard inotify_add_watch(watch, directory, UInt32(IN_ATTRIB | IN_CREATE | IN_MOVED_TO)) >= 0 else {
            close(watch)
            return nil
        }
        // The consumer's end closes this pipe's write side, which wakes the thread's poll to stop it.
        var stop: [Int32] = [0, 0]
        guard pipe(&stop) == 0 else {
            close(watch)
            return nil
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let (stopRead, stopWrite) = (stop[0], stop[1])
        continuation.onTermination = { _ in close(stopWrite) }
        let thread = Thread {
            defer {
                close(watch)
                close(stopRead)
            }
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while true {
                var descriptors = [
                    pollfd(fd: watch, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: stopRead, events: Int16(POLLIN), revents: 0),
                ]
                guard poll(&descriptors, 2, -1) >= 0 || errno == EINTR else { return }
                if descriptors[1].revents != 0 { return }
                guard descriptors[0].revents & Int16(POLLIN) != 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(watch, $0.baseAddress, $0.count) }
                guard count > 0 else { return }
                if Self.names(in: buffer.prefix(count)).contains(where: names.contains) {
                    continuation.yield()
                }
            }
        }
        thread.name = "store-file-watcher"
        thread.start()
        return stream
        #else
        return nil
        #endif
    }

    #if canImport(Glibc)
    /// The file names of the inotify events in `bytes`.
    private static func names(in bytes: ArraySlice<UInt8>) -> [String] {
        var names: [String] = []
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let length = bytes.withUnsafeBytes { raw in
                raw.loadUnaligned(fromByteOffset: offset - bytes.startIndex + 12, as: UInt32.self)
            }
            let nameStart = offset + header
            let nameEnd = min(bytes.endIndex, nameStart + Int(length))
            let name = bytes[nameStart..<nameEnd].prefix { $0 != 0 }
            names.append(String(decoding: name, as: UTF8.self))
            offset = nameEnd
        }
        return names
    }
    #endif
}
