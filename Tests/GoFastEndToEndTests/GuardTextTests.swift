import Foundation
import JSONRPC
import XCTest

/// Issue 13: a NUL was cut silently when stored (`"x\u0000yz"` stored as `"x"`), passed time-zone validation and cut
/// an import path short. NUL is refused everywhere with `-32602` naming the field; other control characters are
/// refused where they make no sense (names, ids, time zones, paths) and kept where they do (a note's line breaks).
final class GuardTextTests: GoFastTestCase {
    func testNULIsRefusedNamingTheFieldAndNothingIsStored() throws {
        let client = try trainingServer()
        let name = try client.error("athlete.create", ["id": "a1", "name": "x\u{0}yz", "timeZone": "UTC"], code: -32602)
        XCTAssertEqual(name["data"]?["field"], "name")
        XCTAssertEqual(try client.result("athlete.list"), .array([]), "nothing was stored")
        XCTAssertEqual(try client.error("athlete.create", ["id": "a1", "name": "Ada", "timeZone": "Europe/London\u{0}x"], code: -32602)["data"]?["field"], "timeZone")
        XCTAssertEqual(try client.error("athlete.create", ["id": "a1\u{0}", "name": "Ada", "timeZone": "UTC"], code: -32602)["data"]?["field"], "id")
        XCTAssertEqual(try client.error("athlete.create", ["id": "a1", "name": "Ada", "timeZone": "UTC", "email": "a\u{0}@b.org"], code: -32602)["data"]?["field"], "email")
        try client.athlete("a1")
        // A lookup must not find `a1` through `a1\u0000…`.
        XCTAssertEqual(try client.error("athlete.get", ["id": "a1\u{0}evil"], code: -32602)["data"]?["field"], "id")
        XCTAssertEqual(try client.error("athlete.update", ["id": "a1", "name": "Bea\u{0}"], code: -32602)["data"]?["field"], "name")
        XCTAssertEqual(try client.error("race.create", ["name": "R", "date": "2027-05-01", "distanceMeters": 5000, "location": "Paris\u{0}"], code: -32602)["data"]?["field"], "location")
        XCTAssertEqual(try client.error("plan.generate", ["athleteId": "a1", "race": ["name": "Half\u{0}", "date": "2027-05-02", "distanceMeters": 21097.5]], code: -32602)["data"]?["field"], "race.name")
        XCTAssertEqual(try client.error("execution.create", ["athleteId": "a1", "date": "2027-01-10", "note": "ok\u{0}"], code: -32602)["data"]?["field"], "note")
        XCTAssertEqual(try client.result("athlete.get", ["id": "a1"])["name"], "Runner a1", "the failed update changed nothing")
        try client.finish()
    }

    func testOtherControlCharactersAreRefusedWhereTheyMakeNoSense() throws {
        let client = try trainingServer()
        for name in ["Ada\u{7}", "A\u{1B}[31mda", "Ada\u{7F}", "Ada\u{85}x", "A\nda", "A\tda"] {
            let error = try client.error("athlete.create", ["name": .string(name), "timeZone": "UTC"], code: -32602)
            XCTAssertEqual(error["data"]?["field"], "name", name.debugDescription)
            XCTAssertTrue(error["data"]?["reason"]?.stringValue?.contains("control character") == true, error.text)
        }
        XCTAssertEqual(try client.error("athlete.create", ["name": "Ada", "timeZone": "Europe/London\n"], code: -32602)["data"]?["field"], "timeZone")
        XCTAssertEqual(try client.error("athlete.create", ["name": "Ada", "timeZone": "Europe/../Europe/London"], code: -32602)["data"]?["field"], "timeZone")
        // Outer whitespace is trimmed as before; letters of any script are kept intact.
        let ada = try client.result("athlete.create", ["id": "a1", "name": "  Zoë 李 Ørsted\n", "timeZone": "Etc/GMT+5"])
        XCTAssertEqual(ada["name"], "Zoë 李 Ørsted")
        XCTAssertEqual(try client.result("athlete.get", ["id": "a1"])["name"], "Zoë 李 Ørsted", "read back equals what was stored")
        // A note may span lines; its text comes back exactly.
        let note = "Felt good.\n\tLegs heavy after 8 km.\r\nWindy."
        let execution = try client.result("execution.create", ["athleteId": "a1", "date": "2027-01-10", "distanceMeters": 8000, "note": .string(note)])
        let executionId = try XCTUnwrap(execution["id"]?.stringValue)
        XCTAssertEqual(try client.result("execution.get", ["id": .string(executionId)])["note"], .string(note))
        XCTAssertEqual(try client.error("execution.create", ["athleteId": "a1", "date": "2027-01-10", "note": "bell\u{7}"], code: -32602)["data"]?["field"], "note")
        try client.finish()
    }

    func testImportPathWithNULOrControlCharactersIsRefusedBeforeAnyFileIsOpened() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        // The part before the NUL is a real, readable activity file: it must not be imported.
        let real = try TestData.url("fit/2015-10-13-08-43-15.fit").path
        for path in [real + "\u{0}.fit", real + "\n"] {
            let error = try client.error("activity.import", ["athleteId": "a1", "path": .string(path)], code: -32602)
            XCTAssertEqual(error["data"]?["field"], "path", path.debugDescription)
        }
        XCTAssertEqual(try client.result("execution.list", ["athleteId": "a1"]), .array([]))
        try client.finish()
    }

    func testANULInOneIngestedActivityIsThatItemsError() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        let results = try client.ingest("a1", [
            nativeRun("ok-1", start: "2027-01-10T07:00:00-08:00", meters: 5000, seconds: 1500),
            nativeRun("bad\u{0}id", start: "2027-01-11T07:00:00-08:00", meters: 5000, seconds: 1500),
            ["summaryId": "g\u{1}1", "startTimeInSeconds": 1_799_000_000, "durationInSeconds": 1500, "distanceInMeters": 5000, "activityType": "RUNNING"],
            nativeRun("ok-2", start: "2027-01-12T07:00:00-08:00", meters: 5000, seconds: 1500, sport: "running\u{0}"),
        ])
        XCTAssertNil(results[0]["error"]?.objectValue, results[0].text)
        XCTAssertEqual(results[1]["error"]?["data"]?["field"], "activities[1].externalId")
        XCTAssertEqual(results[2]["error"]?["data"]?["field"], "activities[2].summaryId")
        XCTAssertEqual(results[3]["error"]?["data"]?["field"], "activities[3].sport")
        try client.finish()
    }

    func testErrorsEchoAnOffendingValueShortAndOnlyOnce() throws {
        let client = try trainingServer()
        let huge = String(repeating: "x", count: 1 << 20)
        for (method, params) in [("athlete.get", ["id": JSONValue.string(huge)]), ("race.get", ["id": .string(huge)]),
                                 ("athlete.create", ["name": "Ada", "timeZone": .string(huge)])] {
            let reply = try client.call(method, .object(params))
            XCTAssertNotNil(reply["error"], reply.text.prefix(200).description)
            XCTAssertLessThan(reply.text.utf8.count, 1000, "\(method): the reply echoes the megabyte")
        }
        let notFound = try client.error("athlete.get", ["id": .string(huge)], code: -32001)
        XCTAssertEqual(notFound["data"]?["id"], .string(String(repeating: "x", count: 64) + "…"))
        try client.finish()
    }
}
