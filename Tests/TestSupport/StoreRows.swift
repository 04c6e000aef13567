import Foundation
import GRDB

/// Every row of every table of an SQLite file, read as plain values, to check that a migration kept them.
public struct StoreRows: Sendable {
    /// Table name → its rows, each as column name → value, in rowid (or primary key) order.
    public var tables: [String: [[String: DatabaseValue]]]

    /// Reads the file at `path` without changing it.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        tables = try queue.read { db in
            // FTS5's shadow tables are the index's own business; the index is checked by searching.
            let names = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                    AND name NOT LIKE '%_search%' AND name != 'grdb_migrations'
                    """)
            var tables: [String: [[String: DatabaseValue]]] = [:]
            for name in names {
                tables[name] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\"").map { row in
                    Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, row[$0] as DatabaseValue) })
                }
            }
            return tables
        }
    }

    /// What of `self` (read before a migration) `after` lost: for each table, the rows that do not appear in
    /// `after` with the same values in the columns `self` had (a migration may add tables and columns). Empty when
    /// every row is intact.
    public func missing(from after: StoreRows) -> [String: Int] {
        var missing: [String: Int] = [:]
        for (table, rows) in tables where !rows.isEmpty {
            let columns = Set(rows[0].keys)
            let kept = Set((after.tables[table] ?? []).map { $0.filter { columns.contains($0.key) } })
            let lost = rows.count { !kept.contains($0) }
            if lost > 0 { missing[table] = lost }
        }
        return missing
    }

    /// How many rows each table holds.
    public var counts: [String: Int] { tables.mapValues(\.count) }
}
