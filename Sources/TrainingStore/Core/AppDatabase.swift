import CSQLiteConfig
import Foundation
import GRDB
import TrainingDomain

/// Owns the database: opens it, migrates it, and offers domain operations (never raw SQL to callers).
public struct AppDatabase: Sendable {
    /// The one writing connection (a `DatabaseQueue`, in WAL mode for files): private to the store, so every
    /// change goes through a domain operation in one transaction.
    let writer: any DatabaseWriter
    /// The read-only connections of reads beside the writer (``ReadConnections``); for `:memory:`, the writer.
    let reader: ReadConnections
    /// The dedicated read-only connection of reads answered on the caller's thread (``inlineRead(_:)``), opened on
    /// first use; nil for a throwaway `:memory:` database, whose one connection serves them.
    private let inlineReader: OpenedOnFirstUse<DatabaseQueue>?
    /// Checkpoints the WAL in the background, opened at the first commit (nil for `:memory:`, which has no WAL).
    private let checkpointer: OpenedOnFirstUse<WALCheckpointer>?

    /// Migrates `writer` to the current schema and wraps it.
    public init(_ writer: any DatabaseWriter) throws {
        try self.init(writer, reader: ReadConnections(sharing: writer), inlineReader: nil, checkpointer: nil)
    }

    private init(
        _ writer: any DatabaseWriter, reader: ReadConnections, inlineReader: OpenedOnFirstUse<DatabaseQueue>?,
        checkpointer: OpenedOnFirstUse<WALCheckpointer>?
    ) throws {
        self.writer = writer
        try SchemaMigrations.migrate(writer)
        // The side connections open after the migrations (on first use), so they never see an older schema.
        self.reader = reader
        self.inlineReader = inlineReader
        self.checkpointer = checkpointer
    }

    /// Runs `updates` in one write transaction, then lets the background checkpointer know: every operation
    /// writes through here. A checkpointer that cannot be opened is tried again at the next commit; meanwhile the
    /// WAL waits for it (and for `close`, which checkpoints everything).
    func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = try await writer.write { db in try StoreError.decodingStoredRows { try updates(db) } }
        (try? checkpointer?.get())?.didCommit()
        return result
    }

    /// ``write(_:)`` on the calling thread: the transaction waits for the writer's queue if another write holds it,
    /// then runs here (a cooperative thread blocks meanwhile), so a write that keeps this thread busy anyway saves
    /// the hops to GRDB's writer thread and back. The calling task's cancellation is seen inside.
    func writeOnCallingThread<T>(_ updates: (Database) throws -> T) throws -> T {
        let result = try writer.write { db in try StoreError.decodingStoredRows { try updates(db) } }
        (try? checkpointer?.get())?.didCommit()
        return result
    }

    /// Closes the database: checkpoints the WAL and releases the file. Nothing may be called afterwards.
    public func close() throws {
        // The writer closes last and always: closing the last connection checkpoints the WAL and removes it.
        var firstError: (any Error)?
        do { try checkpointer?.ifOpened?.close() } catch { firstError = error }
        do { try inlineReader?.ifOpened?.close() } catch { firstError = firstError ?? error }
        do { try reader.close() } catch { firstError = firstError ?? error }
        try writer.close()
        if let firstError { throw firstError }
    }

    /// A single-statement read on the calling thread, outside an explicit transaction (one SQLite statement is
    /// atomic by itself), on the dedicated inline connection: no pool, no task, cached statements. For single-row
    /// lookups on hot paths (the JSON-RPC connection's reader thread); callers on other threads are serialised on
    /// the one connection. It sees every committed write.
    func inlineRead<T>(_ body: (Database) throws -> T) throws -> T {
        guard let inlineReader else { return try writer.unsafeReentrantRead { db in try StoreError.decodingStoredRows { try body(db) } } }
        return try inlineReader.get().unsafeReentrantRead { db in try StoreError.decodingStoredRows { try body(db) } }
    }

    /// SQLite's process-wide settings, made once before the process's first connection opens: its memory statistics
    /// off (a global mutex on every allocation it makes; nothing here reads them).
    private static let processSettings: Void = {
        _ = gofast_sqlite3_disable_memory_statistics()
    }()

    /// Opens (creating when needed, readable by its owner only: ``FileProtection``) the database at `path`; `:memory:` is a throwaway.
    public static func open(path: String) throws -> AppDatabase {
        _ = processSettings
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
        try FileProtection.prepareFolder(of: path)
        FileProtection.protectFiles(of: path)
        var readOnly = configuration
        readOnly.readonly = true
        // One writing connection in WAL mode (a no-op once the file is in it), and read-only connections beside it
        // (ReadConnections): no DatabasePool, whose open writes a transaction to create the WAL file.
        var writing = configuration
        writing.prepareDatabase { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw DatabaseError(message: "could not turn on WAL mode at \(path)")
            }
        }
        return try AppDatabase(
            DatabaseQueue(path: path, configuration: writing),
            reader: ReadConnections(opening: { [readOnly] in try DatabaseQueue(path: path, configuration: readOnly) }),
            inlineReader: OpenedOnFirstUse { [readOnly] in try DatabaseQueue(path: path, configuration: readOnly) },
            checkpointer: OpenedOnFirstUse { [configuration] in try WALCheckpointer(path: path, configuration: configuration) }
        )
    }

    /// The migrations applied so far, by name (for tests and diagnostics).
    public func appliedMigrations() throws -> [String] {
        try reader.read { try SchemaMigrations.migrator.appliedIdentifiers($0) }.sorted()
    }
}
