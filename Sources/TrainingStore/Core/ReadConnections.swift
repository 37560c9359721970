import Foundation
import GRDB

/// The read-only connections that answer reads beside the writer: each read runs on the least busy one, in a
/// transaction of its own (a snapshot of the last commit), so a read never waits for a write in progress.
///
/// A new connection opens only when every open one is busy, up to ``maximumCount``, and after the writer has
/// migrated the file. This is what GRDB's `DatabasePool` offers, without the write transaction it makes on every
/// open to create the WAL file (two `fsync`s on each start of a process that may answer a single request).
final class ReadConnections: @unchecked Sendable {
    /// The most connections open at once (reads arriving while the very first ones are still opening may open one
    /// more each); a read beyond them waits on the least busy one.
    static let maximumCount = 4

    /// One open connection and the reads running or waiting on it.
    private final class Slot {
        let connection: DatabaseQueue
        var readsInFlight = 0
        init(_ connection: DatabaseQueue) { self.connection = connection }
    }

    private let lock = NSLock()
    private var slots: [Slot] = []
    /// Connections being opened (outside the lock), counted against ``maximumCount``.
    private var opening = 0
    private var isClosed = false
    private let open: (@Sendable () throws -> DatabaseQueue)?
    /// The one connection of a throwaway database, which serves its reads itself.
    private let shared: (any DatabaseReader)?

    /// Reads through connections that `open` makes, when needed.
    init(opening open: @escaping @Sendable () throws -> DatabaseQueue) {
        self.open = open
        self.shared = nil
    }

    /// Reads through `reader` itself (a `:memory:` database has a single connection).
    init(sharing reader: any DatabaseReader) {
        self.open = nil
        self.shared = reader
    }

    /// Runs `body` in a read-only transaction, off the calling task's thread.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        if let shared { return try await shared.read { db in try StoreError.decodingStoredRows { try body(db) } } }
        let slot = try checkOut()
        defer { checkIn(slot) }
        return try await slot.connection.read { db in try StoreError.decodingStoredRows { try body(db) } }
    }

    /// Runs `body` in a read-only transaction on the calling thread.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let shared { return try shared.read { db in try StoreError.decodingStoredRows { try body(db) } } }
        let slot = try checkOut()
        defer { checkIn(slot) }
        return try slot.connection.read { db in try StoreError.decodingStoredRows { try body(db) } }
    }

    /// How many connections are open (for tests and diagnostics).
    var openedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return slots.count
    }

    /// Closes every connection (each after the read running on it); a read afterwards throws.
    func close() throws {
        lock.lock()
        isClosed = true
        let opened = slots
        slots = []
        lock.unlock()
        var firstError: (any Error)?
        for slot in opened {
            do { try slot.connection.close() } catch { firstError = firstError ?? error }
        }
        if let firstError { throw firstError }
    }

    /// The least busy connection, or a new one when every open one is busy and there is room for it. A connection
    /// opens outside the lock (it may wait for the busy timeout); if it cannot open, a busy one serves the read.
    private func checkOut() throws -> Slot {
        lock.lock()
        guard !isClosed, let open else {
            lock.unlock()
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed")
        }
        let leastBusy = slots.min { $0.readsInFlight < $1.readsInFlight }
        if let leastBusy, leastBusy.readsInFlight == 0 || slots.count + opening >= Self.maximumCount {
            leastBusy.readsInFlight += 1
            lock.unlock()
            return leastBusy
        }
        opening += 1
        lock.unlock()

        let opened = Result { try open() }
        lock.lock()
        defer { lock.unlock() }
        opening -= 1
        switch opened {
        case .success(let connection) where !isClosed:
            let slot = Slot(connection)
            slot.readsInFlight = 1
            slots.append(slot)
            return slot
        case .success(let connection):
            try? connection.close()
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed")
        case .failure(let error):
            guard !isClosed, let fallback = slots.min(by: { $0.readsInFlight < $1.readsInFlight }) else { throw error }
            fallback.readsInFlight += 1
            return fallback
        }
    }

    private func checkIn(_ slot: Slot) {
        lock.lock()
        slot.readsInFlight -= 1
        lock.unlock()
    }
}
