import Foundation

/// A fresh directory under the system temporary directory, removed by ``remove()``.
struct TemporaryDirectory: Sendable {
    /// The directory's path.
    let path: String

    /// Creates a new, empty directory.
    init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("bulletin-server-tests-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// Deletes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
