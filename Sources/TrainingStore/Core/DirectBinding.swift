import GRDB
import GRDBSQLite

/// Hot-path statements with their values bound straight to SQLite.
///
/// `execute(arguments: [a, b, …])` builds an array of existentials, converts each to a `DatabaseValue` and validates
/// the count: about 10,000 instructions for a 19-column insert, as much as SQLite's own work for a small row. Here
/// each value binds itself with one SQLite call (`SQLiteParameter`) and the statement then runs through GRDB's
/// `execute()` or fetch methods, so transaction tracking, savepoints and error reporting are GRDB's as before.
///
/// GRDB evicts a statement that failed from its cache, so a statement from `cachedStatement(sql:)` is always
/// resettable; the values are copied by SQLite (`SQLITE_TRANSIENT`) and stay bound until the next call.
extension Statement {
    /// Runs the statement with `values` bound to its `?` parameters in order.
    func execute<each Value: SQLiteParameter>(binding values: repeat each Value) throws {
        try bind(repeat each values)
        try execute()
    }

    /// Binds `values` to the `?` parameters in order, for `execute()` or a fetch without arguments; the statement's
    /// GRDB `arguments` are left empty.
    func bind<each Value: SQLiteParameter>(_ values: repeat each Value) throws {
        // Resets the statement, clears its bindings and marks its (empty) arguments as bound, so `execute()` and the
        // fetch methods only reset it again, which keeps the bindings below.
        setUncheckedArguments(StatementArguments())
        var index: CInt = 0
        for value in repeat each values {
            index += 1
            let code = value.bind(to: sqliteStatement, at: index)
            guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind value \(index)", sql: sql) }
        }
        precondition(index == sqlite3_bind_parameter_count(sqliteStatement), "\(index) values for \(sqlite3_bind_parameter_count(sqliteStatement)) parameters: \(sql)")
    }
}

/// A value that binds itself to a statement parameter with one SQLite call.
protocol SQLiteParameter {
    /// Binds the value to parameter `index` (1-based); returns SQLite's result code.
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt
}

/// SQLite copies the bound bytes before the call returns.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

extension String: SQLiteParameter {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt {
        var text = self
        return text.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else {
                // An empty text: a NULL pointer would bind NULL.
                return sqlite3_bind_text(statement, index, "", 0, transient)
            }
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) { characters in
                sqlite3_bind_text(statement, index, characters, CInt(utf8.count), transient)
            }
        }
    }
}

extension Int: SQLiteParameter {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt {
        sqlite3_bind_int64(statement, index, sqlite3_int64(self))
    }
}

extension Double: SQLiteParameter {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt {
        sqlite3_bind_double(statement, index, self)
    }
}

extension Optional: SQLiteParameter where Wrapped: SQLiteParameter {
    func bind(to statement: SQLiteStatement, at index: CInt) -> CInt {
        switch self {
        case .some(let value): value.bind(to: statement, at: index)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}
