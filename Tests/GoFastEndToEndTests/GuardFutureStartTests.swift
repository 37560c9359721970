import Foundation
import JSONRPC
import XCTest

/// Issue 13: an activity that starts more than a day after the server's clock is a clock error; it is refused with
/// `-32602` naming its start field (as that item's own error), so it cannot mark a future planned day as done.
final class GuardFutureStartTests: GoFastTestCase {
    func testIngestRefusesStartsMoreThanADayAheadOfTheServersClock() throws {
        // The server's clock: 2027-01-20T12:00:00Z; the limit is 2027-01-21T12:00:00Z.
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try client.athlete("a1")
        let results = try client.ingest("a1", [
            nativeRun("yesterday", start: "2027-01-19T07:00:00Z", meters: 5000, seconds: 1500),
            nativeRun("just-inside", start: "2027-01-21T12:00:00Z", meters: 5000, seconds: 1500),
            nativeRun("just-outside", start: "2027-01-21T12:00:01Z", meters: 5000, seconds: 1500),
            // The same instant as just-inside written in another offset is still inside.
            nativeRun("offset-inside", start: "2027-01-21T04:00:00-08:00", meters: 5000, seconds: 1500),
            nativeRun("next-month", start: "2027-02-20T07:00:00+01:00", meters: 5000, seconds: 1500),
            ["summaryId": "g-future", "startTimeInSeconds": 1_801_000_000, "durationInSeconds": 1500, "distanceInMeters": 5000, "activityType": "RUNNING"],
            ["summaryId": "g-past", "startTimeInSeconds": 1_799_000_000, "durationInSeconds": 1500, "distanceInMeters": 5000, "activityType": "RUNNING"],
        ])
        for index in [0, 1, 3, 6] {
            XCTAssertNil(results[index]["error"]?.objectValue, "item \(index): \(results[index].text)")
            XCTAssertEqual(results[index]["created"], true)
        }
        for (index, field) in [(2, "activities[2].startTime"), (4, "activities[4].startTime"), (5, "activities[5].startTimeInSeconds")] {
            XCTAssertEqual(results[index]["error"]?["code"], -32602, results[index].text)
            XCTAssertEqual(results[index]["error"]?["data"]?["field"], .string(field))
            XCTAssertTrue(results[index]["error"]?["data"]?["reason"]?.stringValue?.contains("future") == true, results[index].text)
        }
        // A single `activity` names its field without an index.
        let single = try client.result("activity.ingest", ["athleteId": "a1", "activity": nativeRun("one", start: "2027-03-01T07:00:00Z", meters: 5000, seconds: 1500)])
        XCTAssertEqual(single["results"]?[0]?["error"]?["data"]?["field"], "activity.startTime")
        // A refused run was not stored: sent again with a plausible start it is new.
        let again = try client.ingest("a1", [nativeRun("just-outside", start: "2027-01-20T07:00:00Z", meters: 5000, seconds: 1500)])
        XCTAssertEqual(again[0]["created"], true, again[0].text)
        try client.finish()
    }

    func testAFutureRunCannotMarkAFuturePlannedDayDone() throws {
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try client.athlete("a1", timeZone: "UTC")
        _ = try client.result("race.create", ["id": "r1", "name": "Half", "date": "2027-04-25", "distanceMeters": 21097.5])
        _ = try client.result("plan.generate", ["athleteId": "a1", "raceId": "r1", "startDate": "2027-01-18", "id": "p1", "daysPerWeek": 4])
        let future = try XCTUnwrap(client.days("p1", from: "2027-01-25").first { $0["plannedData"]?["type"]?.stringValue != "rest" })
        let date = try XCTUnwrap(future["date"]?.stringValue)
        let results = try client.ingest("a1", [nativeRun("future", start: "\(date)T07:00:00Z", meters: 8000, seconds: 2600)])
        XCTAssertEqual(results[0]["error"]?["data"]?["field"], "activities[0].startTime")
        XCTAssertEqual(try client.result("execution.list", ["athleteId": "a1", "from": .string(date), "to": .string(date)]), .array([]))
        try client.finish()
    }

    func testImportRefusesAFileThatStartsMoreThanADayAhead() throws {
        // The FIT file's session starts at 2015-10-13T15:43:15Z (Tests/Fixtures/testdata/fit/reference.json).
        let file = try TestData.url("fit/2015-10-13-08-43-15.fit").path
        let early = try trainingServer(db: temporaryDirectory.appendingPathComponent("early.sqlite").path, now: "2015-10-12T15:43:14Z")
        try early.athlete("a1")
        let refused = try early.result("activity.import", ["athleteId": "a1", "path": .string(file)])
        XCTAssertEqual(refused["results"]?[0]?["error"]?["code"], -32602, refused.text)
        XCTAssertEqual(refused["results"]?[0]?["error"]?["data"]?["field"], "startTime")
        try early.finish()

        let inTime = try trainingServer(db: temporaryDirectory.appendingPathComponent("late.sqlite").path, now: "2015-10-12T15:43:15Z")
        try inTime.athlete("a1")
        let accepted = try inTime.result("activity.import", ["athleteId": "a1", "path": .string(file)])
        XCTAssertNil(accepted["results"]?[0]?["error"]?.objectValue, accepted.text)
        XCTAssertEqual(accepted["results"]?[0]?["activity"]?["startTime"]?.stringValue?.hasPrefix("2015-10-13"), true, accepted.text)
        try inTime.finish()
    }
}
