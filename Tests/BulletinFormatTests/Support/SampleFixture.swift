import Foundation

/// The real bulletin of 2024-09-05. The copy under `Fixtures/` is preferred so the tests do not depend on
/// `shared/`; the shared original (`<repo root>/../shared/samples/`) is the fallback.
enum SampleFixture {
    static let fileName = "bulletin-2024-09-05.txt"

    /// `Tests/BulletinFormatTests/Fixtures/bulletin-2024-09-05.txt`.
    static var fixtureURL: URL {
        testsDirectory.appendingPathComponent("Fixtures").appendingPathComponent(fileName)
    }

    /// `<repo root>/../shared/samples/bulletin-2024-09-05.txt`.
    static var sharedURL: URL {
        testsDirectory.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/samples").appendingPathComponent(fileName)
    }

    /// Whether the shared original is present (it is on the team's machines, maybe not elsewhere).
    static var sharedExists: Bool { FileManager.default.fileExists(atPath: sharedURL.path) }

    /// The sample's text.
    static func text() throws -> String {
        let url = FileManager.default.fileExists(atPath: fixtureURL.path) ? fixtureURL : sharedURL
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// `Tests/BulletinFormatTests`.
    private static var testsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    }
}
