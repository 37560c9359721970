import GRDB
import GRDBSQLite

/// Hot-path statements with their values bound straight to SQLite.
///
/// `execute(arguments: [a, b, …])` builds an array of existentials, converts each to a `DatabaseValue` and validates
/// the count: about 10,000 instructions for a 19-column insert, as much as SQLite's own work for a small row. Here
/// each value binds itself with one SQLite call (`SQLiteParameter`) and the statement then runs through GRDB's
/// `execute()`, so transaction tracking, savepoints and error reporting are GRDB's as before.
///
/// GRDB evicts a statement that failed from its cache, so a statement from `cachedStatement(sql:)` is always
/// resettable; the values stay bound for the step only.
extension Statement {
    /// Runs the statement with `values` bound to its `?` parameters in order.
    ///
    /// Every text of the row is copied into one buffer that lives until the step is done, and bound from there
    /// (`SQLITE_STATIC`): SQLite reads it in place instead of copying each text into an allocation of its own (a
    /// `malloc` under the mutex of its memory statistics, and a `free` at the next reset). The bindings are cleared
    /// before the buffer goes, so none outlives it.
    func execute<each Value: SQLiteParameter>(binding values: repeat each Value) throws {
        var textByteCount = 0
        for value in repeat each values { textByteCount += value.textByteCount }
        try withUnsafeTemporaryAllocation(byteCount: max(textByteCount, 1), alignment: 1) { buffer in
            // Resets the statement, clears its bindings and marks its (empty) arguments as bound, so `execute()` only
            // resets it again, which keeps the bindings below.
            setUncheckedArguments(StatementArguments())
            defer { sqlite3_clear_bindings(sqliteStatement) }
            var index: CInt = 0
            var offset = 0
            for value in repeat each values {
                index += 1
                let code = value.bind(to: sqliteStatement, at: index, text: buffer, offset: &offset)
                guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "cannot bind value \(index)", sql: sql) }
            }
            precondition(index == sqlite3_bind_parameter_count(sqliteStatement), "\(index) values for \(sqlite3_bind_parameter_count(sqliteStatement)) parameters: \(sql)")
            try execute()
        }
    }
}

/// A value that binds itself to a statement parameter with one SQLite call.
protocol SQLiteParameter {
    /// The bytes the value takes in the row's text buffer: its UTF-8 for text, none otherwise.
    var textByteCount: Int { get }
    /// Binds the value to parameter `index` (1-based), a text from `text` at `offset`, where it is copied first
    /// (`offset` then moves past it); returns SQLite's result code.
    func bind(to statement: SQLiteStatement, at index: CInt, text: UnsafeMutableRawBufferPointer, offset: inout Int) -> CInt
}

extension String: SQLiteParameter {
    var textByteCount: Int { utf8.count }

    func bind(to statement: SQLiteStatement, at index: CInt, text: UnsafeMutableRawBufferPointer, offset: inout Int) -> CInt {
        var string = self
        let start = text.baseAddress! + offset
        let count = string.withUTF8 { utf8 in
            if let source = utf8.baseAddress { start.copyMemory(from: source, byteCount: utf8.count) }
            return utf8.count
        }
        offset += count
        // Not NULL even when empty: a NULL pointer would bind NULL. SQLITE_STATIC (no destructor): the buffer outlives the step.
        return sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), CInt(count), nil)
    }
}

/// Text already in UTF-8 (a column serialised by a hand-written writer), bound as text without a `String` in between.
struct UTF8Text: SQLiteParameter, Sendable {
    /// The text's bytes, valid UTF-8.
    var bytes: [UInt8]

    var textByteCount: Int { bytes.count }

    func bind(to statement: SQLiteStatement, at index: CInt, text: UnsafeMutableRawBufferPointer, offset: inout Int) -> CInt {
        let start = text.baseAddress! + offset
        bytes.withUnsafeBytes { utf8 in
            if let source = utf8.baseAddress { start.copyMemory(from: source, byteCount: utf8.count) }
        }
        offset += bytes.count
        return sqlite3_bind_text(statement, index, start.assumingMemoryBound(to: CChar.self), CInt(bytes.count), nil)
    }
}

extension Int: SQLiteParameter {
    var textByteCount: Int { 0 }

    func bind(to statement: SQLiteStatement, at index: CInt, text: UnsafeMutableRawBufferPointer, offset: inout Int) -> CInt {
        sqlite3_bind_int64(statement, index, sqlite3_int64(self))
    }
}

extension Double: SQLiteParameter {
    var textByteCount: Int { 0 }

    func bind(to statement: SQLiteStatement, at index: CInt, text: UnsafeMutableRawBufferPointer, offset: inout Int) -> CInt {
        sqlite3_bind_double(statement, index, self)
    }
}

extension Optional: SQLiteParameter where Wrapped: SQLiteParameter {
    var textByteCount: Int { self?.textByteCount ?? 0 }

    func bind(to statement: SQLiteStatement, at index: CInt, text: UnsafeMutableRawBufferPointer, offset: inout Int) -> CInt {
        switch self {
        case .some(let value): value.bind(to: statement, at: index, text: text, offset: &offset)
        case .none: sqlite3_bind_null(statement, index)
        }
    }
}
