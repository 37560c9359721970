import Foundation
import GRDB

/// The read-only connections that answer reads beside the writer: each read runs on the least busy one, in a
/// transaction of its own (a snapshot of the last commit), so a read never waits for a write in progress.
///
/// They open on first use, up to ``maximumCount``, after the writer has migrated the file. This is what GRDB's
/// `DatabasePool` offers, without the write transaction it makes on every open to create the WAL file (two
/// `fsync`s on each start of a process that may answer a single request).
final class ReadConnections: @unchecked Sendable {
    /// The most connections open at once; a read beyond them waits on the least busy one.
    static let maximumCount = 4

    private let lock = NSLock()
    private var connections: [DatabaseQueue] = []
    private var readsInFlight: [Int] = []
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
        if let shared { return try await shared.read(body) }
        let (index, connection) = try checkOut()
        defer { checkIn(index) }
        return try await connection.read(body)
    }

    /// Runs `body` in a read-only transaction on the calling thread.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        if let shared { return try shared.read(body) }
        let (index, connection) = try checkOut()
        defer { checkIn(index) }
        return try connection.read(body)
    }

    /// How many connections are open (for tests and diagnostics).
    var openedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return connections.count
    }

    /// Closes every connection opened so far; nothing may be read afterwards.
    func close() throws {
        lock.lock()
        let opened = connections
        connections = []
        readsInFlight = []
        lock.unlock()
        var firstError: (any Error)?
        for connection in opened {
            do { try connection.close() } catch { firstError = firstError ?? error }
        }
        if let firstError { throw firstError }
    }

    /// The least busy connection, a new one when every open one is busy and there is room for it.
    private func checkOut() throws -> (Int, DatabaseQueue) {
        lock.lock()
        defer { lock.unlock() }
        var chosen = readsInFlight.indices.min { readsInFlight[$0] < readsInFlight[$1] }
        if chosen.map({ readsInFlight[$0] > 0 }) ?? true, connections.count < Self.maximumCount, let open {
            connections.append(try open())
            readsInFlight.append(0)
            chosen = connections.count - 1
        }
        guard let index = chosen else { throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database is closed") }
        readsInFlight[index] += 1
        return (index, connections[index])
    }

    private func checkIn(_ index: Int) {
        lock.lock()
        if readsInFlight.indices.contains(index) { readsInFlight[index] -= 1 }
        lock.unlock()
    }
}
