import Foundation
import JSONRPC
import XCTest

/// Matching activities to planned days by their local date, the unmatched reasons, rest days, doubles,
/// manual link/unlink/create, analysis, and snapshots surviving `plan.regenerate`.
final class TimeZoneMatchingTests: GoFastTestCase {
    /// Creates an athlete and a 10K plan from `start` to `race`; returns the plan id and its days by date.
    private func plan(_ client: TrainingClient, athlete: String, zone: String, start: String = "2027-01-11", race: String = "2027-04-18",
                      fiveK: Int? = 1500, goal: Int? = nil) throws -> (id: String, days: [String: JSONValue]) {
        try client.athlete(athlete, timeZone: zone, fiveK: fiveK)
        var params: [String: JSONValue] = [
            "athleteId": .string(athlete), "startDate": .string(start), "race": ["name": "10K", "date": .string(race), "distanceMeters": 10000],
        ]
        if let goal { params["goalTimeSeconds"] = .number(JSONNumber(goal)) }
        let generated = try client.result("plan.generate", .object(params))
        let id = try XCTUnwrap(generated["plan"]?["id"]?.stringValue)
        let days = try client.days(id)
        return (id, Dictionary(days.map { ($0["date"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first }))
    }

    private func isRunDay(_ day: JSONValue?) -> Bool {
        !["rest", "crossTraining"].contains(day?["plannedData"]?["type"]?.stringValue ?? "rest")
    }

    // MARK: - Local dates

    func testOwnShapeOffsetsFromMinusTenToPlusFourteenLandOnTheirLocalDates() throws {
        // The runs are in February: the clock is after them (a start more than a day ahead is refused).
        let client = try trainingServer(now: "2027-02-25T00:00:00Z")
        let plan = try plan(client, athlete: "ath_world", zone: "Europe/London")
        let offsets = ["-10:00", "-09:30", "-08:00", "-03:30", "+00:00", "+05:30", "+05:45", "+09:00", "+12:45", "+14:00"]
        var activities: [JSONValue] = []
        var expected: [(date: String, utcDate: String)] = []
        for (index, offset) in offsets.enumerated() {
            let evening = Dates.add("2027-02-01", 2 * index)
            let morning = Dates.add(evening, 1)
            for (date, time) in [(evening, "23:30:00"), (morning, "00:30:00")] {
                let start = "\(date)T\(time)\(offset)"
                activities.append(nativeRun("tz-\(start)", start: start, meters: 6000, seconds: 2100))
                let epoch = try XCTUnwrap(Dates.epoch(start), start)
                expected.append((date, Dates.local(epochSeconds: epoch, offsetSeconds: 0)))
            }
        }
        XCTAssertGreaterThanOrEqual(expected.filter { $0.date != $0.utcDate }.count, 8, "most of these runs have another UTC date")
        let results = try client.ingest("ath_world", activities)
        for ((date, utcDate), (result, activity)) in zip(expected, zip(results, activities)) {
            let start = activity["startTime"]?.stringValue ?? ""
            XCTAssertEqual(result["activity"]?["localDate"]?.stringValue, date, "\(start) (UTC date \(utcDate))")
            XCTAssertEqual(result["activity"]?["startEpochSeconds"]?.doubleValue, Dates.epoch(start), start)
            let execution = try XCTUnwrap(result["execution"], start)
            XCTAssertEqual(execution["date"]?.stringValue, date, "\(start) is executed on its local date")
            XCTAssertEqual(execution["plannedDayId"], plan.days[date]?["id"], "\(start) matched to the planned day of \(date)")
        }
        let noOffset = try client.result("activity.ingest", ["athleteId": "ath_world", "activity": nativeRun("no-offset", start: "2027-02-01T10:00:00", meters: 5000, seconds: 1800)])
        let itemError = noOffset["results"]?[0]?["error"]
        XCTAssertEqual(itemError?["code"]?.intValue, -32602, "an RFC 3339 time needs its offset: \(noOffset.text)")
        XCTAssertEqual(itemError?["data"]?["field"], "activity.startTime")
        XCTAssertEqual(noOffset["results"]?[0]?["activity"] ?? .null, .null, "nothing stored")
        try client.finish()
    }

    /// `relative` with every RFC 3339 UTC timestamp moved so that `from` becomes `to`.
    private func shifted(_ relative: String, from: String, to: String) throws -> String {
        let text = String(decoding: try TestData.bytes(relative), as: UTF8.self)
        let delta = try XCTUnwrap(Dates.epoch(to)) - XCTUnwrap(Dates.epoch(from))
        let pattern = try NSRegularExpression(pattern: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z"#)
        let formatter = ISO8601DateFormatter()
        var result = ""
        var last = text.startIndex
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let range = Range(match.range, in: text)!
            let moved = Date(timeIntervalSince1970: (Dates.epoch(String(text[range])) ?? 0) + delta)
            result += text[last..<range.lowerBound] + formatter.string(from: moved)
            last = range.upperBound
        }
        return result + text[last...]
    }

    func testFilesWithoutAnOffsetUseTheAthletesZoneAcrossDaylightSaving() throws {
        let client = try trainingServer(now: "2027-03-20T00:00:00Z")
        // Daylight saving starts in New York on Sunday 2027-03-14 at 02:00 (UTC−5 → UTC−4).
        let plan = try plan(client, athlete: "ath_ny", zone: "America/New_York", start: "2027-03-01", race: "2027-05-02")
        let tcxStart = try XCTUnwrap(TestData.json("tcx/reference.json")["test.tcx"]?["startTime"]?.stringValue)
        let gpxStart = try XCTUnwrap(TestData.json("gpx/reference.json")["korita-zbevnica.gpx"]?["startTime"]?.stringValue)
        let cases: [(relative: String, reference: String, start: String, localDate: String, why: String)] = [
            ("tcx/test.tcx", tcxStart, "2027-03-15T03:30:00Z", "2027-03-14", "23:30 EDT on the first DST day; the UTC date is the 15th"),
            ("tcx/test.tcx", tcxStart, "2027-03-15T04:30:00Z", "2027-03-15", "00:30 EDT; with standard time it would still be the 14th"),
            ("tcx/test.tcx", tcxStart, "2027-03-07T04:30:00Z", "2027-03-06", "23:30 EST, a week before DST"),
            ("gpx/korita-zbevnica.gpx", gpxStart, "2027-03-16T03:45:00Z", "2027-03-15", "23:45 EDT; a GPX has no offset either"),
        ]
        for testCase in cases {
            let content = try shifted(testCase.relative, from: testCase.reference, to: testCase.start)
            let reply = try client.result("activity.import", ["athleteId": "ath_ny", "contentBase64": .string(Data(content.utf8).base64EncodedString())])
            let result = try XCTUnwrap(reply["results"]?[0], reply.text)
            let activity = try XCTUnwrap(result["activity"], result.text)
            let epoch = try XCTUnwrap(Dates.epoch(testCase.start))
            XCTAssertEqual(activity["startEpochSeconds"]?.doubleValue, epoch, "\(testCase.relative) moved to \(testCase.start)")
            XCTAssertEqual(activity["utcOffsetSeconds"] ?? .null, .null, "\(testCase.relative) has no offset of its own")
            XCTAssertEqual(Dates.local(epochSeconds: epoch, zone: "America/New_York"), testCase.localDate, "the test's own arithmetic")
            XCTAssertEqual(activity["localDate"]?.stringValue, testCase.localDate, "\(testCase.relative) at \(testCase.start): \(testCase.why)")
            XCTAssertEqual(Dates.epoch(activity["startTime"]?.stringValue ?? ""), epoch, "startTime is the same instant")
            if activity["sport"] == "running" {
                XCTAssertEqual(result["execution"]?["date"]?.stringValue, testCase.localDate, "executed on the New York date")
                XCTAssertEqual(result["execution"]?["plannedDayId"], plan.days[testCase.localDate]?["id"])
            } else {
                XCTAssertTrue(result["unmatchedReason"]?.stringValue?.contains("not running") ?? false, result.text.prefix(300).description)
            }
        }
        try client.finish()
    }

    // MARK: - Unmatched

    func testUnmatchedReasonsAndMatchingLater() throws {
        // Three sessions on one database, each with its clock after the runs it stores (a start more than a day
        // ahead is refused) and before the races it plans for.
        var client = try trainingServer(now: "2027-02-15T12:00:00Z")
        try client.athlete("ath_unmatched", timeZone: "UTC")
        let early = nativeRun("r-early", start: "2027-02-10T07:00:00Z", meters: 5000, seconds: 1800)
        let none = try client.ingest("ath_unmatched", [early])[0]
        XCTAssertEqual(none["execution"] ?? .null, .null)
        XCTAssertTrue(none["unmatchedReason"]?.stringValue?.contains("no active plan") ?? false, none.text)
        let activityId = try XCTUnwrap(none["activity"]?["id"])

        let generated = try client.result("plan.generate", [
            "athleteId": "ath_unmatched", "startDate": "2027-03-01", "race": ["name": "10K", "date": "2027-05-02", "distanceMeters": 10000],
        ])
        XCTAssertEqual(generated["plan"]?["status"], "active")
        try client.finish()
        client = try trainingServer(now: "2027-05-02T12:00:00Z")
        let results = try client.ingest("ath_unmatched", [
            nativeRun("r-before", start: "2027-02-28T23:59:00Z", meters: 5000, seconds: 1800),
            nativeRun("r-after", start: "2027-05-03T00:00:00Z", meters: 5000, seconds: 1800),
            nativeRun("r-swim", start: "2027-03-02T07:00:00Z", meters: 1500, seconds: 1800, sport: "swimming"),
        ])
        let before = results[0]["unmatchedReason"]?.stringValue ?? ""
        XCTAssertTrue(before.contains("before the plan") && before.contains("2027-03-01"), before)
        let after = results[1]["unmatchedReason"]?.stringValue ?? ""
        XCTAssertTrue(after.contains("after the plan") && after.contains("2027-05-02"), after)
        XCTAssertTrue(results[2]["unmatchedReason"]?.stringValue?.contains("not running") ?? false, results[2].text)
        for result in results { XCTAssertEqual(result["execution"] ?? .null, .null) }
        XCTAssertEqual(try client.result("execution.list", ["athleteId": "ath_unmatched"]), .array([]))
        try client.finish()

        // A plan that covers the early run: activity.match now finds its day.
        client = try trainingServer(now: "2027-02-16T12:00:00Z")
        let covering = try client.result("plan.generate", [
            "athleteId": "ath_unmatched", "startDate": "2027-02-08", "race": ["name": "10K", "date": "2027-04-18", "distanceMeters": 10000],
        ])
        let day = try client.days(covering["plan"]?["id"]?.stringValue ?? "", from: "2027-02-10", to: "2027-02-10")
        let matched = try client.result("activity.match", ["activityId": activityId])
        XCTAssertEqual(matched["execution"]?["plannedDayId"], day.first?["id"])
        XCTAssertEqual(matched["unmatchedReason"] ?? .null, .null)
        XCTAssertEqual(try client.error("activity.match", ["activityId": "act_ghost"], code: -32001)["data"]?["id"], "act_ghost")
        try client.finish()
    }

    // MARK: - Rest days and doubles

    func testARunOnARestDayIsExecutedWithTheRestSnapshotAndUnplanned() throws {
        let client = try trainingServer()
        let plan = try plan(client, athlete: "ath_rest", zone: "UTC")
        let restDate = try XCTUnwrap(plan.days.keys.sorted().first { !isRunDay(plan.days[$0]) })
        let result = try client.ingest("ath_rest", [nativeRun("rest-run", start: "\(restDate)T08:00:00Z", meters: 8000, seconds: 2800)])[0]
        let execution = try XCTUnwrap(result["execution"], result.text)
        XCTAssertEqual(execution["plannedDayId"], plan.days[restDate]?["id"])
        XCTAssertEqual(execution["plannedData"], plan.days[restDate]?["plannedData"], "the rest day's snapshot")
        XCTAssertEqual(execution["plannedData"]?["type"], "rest")
        XCTAssertEqual(execution["analysis"]?["verdict"], "unplanned")
        XCTAssertEqual(execution["analysis"]?["color"], "grey")
        XCTAssertEqual(execution["analysis"]?["actualDistanceMeters"]?.doubleValue, 8000)
        try client.finish()
    }

    func testTwoRunsOnOneDayThenLinkUnlinkAndMatchAgain() throws {
        let client = try trainingServer()
        let plan = try plan(client, athlete: "ath_double", zone: "Europe/Paris")
        let runDates = plan.days.keys.sorted().filter { isRunDay(plan.days[$0]) && plan.days[$0]?["plannedData"]?["type"] != "race" }
        let date = runDates[0], otherDate = runDates[1]
        let planned = try XCTUnwrap(plan.days[date]?["plannedData"]?["distanceMeters"]?.doubleValue)
        let plannedDuration = try XCTUnwrap(plan.days[date]?["plannedData"]?["durationSeconds"]?.doubleValue)
        // A separately saved 2 km warm-up first, then the session itself.
        let results = try client.ingest("ath_double", [
            nativeRun("warm-up", start: "\(date)T07:00:00+01:00", meters: 2000, seconds: 720),
            nativeRun("session", start: "\(date)T07:15:00+01:00", meters: planned, seconds: plannedDuration),
        ])
        let warmUpActivity = try XCTUnwrap(results[0]["activity"]?["id"]), sessionActivity = try XCTUnwrap(results[1]["activity"]?["id"])
        func executions(on day: String) throws -> [JSONValue] {
            try client.result("execution.list", ["athleteId": "ath_double", "from": .string(day), "to": .string(day)]).arrayValue ?? []
        }
        var both = try executions(on: date)
        XCTAssertEqual(both.count, 2, "both runs are executions of the day")
        let warmUp = try XCTUnwrap(both.first { $0["activityId"] == warmUpActivity })
        let session = try XCTUnwrap(both.first { $0["activityId"] == sessionActivity })
        for execution in both { XCTAssertEqual(execution["plannedDayId"], plan.days[date]?["id"]) }
        XCTAssertEqual(warmUp["analysis"]?["verdict"], "unplanned", "the warm-up is an extra run: \(warmUp["analysis"]?.text ?? "")")
        XCTAssertEqual(warmUp["analysis"]?["color"], "grey")
        XCTAssertNotEqual(session["analysis"]?["verdict"], "unplanned", "the run closest to the plan carries the analysis")
        XCTAssertEqual(session["analysis"]?["actualDistanceMeters"]?.doubleValue ?? .nan, planned + 2000, accuracy: 0.5, "with the day's total volume")
        XCTAssertEqual(session["analysis"]?["distanceRatio"]?.doubleValue ?? .nan, (planned + 2000) / planned, accuracy: 0.001)

        // Link the warm-up to another planned day: the match is replaced, and the session is alone again.
        let linked = try client.result("activity.link", ["activityId": warmUpActivity, "plannedDayId": plan.days[otherDate]?["id"] ?? .null])
        let moved = try XCTUnwrap(linked["execution"])
        XCTAssertEqual(moved["plannedDayId"], plan.days[otherDate]?["id"])
        XCTAssertEqual(moved["date"]?.stringValue, otherDate)
        XCTAssertEqual(moved["plannedData"], plan.days[otherDate]?["plannedData"], "hydrated from the new day")
        XCTAssertNotEqual(moved["analysis"]?["verdict"], "unplanned", "now the only run of its day")
        both = try executions(on: date)
        XCTAssertEqual(both.map { $0["activityId"] }, [sessionActivity], "the old match is gone")
        XCTAssertEqual(both.first?["analysis"]?["actualDistanceMeters"]?.doubleValue ?? .nan, planned, accuracy: 0.5, "re-analysed alone")
        XCTAssertEqual(both.first?["analysis"]?["verdict"], "completed")
        XCTAssertEqual(try executions(on: otherDate).map { $0["activityId"] }, [warmUpActivity])

        // Unlink the session: its execution goes, the activity stays; unlinking again removes nothing.
        let sessionExecution = try XCTUnwrap(both.first?["id"])
        let unlinked = try client.result("activity.unlink", ["activityId": sessionActivity])
        XCTAssertEqual(unlinked["removedExecutionId"], sessionExecution)
        XCTAssertEqual(try executions(on: date), [])
        XCTAssertEqual(try client.error("execution.get", ["id": sessionExecution], code: -32001)["data"]?["id"], sessionExecution)
        XCTAssertEqual(try client.result("activity.get", ["id": sessionActivity])["id"], sessionActivity, "the activity stays")
        XCTAssertEqual(try client.result("activity.unlink", ["activityId": sessionActivity])["removedExecutionId"], .null)

        // Match it again by its date.
        let rematched = try client.result("activity.match", ["activityId": sessionActivity])
        XCTAssertEqual(rematched["execution"]?["plannedDayId"], plan.days[date]?["id"])
        XCTAssertEqual(try client.error("activity.link", ["activityId": sessionActivity, "plannedDayId": "day_ghost"], code: -32001)["data"]?["id"], "day_ghost")
        XCTAssertEqual(try client.error("activity.unlink", ["activityId": "act_ghost"], code: -32001)["data"]?["id"], "act_ghost")
        try client.finish()
    }

    func testLinkingToAnotherAthletesPlanIsAConflict() throws {
        let client = try trainingServer()
        let mine = try plan(client, athlete: "ath_mine", zone: "UTC")
        _ = try plan(client, athlete: "ath_theirs", zone: "UTC")
        let theirs = try client.result("plan.active", ["athleteId": "ath_theirs"])
        let theirDay = try client.days(theirs["plan"]?["id"]?.stringValue ?? "", from: "2027-01-12", to: "2027-01-12")
        let result = try client.ingest("ath_mine", [nativeRun("mine", start: "2027-01-12T07:00:00Z", meters: 5000, seconds: 1800)])[0]
        try client.error("activity.link", ["activityId": result["activity"]?["id"] ?? .null, "plannedDayId": theirDay.first?["id"] ?? .null], code: -32002)
        XCTAssertEqual(try client.result("execution.get", ["id": result["execution"]?["id"] ?? .null])["plannedDayId"], mine.days["2027-01-12"]?["id"],
                       "the refused link left the match as it was")
        try client.error("execution.create", ["athleteId": "ath_mine", "plannedDayId": theirDay.first?["id"] ?? .null, "distanceMeters": 5000], code: -32002)
        try client.finish()
    }

    // MARK: - Manual executions and analysis

    func testManualExecutionsAndAnalyze() throws {
        let client = try trainingServer()
        let plan = try plan(client, athlete: "ath_manual", zone: "UTC")
        let date = try XCTUnwrap(plan.days.keys.sorted().first { plan.days[$0]?["plannedData"]?["type"] == "easy" })
        let day = try XCTUnwrap(plan.days[date])
        let meters = try XCTUnwrap(day["plannedData"]?["distanceMeters"]?.doubleValue)
        let seconds = try XCTUnwrap(day["plannedData"]?["durationSeconds"]?.doubleValue)

        let planned = try client.result("execution.create", [
            "athleteId": "ath_manual", "plannedDayId": day["id"] ?? .null, "distanceMeters": .double(meters), "durationSeconds": .double(seconds),
            "note": "treadmill, watch flat",
        ])
        XCTAssertEqual(planned["plannedDayId"], day["id"])
        XCTAssertEqual(planned["activityId"] ?? .null, .null)
        XCTAssertEqual(planned["date"]?.stringValue, date, "hydrated date")
        XCTAssertEqual(planned["weekIndex"], day["weekIndex"])
        XCTAssertEqual(planned["dayIndex"], day["dayIndex"])
        XCTAssertEqual(planned["plannedData"], day["plannedData"], "hydrated snapshot")
        XCTAssertEqual(planned["note"], "treadmill, watch flat")

        let analysis = try client.result("execution.analyze", ["executionId": planned["id"] ?? .null])
        XCTAssertEqual(analysis["verdict"], "completed", analysis.text)
        let score = try XCTUnwrap(analysis["complianceScore"]?.intValue)
        XCTAssertTrue((0...100).contains(score))
        XCTAssertGreaterThanOrEqual(score, 60, "the planned volume exactly")
        XCTAssertEqual(analysis["distanceRatio"]?.doubleValue ?? .nan, 1, accuracy: 0.001)
        XCTAssertEqual(analysis["durationRatio"]?.doubleValue ?? .nan, 1, accuracy: 0.001)
        XCTAssertTrue(["green", "yellow"].contains(analysis["color"]?.stringValue ?? ""), analysis.text)
        XCTAssertFalse(analysis["summary"]?.stringValue?.isEmpty ?? true)
        XCTAssertEqual(try client.result("execution.get", ["id": planned["id"] ?? .null])["analysis"], analysis, "the analysis is stored")

        let half = try client.result("execution.create", ["athleteId": "ath_manual", "plannedDayId": day["id"] ?? .null, "distanceMeters": .double(meters / 4)])
        XCTAssertEqual(half["plannedDayId"], day["id"])

        let unplanned = try client.result("execution.create", ["athleteId": "ath_manual", "date": "2027-01-13", "distanceMeters": 7000, "durationSeconds": 2400])
        XCTAssertEqual(unplanned["plannedDayId"] ?? .null, .null)
        XCTAssertEqual(unplanned["plannedData"] ?? .null, .null)
        XCTAssertEqual(unplanned["date"], "2027-01-13")
        XCTAssertEqual(unplanned["analysis"]?["verdict"], "unplanned")
        let again = try client.result("execution.analyze", ["executionId": unplanned["id"] ?? .null])
        XCTAssertEqual(again["verdict"], "unplanned")
        XCTAssertEqual(again["distanceRatio"] ?? .null, .null)
        XCTAssertEqual(again["color"], "grey")

        XCTAssertEqual(try client.error("execution.create", ["athleteId": "ath_manual", "distanceMeters": 5000], code: -32602)["data"]?["field"], "date")
        XCTAssertEqual(try client.error("execution.create", ["athleteId": "ath_manual", "plannedDayId": "day_ghost"], code: -32001)["data"]?["id"], "day_ghost")
        XCTAssertEqual(try client.error("execution.create", ["athleteId": "ath_ghost", "date": "2027-01-13"], code: -32001)["data"]?["id"], "ath_ghost")
        XCTAssertEqual(try client.error("execution.analyze", ["executionId": "exe_ghost"], code: -32001)["data"]?["id"], "exe_ghost")
        let listed = try client.result("execution.list", ["athleteId": "ath_manual"]).arrayValue ?? []
        XCTAssertEqual(Set(listed.compactMap { $0["id"] }), Set([planned["id"], half["id"], unplanned["id"]].compactMap { $0 }))
        try client.finish()
    }

    // MARK: - Snapshots

    func testRegeneratingThePlanKeepsTheExecutedSnapshot() throws {
        // No 5K time: the goal sets the paces, so a new goal changes every run day.
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        let plan = try plan(client, athlete: "ath_snapshot", zone: "UTC", fiveK: nil, goal: 3300)
        let date = try XCTUnwrap(plan.days.keys.sorted().first { $0 >= "2027-01-18" && isRunDay(plan.days[$0]) })
        let before = try XCTUnwrap(plan.days[date])
        let result = try client.ingest("ath_snapshot", [nativeRun("snap", start: "\(date)T07:00:00Z", meters: 6000, seconds: 2100)])[0]
        let executionId = try XCTUnwrap(result["execution"]?["id"], result.text)
        XCTAssertEqual(result["execution"]?["plannedData"], before["plannedData"])

        let regenerated = try client.result("plan.regenerate", ["planId": .string(plan.id), "fromDate": "2027-01-18", "goalTimeSeconds": 2900])
        XCTAssertEqual(regenerated["plan"]?["goalTimeSeconds"]?.doubleValue, 2900)
        XCTAssertEqual(regenerated["plan"]?["id"]?.stringValue, plan.id)
        XCTAssertEqual(try client.result("plan.get", ["id": .string(plan.id)])["goalTimeSeconds"]?.doubleValue, 2900, "stored")
        let after = try client.days(plan.id)
        XCTAssertEqual(after.count, plan.days.count, "the same number of days")
        let afterByDate = Dictionary(after.map { ($0["date"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let changed = try XCTUnwrap(afterByDate[date])
        XCTAssertEqual(changed["id"], before["id"], "planned rows are updated in place")
        XCTAssertNotEqual(changed["plannedData"], before["plannedData"], "the planned day follows the new goal")

        let execution = try client.result("execution.get", ["id": executionId])
        XCTAssertEqual(execution["plannedData"], before["plannedData"], "the executed day keeps the snapshot it was created with")
        XCTAssertEqual(execution["plannedDayId"], before["id"], "and its link")
        for (day, old) in plan.days where day < "2027-01-18" {
            XCTAssertEqual(afterByDate[day], old, "\(day) is before fromDate: untouched")
        }
        XCTAssertEqual(try client.error("plan.regenerate", ["planId": "plan_ghost"], code: -32001)["data"]?["id"], "plan_ghost")
        try client.finish()
    }
}
