import GRDB

/// Hot-path lookups through cached prepared statements: the query interface compiles a new statement
/// (SQL generation and authorisation) on every call, which dominated ingest and matching.
extension Database {
    /// One record from a cached statement.
    func cachedOne<Record: FetchableRecord>(_ type: Record.Type, _ sql: String, _ arguments: StatementArguments) throws -> Record? {
        try Record.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    /// All records from a cached statement.
    func cachedAll<Record: FetchableRecord>(_ type: Record.Type, _ sql: String, _ arguments: StatementArguments) throws -> [Record] {
        try Record.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    /// Whether a cached `SELECT 1 …` query finds a row.
    func cachedExists(_ sql: String, _ arguments: StatementArguments) throws -> Bool {
        try Bool.fetchOne(cachedStatement(sql: sql), arguments: arguments) ?? false
    }
}
