import Foundation
import JSONRPC
import XCTest

/// Issue 13: a full disk and a corrupt database were a bare `-32603`. They are `-32030` with `data.reason`
/// `"disk full"` or `"database corrupt"`, with no SQLite words or paths, and the server goes on serving.
final class GuardStorageFailureTests: GoFastTestCase {
    /// Runs `executable` with `arguments` to completion; its exit status.
    @discardableResult
    private func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func assertLeaksNothing(_ reply: JSONValue, database: String, file: StaticString = #filePath, line: UInt = #line) {
        let text = reply.text.lowercased()
        for secret in ["sqlite", "grdb", "swift", "malformed", database.lowercased()] {
            XCTAssertFalse(text.contains(secret), "the reply leaks \(secret): \(reply.text)", file: file, line: line)
        }
    }

    /// Mounts a 1 MiB tmpfs at a new folder `name` of the test's directory and returns its path; nil (with a
    /// failure) when mounting is refused. Mounting needs root, as the development machines and CI run.
    private func mountSmallFileSystem(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let mountPoint = temporaryDirectory.appendingPathComponent(name).path
        XCTAssertEqual(mkdir(mountPoint, 0o700), 0, file: file, line: line)
        let mounted = try run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", mountPoint])
        guard mounted == 0 else {
            XCTFail("cannot mount a tmpfs at \(mountPoint) (exit \(mounted)): this test needs root", file: file, line: line)
            return nil
        }
        return mountPoint
    }

