import Foundation
import GRDB
import TrainingDomain

/// Owns the database: opens it, migrates it, and offers domain operations (never raw SQL to callers).
public struct AppDatabase: Sendable {
    /// The underlying writer (a `DatabasePool` in WAL mode for files, a queue for `:memory:`): private to the
    /// store, so every change goes through a domain operation in one transaction.
    let writer: any DatabaseWriter
    /// The dedicated read-only connection of reads answered on the caller's thread (``inlineRead(_:)``), or nil
    /// for a throwaway `:memory:` database, whose one connection serves them.
    private let inlineReader: DatabaseQueue?
    /// Checkpoints the WAL in the background (nil for `:memory:`, which has none).
    private let checkpointer: WALCheckpointer?

    /// Migrates `writer` to the current schema and wraps it.
    public init(_ writer: any DatabaseWriter) throws {
        try self.init(writer, openSideConnections: nil)
    }

    private init(_ writer: any DatabaseWriter, openSideConnections: (() throws -> (DatabaseQueue, WALCheckpointer))?) throws {
        self.writer = writer
        try SchemaMigrations.migrator.migrate(writer)
        // Opened after the migrations, so they never see an older schema.
        let side = try openSideConnections?()
        self.inlineReader = side?.0
        self.checkpointer = side?.1
    }

    /// Runs `updates` in one write transaction, then lets the background checkpointer know: every operation
    /// writes through here.
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = try await writer.write(updates)
        checkpointer?.didCommit()
        return result
    }

    /// Reads go through the writer's concurrent readers.
    var reader: any DatabaseReader { writer }

    /// Closes the database: checkpoints the WAL and releases the file. Nothing may be called afterwards.
    public func close() throws {
        try checkpointer?.close()
        try inlineReader?.close()
        try writer.close()
    }

    /// A single-statement read on the calling thread, outside an explicit transaction (one SQLite statement is
    /// atomic by itself), on the dedicated inline connection: no pool, no task, cached statements. For single-row
    /// lookups on hot paths (the JSON-RPC connection's reader thread); callers on other threads are serialised on
    /// the one connection. It sees every committed write.
    func inlineRead<T>(_ body: (Database) throws -> T) throws -> T {
        guard let inlineReader else { return try writer.unsafeReentrantRead(body) }
        return try inlineReader.unsafeReentrantRead(body)
    }

    /// Opens (creating when needed, readable by its owner only: ``FileProtection``) the database at `path`; `:memory:` is a throwaway.
    public static func open(path: String) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // Checkpoints run in the background (WALCheckpointer), never on a committing request.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0")
        }
        if path == ":memory:" {
            return try AppDatabase(DatabaseQueue(configuration: configuration))
        }
        // Health data: the folder 0700 and the files 0600 from the first byte (SQLite gives -wal and -shm the
        // database's mode), and tightened when an older or copied database is found looser.
        let absolute = URL(fileURLWithPath: path).path
        try FileProtection.prepareFolder(of: absolute)
        FileProtection.protectFiles(of: absolute)
        var readOnly = configuration
        readOnly.readonly = true
        return try AppDatabase(DatabasePool(path: path, configuration: configuration), openSideConnections: {
            (try DatabaseQueue(path: path, configuration: readOnly), try WALCheckpointer(path: path, configuration: configuration))
        })
    }

    /// The migrations applied so far, by name (for tests and diagnostics).
    public func appliedMigrations() throws -> [String] {
        try reader.read { try SchemaMigrations.migrator.appliedIdentifiers($0) }.sorted()
    }
}
