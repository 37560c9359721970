import Foundation
import JSONRPC
import XCTest

/// Inputs a review found to crash, hang or mislead the server; each must get a precise answer and leave it serving.
final class HostileInputRegressionTests: GoFastTestCase {
    private func setUpPlan(_ client: TrainingClient) throws -> [String: JSONValue] {
        try client.athlete("a1")
        try client.athlete("a2", timeZone: "Europe/Berlin")
        _ = try client.result("race.create", ["id": "r1", "name": "Half", "date": "2027-04-25", "distanceMeters": 21097.5])
        _ = try client.result("plan.generate", ["athleteId": "a1", "raceId": "r1", "startDate": "2027-01-04", "id": "p1", "daysPerWeek": 4])
        _ = try client.result("plan.generate", ["athleteId": "a2", "raceId": "r1", "startDate": "2027-01-04", "id": "p2", "daysPerWeek": 4])
        let days = try client.days("p1")
        return Dictionary(days.map { ($0["date"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    func testXMLThatFoundationsParserCrashesOnIsRefused() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        for document in ["<gpx><?r?></gpx>", "<gpx><\u{CD}/></gpx>"] {
            var bytes = Array(document.utf8)
            if document.contains("\u{CD}") { bytes = Array("<gpx><".utf8) + [0xCD] + Array("/></gpx>".utf8) }
            let error = try client.error("activity.import", ["athleteId": "a1", "contentBase64": .string(Data(bytes).base64EncodedString()), "format": "gpx"], code: -32020)
            XCTAssertNotNil(error["data"]?["reason"]?.stringValue)
        }
        _ = try client.result("athlete.list")  // still serving
        try client.finish()
    }

    func testHugeAndTinyNumbersNeverTrap() throws {
        let client = try trainingServer()
        let days = try setUpPlan(client)
        for goal in [1e300, -1e300, 1, 26_970_000] {
            let error = try client.error("plan.generate", ["athleteId": "a1", "raceId": "r1", "goalTimeSeconds": .number(JSONNumber(text: "\(goal)"))], code: -32602)
            XCTAssertEqual(error["data"]?["field"], "goalTimeSeconds")
        }
        let recent = try client.error("plan.generate", ["athleteId": "a1", "raceId": "r1", "recentRace": ["distanceMeters": 5000, "timeSeconds": .number(JSONNumber(text: "1e300"))]], code: -32602)
        XCTAssertEqual(recent["data"]?["field"], "recentRace.timeSeconds")
        let runDay = try XCTUnwrap(days.values.sorted { ($0["date"]?.stringValue ?? "") < ($1["date"]?.stringValue ?? "") }
            .first { $0["plannedData"]?["type"]?.stringValue != "rest" })
        let date = try XCTUnwrap(runDay["date"]?.stringValue)
        let results = try client.ingest("a1", [nativeRun("tiny", start: "\(date)T07:00:00-08:00", meters: 1e-300, seconds: 100)])
        XCTAssertNil(results.first?["error"]?.objectValue, "a tiny distance is stored, not a crash: \(results)")
        _ = try client.result("execution.create", ["athleteId": "a1", "plannedDayId": runDay["id"]!, "distanceMeters": .number(JSONNumber(text: "1e-300")), "durationSeconds": 100])
        try client.finish()
    }

    func testOnlyRegularFilesAreImported() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("gofast-fifo-\(UUID().uuidString)").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        defer { unlink(fifo) }
        for path in [fifo, "/dev/zero", "/tmp"] {
            let error = try client.error("activity.import", ["athleteId": "a1", "path": .string(path)], code: -32602)
            XCTAssertEqual(error["data"]?["field"], "path", path)
        }
        try client.finish()
    }

    func testAnAthleteCannotAdoptAnotherAthletesPlan() throws {
        let client = try trainingServer()
        _ = try setUpPlan(client)
        _ = try client.error("plan.assign", ["athleteId": "a1", "planId": "p2"], code: -32002)
        XCTAssertEqual(try client.result("plan.active", ["athleteId": "a1"])["plan"]?["id"], "p1")
        try client.finish()
    }

    func testEveryIANAZoneOfTheDatabaseIsAccepted() throws {
        let client = try trainingServer()
        for zone in ["Asia/Kolkata", "Asia/Calcutta", "America/Argentina/Buenos_Aires", "Pacific/Kiritimati"] {
            _ = try client.result("athlete.create", ["name": "Z", "timeZone": .string(zone)])
        }
        for zone in ["Mars/Olympus", "../etc/passwd", "PST8PDT/x"] {
            _ = try client.error("athlete.create", ["name": "Z", "timeZone": .string(zone)], code: -32602)
        }
        try client.finish()
    }

    func testBadActivityFieldsAreRefusedWithTheirField() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        let cases: [(JSONValue, String)] = [
            (["summaryId": "", "activityType": "RUNNING", "startTimeInSeconds": 1_800_000_000, "durationInSeconds": 100], "activity.summaryId"),
            (["summaryId": "x", "activityType": "RUNNING", "startTimeInSeconds": 1_800_000_000, "durationInSeconds": 100, "movingDurationInSeconds": -5], "activity.movingDurationInSeconds"),
            (nativeRun("tz", start: "2027-01-05T07:00:00-13:00", meters: 5000, seconds: 1500), "activity.startTime"),
            (["source": "w", "externalId": "hr", "sport": "running", "startTime": "2027-01-05T07:00:00Z", "elapsedSeconds": 100, "distanceMeters": 300,
              "heartRateSamples": [["offsetSeconds": 0, "beatsPerMinute": -5]]], "activity.heartRateSamples[0].beatsPerMinute"),
            (["source": "w", "externalId": "mv", "sport": "running", "startTime": "2027-01-05T07:00:00Z", "elapsedSeconds": 100, "movingSeconds": 500,
              "distanceMeters": 300], "activity.movingSeconds"),
            (nativeRun("old", start: "0001-01-01T00:00:00Z", meters: 5000, seconds: 1500), "activity.startTime"),
        ]
        for (activity, field) in cases {
            let reply = try client.result("activity.ingest", ["athleteId": "a1", "activity": activity])
            let error = reply["results"]?[0]?["error"]
            XCTAssertEqual(error?["code"]?.intValue, -32602, "\(field): \(reply.text)")
            XCTAssertEqual(error?["data"]?["field"]?.stringValue, field)
        }
        try client.finish()
    }
}
