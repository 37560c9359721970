import Foundation
import GRDB
import TrainingDomain
import XCTest
@testable import TrainingStore

/// The store's connections on a real file: reads beside a write in progress, their bound, and an open that writes nothing.
final class ReadConnectionsTests: XCTestCase {
    var directory: URL!
    var path: String { directory.appendingPathComponent("store.sqlite").path }

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("gofast-reads-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func athlete(_ id: String) -> Athlete {
        Athlete(id: id, name: "Runner \(id)", timeZone: "UTC", createdAt: "2026-03-01T12:00:00.000000Z", updatedAt: "2026-03-01T12:00:00.000000Z")
    }

    private static func athleteCount(_ database: AppDatabase) async throws -> Int {
        try await database.reader.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM athlete") ?? -1 }
    }

    /// A read while a write transaction is open answers at once, from the last commit, and the next read sees the write.
    func testAReadDoesNotWaitForAWriteInProgress() async throws {
        let database = try AppDatabase.open(path: path)
        defer { try? database.close() }
        _ = try await database.insertAthlete(athlete("first"))
        let writing = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let second = athlete("second")
        let write = Task {
            try await database.write { db in
                try second.insert(db)
                writing.signal()
                // Bounded, so a read that waits for this write fails the test instead of hanging it.
                _ = release.wait(timeout: .now() + 10)
            }
        }
        XCTAssertEqual(writing.wait(timeout: .now() + 10), .success, "the write started")
        let began = Date()
        let countDuringTheWrite = try await Self.athleteCount(database)
        let waited = Date().timeIntervalSince(began)
        release.signal()
        try await write.value
        XCTAssertEqual(countDuringTheWrite, 1, "a read inside the write sees the last commit, not the uncommitted row")
        XCTAssertLessThan(waited, 5, "the read did not wait for the write (\(waited) s)")
        let countAfterTheWrite = try await Self.athleteCount(database)
        XCTAssertEqual(countAfterTheWrite, 2)
    }

    /// Reads run side by side on up to `maximumCount` connections, and never more are opened.
    func testReadsRunSideBySideOnABoundedSetOfConnections() async throws {
        let database = try AppDatabase.open(path: path)
        defer { try? database.close() }
        let reads = ReadConnections.maximumCount
        let inside = ManagedCounter()
        // Each read waits until `reads` reads are inside at once: only reads on distinct connections can all arrive.
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<reads {
                group.addTask {
                    try await database.reader.read { db in
                        _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM athlete")
                        inside.increment()
                        return inside.wait(untilAtLeast: reads, timeout: 10)
                    }
                }
            }
            for try await metTheOthers in group {
                XCTAssertTrue(metTheOthers, "\(reads) reads were inside at once")
            }
        }
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<(reads * 4) {
                group.addTask { try await Self.athleteCount(database) }
            }
            for try await count in group { XCTAssertEqual(count, 0) }
        }
        XCTAssertEqual(database.reader.openedCount, reads)
    }

    /// Opening a database that exists writes nothing: no transaction to create the WAL file (GRDB's `DatabasePool`
    /// made one on every open, with two `fsync`s), and its first read writes nothing either.
    func testOpeningAnExistingDatabaseWritesNothing() async throws {
        let first = try AppDatabase.open(path: path)
        _ = try await first.insertAthlete(athlete("a"))
        try first.close()
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "a clean close leaves no WAL")
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date

        let database = try AppDatabase.open(path: path)
        defer { try? database.close() }
        let count = try await Self.athleteCount(database)
        XCTAssertEqual(count, 1)
        let walSize = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(walSize, 0, "nothing was written to the WAL by opening and reading")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, modified)
        XCTAssertEqual(try database.appliedMigrations(), SchemaMigrations.migrator.migrations.sorted())
    }

    /// A new file is put in WAL mode, and stays in it.
    func testANewDatabaseIsInWALMode() async throws {
        let database = try AppDatabase.open(path: path)
        let mode = try await database.reader.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
        try database.close()
        let header = try XCTUnwrap(FileManager.default.contents(atPath: path))
        XCTAssertEqual(header[18], 2, "file format write version: WAL")
        XCTAssertEqual(header[19], 2, "file format read version: WAL")
    }

    /// Paths are split without Foundation's `NSString`.
    func testPathsAreSplitIntoFolderAndName() {
        XCTAssertEqual(FileProtection.folder(of: "/a/b/c.sqlite"), "/a/b")
        XCTAssertEqual(FileProtection.folder(of: "/c.sqlite"), "/")
        XCTAssertEqual(FileProtection.folder(of: "a/c.sqlite"), "a")
        XCTAssertEqual(FileProtection.folder(of: "c.sqlite"), "")
        XCTAssertEqual(FileProtection.name(of: "/a/b/c.sqlite"), "c.sqlite")
        XCTAssertEqual(FileProtection.name(of: "c.sqlite"), "c.sqlite")
    }

    /// `new/..` of a missing `new` names a folder that exists and is the user's: only `new`, made here, is set to 0700.
    func testAFolderReachedThroughDotDotKeepsItsMode() async throws {
        let home = directory.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        chmod(home.path, 0o755)
        FileManager.default.createFile(atPath: home.appendingPathComponent("notes.txt").path, contents: Data("mine".utf8))
        let database = try AppDatabase.open(path: home.path + "/new/../store.sqlite")
        _ = try await database.insertAthlete(athlete("a"))
        try database.close()
        func mode(_ path: String) throws -> Int { try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) }
        XCTAssertEqual(try mode(home.path), 0o755, "the user's folder keeps its mode")
        XCTAssertEqual(try mode(home.path + "/new"), 0o700, "the folder made on the way is owner-only")
        XCTAssertEqual(try mode(home.path + "/store.sqlite"), 0o600)
    }

    /// A read after `close` is refused, and opens no connection.
    func testAReadAfterCloseIsRefused() async throws {
        let database = try AppDatabase.open(path: path)
        _ = try await Self.athleteCount(database)
        try database.close()
        do {
            _ = try await Self.athleteCount(database)
            XCTFail("a read after close was answered")
        } catch let error as DatabaseError {
            XCTAssertEqual(error.resultCode, .SQLITE_MISUSE)
        }
        XCTAssertEqual(database.reader.openedCount, 0)
    }
}

/// A counter that threads wait on.
private final class ManagedCounter: @unchecked Sendable {
    private let condition = NSCondition()
    private var value = 0

    func increment() {
        condition.lock()
        value += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the counter reaches `target`; false when `timeout` seconds pass first.
    func wait(untilAtLeast target: Int, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while value < target {
            if !condition.wait(until: deadline) { return value >= target }
        }
        return true
    }
}
