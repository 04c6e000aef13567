import GRDB
import Testing

@testable import BulletinCore

/// ``DirectStatement`` binds through SQLite's C API what GRDB's arguments bound: the same values come back, and an
/// error is a GRDB `DatabaseError` that leaves the transaction usable.
@Suite struct DirectStatementTests {
    private static func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a TEXT UNIQUE, b TEXT, c INTEGER, d INTEGER, e TEXT NOT NULL, f REAL)")
        }
        return queue
    }

    private static let insert = "INSERT INTO t (a, b, c, d, e, f) VALUES (?, ?, ?, ?, ?, ?)"

    @Test func theValuesBoundAreTheValuesStored() throws {
        let queue = try Self.table()
        let texts = ["Điểm báo – Cải cách hành chính", "", "a/b", String(repeating: "ư", count: 5_000)]
        try queue.write { db in
            for (index, text) in texts.enumerated() {
                try DirectStatement.run(Self.insert, in: db) { values in
                    values.text(text)
                    values.text(index.isMultiple(of: 2) ? nil : text)
                    values.integer(index == 1 ? nil : (Int64(index) - 1) << 40)
                    values.bool(index == 3)
                    values.text("e\(index)")
                    values.real(Double(index) - 1.25)
                }
            }
        }
        let rows = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT a, b, c, d, e, typeof(b), f, typeof(f) FROM t ORDER BY rowid")
        }
        #expect(rows.map { $0[0] as String } == texts)
        #expect(
            rows.map { $0[1] as String? } == texts.enumerated().map { $0.offset.isMultiple(of: 2) ? nil : $0.element })
        #expect(rows.map { $0[2] as Int64? } == [-(1 << 40), nil, 1 << 40, 2 << 40])
        #expect(rows.map { $0[3] as Bool } == [false, false, false, true])
        #expect(rows.map { $0[5] as String } == ["null", "text", "null", "text"])
        #expect(rows.map { $0[6] as Double } == [-1.25, -0.25, 0.75, 1.75])
        #expect(rows.map { $0[7] as String } == ["real", "real", "real", "real"])
    }

    @Test func aViolatedConstraintThrowsAndTheTransactionGoesOn() throws {
        let queue = try Self.table()
        try queue.write { db in
            let row = { (values: inout DirectStatement) in
                values.text("same")
                values.text(nil)
                values.integer(1)
                values.bool(false)
                values.text("e")
                values.real(0)
            }
            try DirectStatement.run(Self.insert, in: db, row)
            #expect {
                try DirectStatement.run(Self.insert, in: db, row)
            } throws: { error in
                (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
            }
            // The statement is usable again, and the first row is still there.
            try DirectStatement.run(Self.insert, in: db) { values in
                values.text("other")
                values.text(nil)
                values.integer(2)
                values.bool(true)
                values.text("e")
                values.real(0)
            }
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") == 2)
        }
    }
}
