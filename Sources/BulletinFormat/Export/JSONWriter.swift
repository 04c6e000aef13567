import BulletinCore

/// The `bulletin show --json` shape: `BulletinJSON.encoder(pretty: true)` applied to the `Issue`.
enum JSONWriter {
    /// Pretty, sorted, snake_case JSON of `issue` and a final newline.
    static func write(_ issue: Issue) -> String {
        // Encoding an `Issue` cannot fail: it holds only strings, integers, booleans, arrays and optionals.
        // Should a future field make it fail, an empty object is printed rather than a crash.
        guard let data = try? BulletinJSON.encoder(pretty: true).encode(issue) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
