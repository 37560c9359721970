import Foundation
import JSONRPC
import XCTest

/// `activity.ingest` with `reply: "compact"` says what became of each item by id, as the full reply does; and the WAL is
/// checkpointed in the background once writes pause, never on a committing request.
final class SyncAndCheckpointTests: GoFastTestCase {
    private func garmin(_ id: String, start: Int) -> JSONValue {
        ["summaryId": .string(id), "activityType": "RUNNING", "startTimeInSeconds": .number(JSONNumber(start)), "startTimeOffsetInSeconds": -28800,
         "durationInSeconds": 3000, "distanceInMeters": 10000, "averageHeartRateInBeatsPerMinute": 150]
    }

    /// A compact reply is written while the page is stored, from outcomes that come 128 at a time: over a page of
    /// 400 items with refusals first, in runs, across batch ends and last, every item has its result in its place,
    /// the same as in the full reply.
    func testACompactReplyOfAPageWithRefusalsEverywhereKeepsEveryItemInItsPlace() throws {
        let refused: Set<Int> = [0, 1, 2, 127, 128, 129, 250, 251, 397, 398, 399]
        let page: [JSONValue] = (0..<400).map { index in
            refused.contains(index)
                ? ["summaryId": .string("broken-\(index)"), "activityType": "RUNNING", "durationInSeconds": 60]
                : garmin("run-\(index)", start: 1_700_000_000 + index * 86_400)
        }
        var replies: [String: [JSONValue]] = [:]
        for reply in ["full", "compact"] {
            let client = try GoFastClient(server: launch(["--db", temporaryDirectory.appendingPathComponent("page-\(reply).sqlite").path],
                                                         environment: ["GOFAST_NOW": "2027-01-20T12:00:00Z"]), framing: .newline)
            _ = try client.result("athlete.create", ["id": "syncer", "name": "Sync", "timeZone": "America/Los_Angeles"])
            let result = try client.result("activity.ingest", ["athleteId": "syncer", "reply": .string(reply), "activities": .array(page)])
            let items = try XCTUnwrap(result["results"]?.arrayValue)
            XCTAssertEqual(items.count, 400)
            replies[reply] = items.map { item in
                let error = item["error"]?["data"]?["field"] ?? .null
                let created = item["created"] ?? .null
                return ["created": created, "error": error]
            }
            try client.finish()
        }
        for (index, item) in (replies["compact"] ?? []).enumerated() {
            if refused.contains(index) {
                XCTAssertEqual(item["error"], .string("activities[\(index)].startTimeInSeconds"), "item \(index)")
            } else {
                XCTAssertEqual(item, ["created": true, "error": .null], "item \(index)")
            }
        }
        XCTAssertEqual(replies["compact"], replies["full"])
    }