    /// Fills what is left of the file system at `mountPoint` with a filler file, whose path it returns.
    private func fillFileSystem(at mountPoint: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let filler = mountPoint + "/filler"
        let descriptor = open(filler, O_CREAT | O_WRONLY, 0o600)
        XCTAssertGreaterThanOrEqual(descriptor, 0, file: file, line: line)
        let block = [UInt8](repeating: 0xAB, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        XCTAssertEqual(errno, ENOSPC, file: file, line: line)
        close(descriptor)
        return filler
    }

    /// A real full disk: a 1 MiB tmpfs holds the database, and a filler file takes the rest of its space. Mounting
    /// needs root, as the development machines and CI run; without it the test fails rather than pretends.
    func testAFullDiskIsReportedWithItsReasonAndNothingIsHalfWritten() throws {
        guard let mountPoint = try mountSmallFileSystem("small") else { return }
        defer { _ = try? run("/bin/umount", ["-l", mountPoint]) }
        let database = mountPoint + "/gofast.sqlite"
        let client = try trainingServer(db: database)
        try client.athlete("a1")
        _ = try client.result("race.create", ["id": "r1", "name": "Half", "date": "2027-04-25", "distanceMeters": 21097.5])

        let filler = fillFileSystem(at: mountPoint)

        // An 18-week plan needs far more pages than are left.
        let reply = try client.call("plan.generate", ["athleteId": "a1", "raceId": "r1", "startDate": "2027-01-04", "id": "p1", "daysPerWeek": 5])
        let error = try XCTUnwrap(reply["error"], reply.text)
        XCTAssertEqual(error["code"], -32030, reply.text)
        XCTAssertEqual(error["data"], ["reason": "disk full"])
        assertLeaksNothing(reply, database: database)
        XCTAssertTrue(client.server.stderrEventuallyContains("full"), "the details go to the log on stderr")

        // Space is freed: the same call now succeeds, and nothing of the failed one was left behind.
        XCTAssertEqual(unlink(filler), 0)
        XCTAssertEqual(try client.result("plan.list", ["athleteId": "a1"]), .array([]), "the failed plan left nothing")
        _ = try client.result("plan.generate", ["athleteId": "a1", "raceId": "r1", "startDate": "2027-01-04", "id": "p1", "daysPerWeek": 5])
        XCTAssertFalse(try client.days("p1").isEmpty)
        try client.finish()
    }

    /// A database damaged at rest: the pages of the `race` table are overwritten with noise between two sessions
    /// (the header and the schema stay, so the server opens it), and reading races meets the damage.
    func testACorruptDatabaseIsReportedWithItsReason() throws {
        let database = databasePath
        let first = try trainingServer(db: database)
        try first.athlete("a1")
        for index in 0..<40 {
            _ = try first.result("race.create", ["id": .string("r\(index)"), "name": .string("Race \(index) " + String(repeating: "n", count: 100)),
                                                 "date": "2027-04-25", "distanceMeters": 10000])
        }
        try first.finish()

        let script = """
            import sqlite3, sys
            path = sys.argv[1]
            c = sqlite3.connect(path)
            c.execute('PRAGMA wal_checkpoint(TRUNCATE)')
            page = c.execute('PRAGMA page_size').fetchone()[0]
            root = c.execute("SELECT rootpage FROM sqlite_master WHERE name = 'race'").fetchone()[0]
            c.close()
            with open(path, 'r+b') as f:
                f.seek((root - 1) * page)
                f.write(bytes([0xFF]) * page)
            """
        let python = try XCTUnwrap(["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)),
                                   "python3 is needed to damage the database")
        XCTAssertEqual(try run(python, ["-c", script, database]), 0, "python could not damage the database")

        let client = try trainingServer(db: database)
        let reply = try client.call("race.list")
        let error = try XCTUnwrap(reply["error"], reply.text)
        XCTAssertEqual(error["code"], -32030, reply.text)
        XCTAssertEqual(error["data"], ["reason": "database corrupt"])
        assertLeaksNothing(reply, database: database)
        XCTAssertTrue(client.server.stderrEventuallyContains("malformed"), "the details go to the log on stderr")
        // The rest of the database still answers.
        XCTAssertEqual(try client.result("athlete.get", ["id": "a1"])["id"], "a1")
        try client.finish()
    }

    /// A row whose bytes are sound but whose value is not ours (a plan day's workout rewritten by another tool:
    /// valid JSON, not a workout) was a bare `-32603`. It is "database corrupt" wherever it is read, and only where:
    /// the other days, an activity on another day and the other methods still answer.
    func testAStoredRowThatDoesNotDecodeIsReportedAsACorruptDatabase() throws {
        let database = databasePath
        let first = try trainingServer(db: database)
        try first.athlete("a1")
        _ = try first.result("plan.generate", ["athleteId": "a1", "id": "p1", "startDate": "2027-01-04", "daysPerWeek": 5,
                                               "race": ["name": "Half", "date": "2027-04-25", "distanceMeters": 21097.5]])
        try first.finish()

        let script = [
            "import sqlite3, sys",
            "c = sqlite3.connect(sys.argv[1])",
            #"c.execute("UPDATE trainingDayPlanned SET plannedData = '{\"type\":\"easy\"}' WHERE trainingPlanId = 'p1' AND date = '2027-01-20'")"#,
            "assert c.total_changes == 1",
            "c.commit()",
        ].joined(separator: "\n")
        let python = try XCTUnwrap(["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)),
                                   "python3 is needed to rewrite the database")
        XCTAssertEqual(try run(python, ["-c", script, database]), 0, "python could not rewrite the day")

        let client = try trainingServer(db: database)
        for (method, params) in [("plan.days", ["planId": "p1"]), ("plan.progress", ["planId": "p1"])] as [(String, JSONValue)] {
            let reply = try client.call(method, params)
            let error = try XCTUnwrap(reply["error"], "\(method): \(reply.text)")
            XCTAssertEqual(error["code"], -32030, "\(method): \(reply.text)")
            XCTAssertEqual(error["data"], ["reason": "database corrupt"], method)
            assertLeaksNothing(reply, database: database)
        }
        XCTAssertTrue(client.server.stderrEventuallyContains("storage failed"), "the details go to the log on stderr")
        // The other days still answer, and a sync page fails only the activity on the damaged day.
        XCTAssertEqual(try client.days("p1", from: "2027-01-21", to: "2027-01-27").count, 7)
        let results = try client.ingest("a1", [
            nativeRun("on-damaged-day", start: "2027-01-20T16:00:00Z", meters: 8000, seconds: 2700),
            nativeRun("day-before", start: "2027-01-19T16:00:00Z", meters: 8000, seconds: 2700),
        ])
        XCTAssertEqual(results[0]["error"]?["code"], -32030, results[0].text)
        XCTAssertEqual(results[0]["error"]?["data"], ["reason": "database corrupt"])
        XCTAssertEqual(results[1]["activity"]?["externalId"], "day-before", results[1].text)
        XCTAssertEqual(results[1]["error"], .null, results[1].text)
        XCTAssertEqual(results[1]["execution"]?["date"], "2027-01-19", "it is matched to its day")
        XCTAssertEqual(try client.result("athlete.get", ["id": "a1"])["id"], "a1")
        try client.finish()
    }

    /// A compact sync page is answered while it is stored (the reply written from outcomes streamed by the store):
    /// a page that then fails on a full disk must still end in one error reply, not a wait for outcomes that never
    /// come, and leave nothing of the page behind.
    func testACompactSyncPageThatMeetsAFullDiskEndsInOneError() throws {
        guard let mountPoint = try mountSmallFileSystem("small-sync") else { return }
        defer { _ = try? run("/bin/umount", ["-l", mountPoint]) }
        let database = mountPoint + "/gofast.sqlite"
        let client = try trainingServer(db: database, now: "2027-05-02T12:00:00Z")
        try client.athlete("a1")
        let filler = fillFileSystem(at: mountPoint)

        // 3,000 runs with laps need far more pages than are left.
        let lap: JSONValue = ["startTime": "2027-01-01T07:00:00Z", "elapsedSeconds": 300, "distanceMeters": 1000]
        let formatter = ISO8601DateFormatter()
        let runs: [JSONValue] = (0..<3000).map { index in
            let start = formatter.string(from: Date(timeIntervalSince1970: 1_546_326_000 + Double(index) * 86_400))
            return nativeRun("r\(index)", start: start, meters: 8000, seconds: 2700, laps: Array(repeating: lap, count: 8))
        }
        let reply = try client.call("activity.ingest", ["athleteId": "a1", "reply": "compact", "activities": .array(runs)], timeout: 60)
        let error = try XCTUnwrap(reply["error"], String(reply.text.prefix(300)))
        XCTAssertEqual(error["code"], -32030, reply.text)
        XCTAssertEqual(error["data"], ["reason": "disk full"])

        XCTAssertEqual(unlink(filler), 0)
        XCTAssertEqual(try client.result("athlete.get", ["id": "a1"])["id"], "a1", "the server goes on serving")
        let stored = try client.result("activity.ingest", ["athleteId": "a1", "reply": "compact", "activities": .array(Array(runs.prefix(3)))])
        XCTAssertEqual(stored["results"]?.arrayValue?.map { $0["created"] }, [true, true, true], "nothing of the failed page was left")
        try client.finish()
    }
}
