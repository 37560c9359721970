import Foundation
import JSONRPC
import XCTest

/// The README's first command, `gofast demo`: a real session dated from today, live whatever day it is run.
final class QuickstartTests: GoFastTestCase {
    /// Runs the demo and returns its replies by id (the transcript's "←" lines).
    private func demo(now: String?, db: String) throws -> [Int: JSONValue] {
        var environment: [String: String?] = [:]
        environment["GOFAST_NOW"] = now
        let outcome = try run(["demo", "--db", db], environment: environment)
        XCTAssertEqual(outcome.code, 0, outcome.stderr)
        var replies: [Int: JSONValue] = [:]
        for line in outcome.stdout.split(separator: "\n") where line.hasPrefix("← ") {
            let reply = try JSONParser.parse(Array(line.dropFirst(2).utf8))
            if let id = reply["id"]?.intValue { replies[id] = reply }
        }
        XCTAssertEqual(replies.keys.sorted(), Array(1...8), "every request of the session is answered")
        return replies
    }

    /// Today in Los Angeles at `instant` (the runner's zone).
    private func losAngelesDate(_ instant: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "America/Los_Angeles")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    private func assertLive(_ replies: [Int: JSONValue], today: String, file: StaticString = #filePath, line: UInt = #line) {
        let active = replies[5]?["result"]
        XCTAssertEqual(active?["todayDate"]?.stringValue, today, file: file, line: line)
        XCTAssertEqual(active?["today"]?["date"]?.stringValue, today, "today's workout is in the plan", file: file, line: line)
        let runs = replies[6]?["result"]?["results"]?.arrayValue ?? []
        XCTAssertEqual(runs.count, 2, file: file, line: line)
        for run in runs {
            XCTAssertNotEqual(run["execution"], .null, "each run is matched to a recent planned day: \(run["unmatchedReason"] ?? .null)", file: file, line: line)
            let date = run["activity"]?["localDate"]?.stringValue ?? ""
            XCTAssertLessThan(date, today, file: file, line: line)
            XCTAssertEqual(run["execution"]?["plannedData"]?["type"].map { $0 != "rest" }, true, "run on a training day", file: file, line: line)
        }
        let weeks = replies[7]?["result"]?["weeks"]?.arrayValue ?? []
        XCTAssertEqual(weeks.count, 17, file: file, line: line)
        let executed = weeks.compactMap { $0["executedDistanceMeters"]?.doubleValue }.reduce(0, +)
        XCTAssertEqual(executed, 7050 + 9800, accuracy: 1, "both runs count in the progress", file: file, line: line)
        for id in 1...8 { XCTAssertNil(replies[id]?["error"], "request \(id): \(replies[id]?.text ?? "")", file: file, line: line) }
    }

    func testTheDemoIsLiveTodayAndMonthsAhead() throws {
        assertLive(try demo(now: nil, db: databasePath), today: losAngelesDate(Date()))
        for (index, now) in ["2027-08-15T19:00:00Z", "2028-02-29T07:30:00Z", "2031-06-02T03:00:00Z"].enumerated() {
            let instant = ISO8601DateFormatter().date(from: now)!
            let db = temporaryDirectory.appendingPathComponent("months-ahead-\(index).sqlite").path
            assertLive(try demo(now: now, db: db), today: losAngelesDate(instant))
        }
    }

    func testRunningTheDemoTwiceTheSameWeekConflictsOnlyOnThePlan() throws {
        _ = try demo(now: "2027-08-11T19:00:00Z", db: databasePath)
        let again = try demo(now: "2027-08-12T19:00:00Z", db: databasePath)
        XCTAssertEqual(again[4]?.errorCode, -32002, "the plan of this week already exists")
        for id in [1, 2, 3, 5, 6, 7, 8] { XCTAssertNil(again[id]?["error"], "request \(id): \(again[id]?.text ?? "")") }
        XCTAssertEqual(again[5]?["result"]?["todayDate"], "2027-08-12")
    }

    func testThePrintedSessionPipesIntoTheServer() throws {
        let printed = try run(["demo", "--print-session"], environment: ["GOFAST_NOW": "2027-03-03T20:00:00Z"])
        XCTAssertEqual(printed.code, 0, printed.stderr)
        let lines = printed.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 10)
        let server = try launch(["--db", databasePath], environment: ["GOFAST_NOW": "2027-03-03T20:00:00Z"])
        for line in lines { server.write(line + "\n") }
        server.closeStdin()
        XCTAssertEqual(try server.waitForExit(), 0, "exit after shutdown")
        let replies = String(decoding: server.allStdout, as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(replies.count, 8)
        for reply in replies { XCTAssertNil(try JSONParser.parse(Array(reply.utf8))["error"], String(reply)) }
    }

    func testARaceInThePastIsRefused() throws {
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try client.athlete("a1")
        let error = try client.error("plan.generate", ["athleteId": "a1", "race": ["name": "Gone", "date": "2027-01-10", "distanceMeters": 10000]], code: -32602)
        XCTAssertEqual(error["data"]?["field"], "race.date")
        XCTAssertEqual(try client.planCount("a1"), 0)
        // Race day itself is still a plan (sharpen and race).
        _ = try client.result("race.create", ["id": "today", "name": "Today", "date": "2027-01-20", "distanceMeters": 5000])
        let reply = try client.call("plan.generate", ["athleteId": "a1", "raceId": "today", "startDate": "2027-01-18"])
        XCTAssertNotEqual(reply["error"]?["data"]?["reason"]?.stringValue?.contains("in the past"), true, reply.text)
        try client.finish()
    }
}