    func testACompactReplyCarriesTheSameOutcomesAsTheFullOne() throws {
        var outcomes: [String: [JSONValue]] = [:]
        for reply in ["full", "compact"] {
            // The clock pinned after the plan's first days, so its runs are in the past.
            let client = try GoFastClient(server: launch(["--db", temporaryDirectory.appendingPathComponent("\(reply).sqlite").path],
                                                         environment: ["GOFAST_NOW": "2027-01-20T12:00:00Z"]), framing: .newline)
            _ = try client.result("athlete.create", ["id": "syncer", "name": "Sync", "timeZone": "America/Los_Angeles", "fiveKTimeSeconds": 1320])
            let plan = try client.result("plan.generate", ["athleteId": "syncer", "race": ["name": "M", "date": "2027-05-02", "distanceMeters": 42195],
                                                           "startDate": "2027-01-04"])
            XCTAssertNotNil(plan["plan"]?["id"])
            // 2027-01-05 07:00 in Los Angeles is in the plan; 2026-06-01 is before it; the third item has no start.
            let page: JSONValue = [
                garmin("in-plan", start: 1_799_247_600), garmin("before", start: 1_780_326_000),
                ["summaryId": "broken", "activityType": "RUNNING", "durationInSeconds": 60],
            ]
            let first = try client.result("activity.ingest", ["athleteId": "syncer", "reply": .string(reply), "activities": page])
            let again = try client.result("activity.ingest", ["athleteId": "syncer", "reply": .string(reply), "activities": page])
            guard case .array(let items)? = first["results"], case .array(let repeated)? = again["results"] else { return XCTFail("no results") }
            XCTAssertEqual(items.count, 3)
            func summary(_ item: JSONValue, _ index: Int) -> JSONValue {
                reply == "full"
                    ? ["activityId": item["activity"]?["id"] ?? .null, "created": item["created"] ?? .null,
                       "executionId": item["execution"]?["id"] ?? .null, "plannedDayId": item["execution"]?["plannedDayId"] ?? .null,
                       "unmatchedReason": item["unmatchedReason"] ?? .null, "error": item["error"]?["data"]?["field"] ?? .null]
                    : ["activityId": item["activityId"] ?? .null, "created": item["created"] ?? .null, "executionId": item["executionId"] ?? .null,
                       "plannedDayId": item["plannedDayId"] ?? .null, "unmatchedReason": item["unmatchedReason"] ?? .null,
                       "error": item["error"]?["data"]?["field"] ?? .null]
            }
            let summaries = items.enumerated().map { summary($1, $0) }
            XCTAssertEqual(summaries[0]["created"], true)
            XCTAssertNotEqual(summaries[0]["executionId"], .null, "\(reply): the run in the plan is matched")
            XCTAssertNotEqual(summaries[0]["plannedDayId"], .null)
            XCTAssertEqual(summaries[1]["executionId"], .null)
            XCTAssertNotEqual(summaries[1]["unmatchedReason"], .null)
            XCTAssertEqual(summaries[2]["activityId"], .null)
            XCTAssertEqual(summaries[2]["error"], "activities[2].startTimeInSeconds")
            // The same page again: nothing new, the same activities.
            let repeatedSummaries = repeated.enumerated().map { summary($1, $0) }
            XCTAssertEqual(repeatedSummaries[0]["created"], false)
            XCTAssertEqual(repeatedSummaries[0]["activityId"], summaries[0]["activityId"])
            XCTAssertEqual(repeatedSummaries[1]["activityId"], summaries[1]["activityId"])
            outcomes[reply] = summaries.map { summary in
                // Ids differ between the two databases; what became of each item must not.
                guard case .object(var members) = summary else { return summary }
                for key in ["activityId", "executionId", "plannedDayId"] { members[key] = members[key] == .null ? JSONValue.null : JSONValue.string("id") }
                return .object(members)
            }
            try client.error("activity.ingest", ["athleteId": "syncer", "reply": "brief", "activities": page], code: -32602)
        }
        XCTAssertEqual(outcomes["full"], outcomes["compact"])
    }

    func testTheWALIsCheckpointedInTheBackgroundOnceWritesPause() throws {
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return XCTFail("python3 is needed to read the database file")
        }
        let client = try connect(db: databasePath)
        for index in 0..<50 {
            _ = try client.result("athlete.create", ["id": .string("ath_\(index)"), "name": .string("Runner \(index)"), "timeZone": "UTC"])
        }
        // The main file alone (no -wal beside it) holds the rows only once they were checkpointed.
        func countInMainFile() throws -> String {
            let copy = temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString).sqlite")
            try FileManager.default.copyItem(atPath: databasePath, toPath: copy.path)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["-c", "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM athlete').fetchone()[0])", copy.path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let deadline = Date().addingTimeInterval(10)
        var count = try countInMainFile()
        while count != "50", Date() < deadline {
            usleep(50_000)
            count = try countInMainFile()
        }
        XCTAssertEqual(count, "50", "the writes were not checkpointed into the database file while the server idled")
        XCTAssertEqual(try client.result("athlete.get", ["id": "ath_49"])["name"], "Runner 49")
    }

    /// A server started on a database that exists writes nothing until asked to: answering `initialize` and a read
    /// leaves the WAL empty and the file untouched (a start used to write a transaction, with two `fsync`s).
    func testAServerStartWritesNothing() throws {
        let first = try connect(db: databasePath)
        _ = try first.result("athlete.create", ["id": "a", "name": "Runner", "timeZone": "UTC"])
        try first.finish()
        XCTAssertFalse(FileManager.default.fileExists(atPath: databasePath + "-wal"), "a clean exit leaves no WAL")
        let modified = try FileManager.default.attributesOfItem(atPath: databasePath)[.modificationDate] as? Date

        let client = try connect(db: databasePath)
        _ = try client.result("initialize", [:])
        XCTAssertEqual(try client.result("athlete.get", ["id": "a"])["name"], "Runner")
        XCTAssertEqual(try client.result("athlete.list", [:]).arrayValue?.count, 1)
        let walSize = (try? FileManager.default.attributesOfItem(atPath: databasePath + "-wal")[.size] as? Int) ?? 0
        XCTAssertEqual(walSize, 0, "the WAL holds no frame while the server has only read")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: databasePath)[.modificationDate] as? Date, modified)
        _ = try client.result("athlete.create", ["id": "b", "name": "Second", "timeZone": "UTC"])
        XCTAssertEqual(try client.result("athlete.list", [:]).arrayValue?.count, 2, "and it writes when asked to")
        try client.finish()
    }
}
