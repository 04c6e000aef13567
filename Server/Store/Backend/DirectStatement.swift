import GRDB
import GRDBSQLite

/// Runs one of GRDB's cached statements with its values bound through SQLite's C API.
///
/// For the statements every pushed change runs (the log's insert, the entity row's): GRDB's arguments — an array of
/// `DatabaseValue`s made from the values, then bound through nested closures — were a quarter of the writer's time
/// for a small change. The statement must be one only this type runs (its SQL unique to its caller), since GRDB does
/// not know what is bound to it.
struct DirectStatement {
    private let statement: Statement
    private let handle: SQLiteStatement
    private var index: CInt = 0

    /// SQLite copies what it binds: the values need not outlive the call that binds them.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private init(_ statement: Statement) {
        self.statement = statement
        self.handle = statement.sqliteStatement
    }

    /// Binds the statement's parameters, in order, with `bind` and runs it to its end.
    ///
    /// - Throws: a GRDB `DatabaseError` (e.g. a constraint violated), as GRDB's `execute` would.
    static func run(_ sql: String, in db: Database, _ bind: (inout DirectStatement) -> Void) throws {
        var direct = DirectStatement(try db.cachedStatement(sql: sql))
        sqlite3_reset(direct.handle)
        sqlite3_clear_bindings(direct.handle)
        bind(&direct)
        precondition(direct.index == sqlite3_bind_parameter_count(direct.handle), "\(sql) bound \(direct.index)")
        let code = sqlite3_step(direct.handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(direct.handle)
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(db.sqliteConnection)), message: message,
                sql: direct.statement.sql)
        }
        sqlite3_reset(direct.handle)
    }

    /// Binds the next parameter to a text.
    mutating func text(_ value: String) {
        index += 1
        var value = value
        value.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                // An empty text still needs a pointer: a null one would bind NULL.
                _ = sqlite3_bind_text(handle, index, "", 0, Self.transient)
                return
            }
            _ = UnsafeRawPointer(start).withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
                sqlite3_bind_text(handle, index, text, CInt(bytes.count), Self.transient)
            }
        }
    }

    /// Binds the next parameter to a text, or NULL.
    mutating func text(_ value: String?) {
        guard let value else { return null() }
        text(value)
    }

    /// Binds the next parameter to an integer, or NULL.
    mutating func integer(_ value: Int64?) {
        guard let value else { return null() }
        index += 1
        _ = sqlite3_bind_int64(handle, index, value)
    }

    /// Binds the next parameter to a boolean (0 or 1, as GRDB stores them).
    mutating func bool(_ value: Bool) {
        integer(value ? 1 : 0)
    }

    private mutating func null() {
        index += 1
        _ = sqlite3_bind_null(handle, index)
    }
}
