import BulletinCore
import Foundation
import SyncProtocol

/// The `--json` form of `bulletin show`: the structured issue, plus where its open conflicts are.
///
/// Without open conflicts it is exactly the structured issue (as `export --format json` prints it); with some, the
/// issue gets `open_conflicts` (a count) and `conflicts` (ids about the issue itself or a section), and each article
/// with open conflicts its `conflicts` (ids).
enum IssueJSON {
    /// The issue's JSON, marked with its open conflicts.
    static func render(_ issue: Issue, conflicts: [String?: [String]]) throws -> String {
        guard !conflicts.isEmpty else {
            return String(decoding: try BulletinJSON.encoder(pretty: true).encode(issue), as: UTF8.self) + "\n"
        }
        let data = try BulletinJSON.encoder().encode(issue)
        guard case .object(var top) = try JSONDecoder().decode(JSONValue.self, from: data) else {
            return String(decoding: data, as: UTF8.self) + "\n"
        }
        let ids = { (key: String?) in JSONValue.array((conflicts[key] ?? []).map(JSONValue.string)) }
        top["open_conflicts"] = .int(Int64(conflicts.values.reduce(0) { $0 + $1.count }))
        top["conflicts"] = ids(nil)
        if let sections = top["sections"]?.arrayValue {
            top["sections"] = .array(
                sections.map { section in
                    guard case .object(var members) = section, let articles = members["articles"]?.arrayValue else {
                        return section
                    }
                    members["articles"] = .array(
                        articles.map { article in
                            guard case .object(var fields) = article, let id = fields["id"]?.stringValue,
                                conflicts[id] != nil
                            else { return article }
                            fields["conflicts"] = ids(id)
                            return .object(fields)
                        })
                    return .object(members)
                })
        }
        let encoder = BulletinJSON.encoder(pretty: true)
        return String(decoding: try encoder.encode(JSONValue.object(top)), as: UTF8.self) + "\n"
    }
}
