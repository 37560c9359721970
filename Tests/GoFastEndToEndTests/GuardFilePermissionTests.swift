import Foundation
import JSONRPC
import XCTest

/// Issue 13: the data folder was created `0777` under `umask 000` and an existing `0644` database was left so. The
/// folder is `0700` and the database files `0600`, set whatever the umask, and tightened when found looser.
final class GuardFilePermissionTests: GoFastTestCase {
    private func mode(_ path: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        var status = stat()
        guard stat(path, &status) == 0 else {
            XCTFail("\(path) does not exist", file: file, line: line)
            return -1
        }
        return Int(status.st_mode & 0o7777)
    }

    /// Starts the server with the process umask set to `mask` (the child inherits it at spawn) and no `--db`.
    private func serverUnderUmask(_ mask: mode_t, arguments: [String] = []) throws -> TrainingClient {
        let previous = umask(mask)
        defer { umask(previous) }
        return try TrainingClient(server: launch(arguments, environment: ["GOFAST_NOW": "2027-01-20T12:00:00Z"]))
    }

    func testTheDefaultDataFolderIsOwnerOnlyUnderUmask000() throws {
        let client = try serverUnderUmask(0)
        try client.athlete("a1")  // a write: SQLite creates -wal and -shm
        let dataHome = temporaryDirectory.appendingPathComponent("data").path
        let folder = dataHome + "/gofast"
        let database = folder + "/gofast.sqlite"
        XCTAssertEqual(mode(dataHome), 0o700, "a folder we create above the data folder")
        XCTAssertEqual(mode(folder), 0o700)
        XCTAssertEqual(mode(database), 0o600)
        XCTAssertEqual(mode(database + "-wal"), 0o600)
        XCTAssertEqual(mode(database + "-shm"), 0o600)
        try client.finish()
    }

    func testALooseFolderAndDatabaseAreTightenedWhenOpened() throws {
        let first = try serverUnderUmask(0o022)
        try first.athlete("a1")
        try first.finish()
        let folder = temporaryDirectory.appendingPathComponent("data/gofast").path
        let database = folder + "/gofast.sqlite"
        XCTAssertEqual(chmod(folder, 0o777), 0)
        XCTAssertEqual(chmod(database, 0o644), 0)
        XCTAssertEqual(mode(database), 0o644)

        let second = try serverUnderUmask(0)
        XCTAssertEqual(try second.result("athlete.get", ["id": "a1"])["id"], "a1", "the data survive")
        XCTAssertEqual(mode(folder), 0o700)
        XCTAssertEqual(mode(database), 0o600)
        try second.finish()
    }

    func testAFolderThatHoldsOtherFilesKeepsItsModeButTheDatabaseIsOwnerOnly() throws {
        let shared = temporaryDirectory.appendingPathComponent("project").path
        XCTAssertEqual(mkdir(shared, 0o755), 0)
        XCTAssertEqual(chmod(shared, 0o755), 0)
        FileManager.default.createFile(atPath: shared + "/notes.txt", contents: Data("mine".utf8))
        let database = shared + "/training.sqlite"
        FileManager.default.createFile(atPath: database, contents: nil, attributes: [.posixPermissions: 0o666])
        XCTAssertEqual(chmod(database, 0o666), 0)

        let client = try serverUnderUmask(0, arguments: ["--db", database])
        try client.athlete("a1")
        XCTAssertEqual(mode(shared), 0o755, "a folder holding the user's other files is theirs to set")
        XCTAssertEqual(mode(database), 0o600)
        XCTAssertEqual(mode(database + "-wal"), 0o600)
        try client.finish()
    }
}
