import GRDB

extension LocalStore {
    /// Runs `body` in one write transaction whose commit does not wait for the disk.
    ///
    /// For pulled pages only. They, and the cursor that advances with them, are the server's data: WAL keeps such a
    /// commit atomic, and a power cut can at worst lose the last pages applied, which the next sync pulls again from
    /// the cursor it finds. Local edits exist nowhere else until pushed, and keep `synchronous = FULL` (set for
    /// every connection in ``LocalStore``); the next such commit flushes these pages too. Skipping the flush takes
    /// a disk round trip off every page of a pull and off the latency of a `--watch` editor's updates.
    func writeRecoverable<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Setting it outside a transaction cannot fail; the commit below happened or rolled back by then.
            defer { try? db.execute(sql: "PRAGMA synchronous = FULL") }
            var value: T?
            try db.inTransaction(.immediate) {
                value = try body(db)
                return .commit
            }
            guard let value else { preconditionFailure("a committed transaction ran its body") }
            return value
        }
    }
}
