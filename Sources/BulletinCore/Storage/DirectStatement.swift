import Foundation
import GRDB
import GRDBSQLite

/// Runs one of GRDB's cached statements with its values bound through SQLite's C API.
///
/// For the statements every pushed or pulled change runs (the log's insert, the entity row's): GRDB's arguments — an
/// array of `DatabaseValue`s made from the values, then bound through nested closures — were a quarter of the
/// server writer's time for a small change, and GRDB's record insert a fifth of a client's initial pull. The statement must be one only this type runs (its SQL unique to its caller), since GRDB does
/// not know what is bound to it.
public struct DirectStatement {
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
    public static func run(_ sql: String, in db: Database, _ bind: (inout DirectStatement) -> Void) throws {
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
    public mutating func text(_ value: String) {
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
    public mutating func text(_ value: String?) {
        guard let value else { return null() }
        text(value)
    }

    /// Binds the next parameter to an integer, or NULL.
    public mutating func integer(_ value: Int64?) {
        guard let value else { return null() }
        index += 1
        _ = sqlite3_bind_int64(handle, index, value)
    }

    /// Binds the next parameter to a boolean (0 or 1, as GRDB stores them).
    public mutating func bool(_ value: Bool) {
        integer(value ? 1 : 0)
    }

    /// Binds the next parameter to a value as GRDB holds it.
    public mutating func value(_ value: DatabaseValue) {
        switch value.storage {
        case .null: null()
        case .int64(let integer): self.integer(integer)
        case .double(let double): real(double)
        case .string(let string): text(string)
        case .blob(let data):
            index += 1
            _ = data.withUnsafeBytes { bytes in
                // An empty blob has no address, and a null one would bind NULL.
                guard let start = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_zeroblob(handle, index, 0)
                }
                return sqlite3_bind_blob(handle, index, start, CInt(bytes.count), Self.transient)
            }
        }
    }

    /// Binds the next parameter to a floating-point number.
    public mutating func real(_ value: Double) {
        index += 1
        _ = sqlite3_bind_double(handle, index, value)
    }

    private mutating func null() {
        index += 1
        _ = sqlite3_bind_null(handle, index)
    }
}
