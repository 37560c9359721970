import Foundation
import JSONRPC
import XCTest

/// `plan.export` and `gofast export` through the binary, judged by Garmin's FIT SDK and Python's icalendar.
final class PlanExportTests: GoFastTestCase {
    private func plannedPlan(_ client: TrainingClient) throws -> [JSONValue] {
        try client.athlete("r1")
        _ = try client.result("plan.generate", ["athleteId": "r1", "id": "p", "startDate": "2027-01-18", "preferredDays": ["tue", "thu", "sat", "sun"],
                                                "race": ["name": "Half", "date": "2027-05-16", "distanceMeters": 21097.5]])
        return try client.days("p")
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let url = temporaryDirectory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testTheCalendarHasOneStableEventPerRunningDay() throws {
        let client = try trainingServer()
        let days = try plannedPlan(client)
        let first = try client.result("plan.export", ["planId": "p", "format": "ics"])
        XCTAssertEqual(first["contentType"], "text/calendar; charset=utf-8")
        XCTAssertEqual(first["fileName"], "p.ics")
        XCTAssertEqual(first["contentBase64"], .null)
        let text = try XCTUnwrap(first["text"]?.stringValue)
        XCTAssertEqual(try client.result("plan.export", ["planId": "p", "format": "ics"])["text"]?.stringValue, text, "the same plan exports the same bytes")
        let parsed = try PythonJudge.run("Tests/ExportFormatsTests/Scripts/parse_ics.py", [write(text, "plan.ics")])
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let events = try XCTUnwrap(JSONParser.parse(Array(parsed.stdout.utf8))["events"]?.arrayValue)
        let running = days.filter { $0["plannedData"]?["type"] != "rest" && $0["plannedData"]?["type"] != "crossTraining" }
        XCTAssertEqual(events.count, running.count)
        XCTAssertEqual(Set(events.compactMap { $0["uid"]?.stringValue }), Set(running.compactMap { $0["id"]?.stringValue.map { "\($0)@gofast" } }))
        for event in events {
            let day = running.first { "\($0["id"]?.stringValue ?? "")@gofast" == event["uid"]?.stringValue }
            XCTAssertEqual(event["start"]?.stringValue, day?["date"]?.stringValue)
            XCTAssertEqual(event["summary"]?.stringValue, day?["plannedData"]?["title"]?.stringValue)
        }
        try client.finish()
    }

    func testAFITWorkoutDecodesWithGarminsSDKAndTheCommandLineWritesIt() throws {
        let client = try trainingServer()
        let days = try plannedPlan(client)
        let quality = try XCTUnwrap(days.first { ["intervals", "threshold"].contains($0["plannedData"]?["type"]?.stringValue ?? "") })
        let date = try XCTUnwrap(quality["date"]?.stringValue)
        let fit = try client.result("plan.export", ["planId": "p", "format": "fit", "date": .string(date)])
        XCTAssertEqual(fit["text"], .null)
        let bytes = try XCTUnwrap(Data(base64Encoded: fit["contentBase64"]?.stringValue ?? ""))
        let path = temporaryDirectory.appendingPathComponent("day.fit")
        try bytes.write(to: path)
        let decoded = try PythonJudge.run("Tests/ExportFormatsTests/Scripts/decode_fit_workouts.py", [path.path])
        XCTAssertEqual(decoded.status, 0, decoded.stderr)
        let file = try XCTUnwrap(JSONParser.parse(Array(decoded.stdout.utf8))["files"]?[0])
        XCTAssertEqual(file["isFIT"], true)
        XCTAssertEqual(file["integrity"], true)
        XCTAssertEqual(file["errors"]?.arrayValue?.count, 0)
        XCTAssertEqual(file["workout"]?[0]?["wkt_name"]?.stringValue, quality["plannedData"]?["title"]?.stringValue.map { String($0.prefix(file["workout"]?[0]?["wkt_name"]?.stringValue?.count ?? 0)) })
        XCTAssertGreaterThanOrEqual(file["steps"]?.arrayValue?.count ?? 0, quality["plannedData"]?["segments"]?.arrayValue?.count ?? 99)
        try client.finish()

        // The same file from the command line.
        let output = temporaryDirectory.appendingPathComponent("cli.fit").path
        let run = try run(["export", "--db", databasePath, "--plan", "p", "--format", "fit", "--date", date, "-o", output],
                          environment: ["GOFAST_NOW": "2027-01-20T12:00:00Z"])
        XCTAssertEqual(run.code, 0, run.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: output)), bytes)
        let html = try self.run(["export", "--db", databasePath, "--plan", "p", "--format", "html"], environment: ["GOFAST_NOW": "2027-01-20T12:00:00Z"])
        XCTAssertEqual(html.code, 0, html.stderr)
        XCTAssertEqual(html.stdout.components(separatedBy: "class=\"week-bar").count - 1, 17, "one bar per week")
        XCTAssertFalse(html.stdout.contains("src=\"http"), "no network")
    }

    func testBadInput() throws {
        let client = try trainingServer()
        let days = try plannedPlan(client)
        XCTAssertEqual(try client.error("plan.export", ["planId": "ghost", "format": "ics"], code: -32001)["data"]?["id"], "ghost")
        let format = try client.error("plan.export", ["planId": "p", "format": "pdf"], code: -32602)
        XCTAssertEqual(format["data"]?["field"], "format")
        XCTAssertTrue(format["data"]?["reason"]?.stringValue?.contains("fit, ics, html") == true)
        XCTAssertEqual(try client.error("plan.export", ["planId": "p", "format": "fit"], code: -32602)["data"]?["field"], "date")
        XCTAssertEqual(try client.error("plan.export", ["planId": "p", "format": "fit", "date": "2030-01-01"], code: -32602)["data"]?["field"], "date")
        let rest = try XCTUnwrap(days.first { $0["plannedData"]?["type"] == "rest" }?["date"])
        XCTAssertEqual(try client.error("plan.export", ["planId": "p", "format": "fit", "date": rest], code: -32602)["data"]?["field"], "date")
        try client.finish()
    }
}
