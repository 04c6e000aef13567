import ArgumentParser
import Foundation
import SyncServer

/// The embedded SQLite store a command works on, which must already exist: such a command never makes one.
enum ExistingStore {
    /// The store file in `dataDirectory`.
    /// - Throws: `ValidationError` naming the directory when it holds no store.
    static func path(in dataDirectory: String) throws -> String {
        let path = (dataDirectory as NSString).appendingPathComponent(ServerStore.fileName)
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(dataDirectory) holds no server store (\(ServerStore.fileName))")
        }
        return path
    }
}
