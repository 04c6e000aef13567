import Foundation

extension BulletinCLI {
    /// `bulletin search QUERY [--json] [--limit N]`: ranked results with snippets.
    public func search(store: String?, query: String, json: Bool, limit: Int) throws -> String {
        guard limit >= 1 else { throw CommandError.invalidArgument("--limit must be at least 1") }
        let hits = try openStore(store).search(query, limit: limit)
        if json { return try self.json(hits) }
        guard !hits.isEmpty else { return "no matches for '\(query)'\n" }
        return hits.map { hit in
            "\(hit.rank). \(hit.ref)  \(hit.title)\n    \(hit.snippet)\n"
        }.joined()
    }
}
