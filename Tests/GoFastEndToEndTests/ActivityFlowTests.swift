import Foundation
import JSONRPC
import XCTest

/// Activities through the binary: the Garmin push sample, real FIT/GPX/TCX files by path and by content,
/// and the whole flow from a generated plan through a week of runs to `plan.progress` and `execution.list`.
final class ActivityFlowTests: GoFastTestCase {
    /// The activities of `garmin/activities-push.json`.
    private func garminActivities() throws -> [JSONValue] {
        try XCTUnwrap(TestData.json("garmin/activities-push.json")["activities"]?.arrayValue)
    }

    // MARK: - Garmin push

    func testGarminPushIsStoredOnLocalEveningDatesAndMatched() throws {
        // Today is after the sample's runs and before the race.
        let client = try trainingServer(now: "2026-03-10T12:00:00Z")
        try client.athlete("ath_garmin", timeZone: "America/Los_Angeles")
        // A plan covering late February / early March 2026 (the sample's dates), starting Monday 2026-02-23.
        let generated = try client.result("plan.generate", [
            "athleteId": "ath_garmin", "startDate": "2026-02-23", "race": ["name": "Spring 10K", "date": "2026-05-03", "distanceMeters": 10000],
        ])
        let planId = try XCTUnwrap(generated["plan"]?["id"]?.stringValue)
        let days = try client.days(planId)
        let dayByDate = Dictionary(days.map { ($0["date"]?.stringValue ?? "", $0) }, uniquingKeysWith: { first, _ in first })

        let activities = try garminActivities()
        XCTAssertEqual(activities.count, 4)
        let results = try client.ingest("ath_garmin", activities)
        var runs = 0
        for (item, result) in zip(activities, results) {
            let summaryId = item["summaryId"]?.stringValue ?? "?"
            XCTAssertEqual(result["created"], .bool(true), summaryId)
            XCTAssertEqual(result["error"] ?? .null, .null, summaryId)
            let activity = try XCTUnwrap(result["activity"], summaryId)
            let start = try XCTUnwrap(item["startTimeInSeconds"]?.doubleValue)
            let offset = try XCTUnwrap(item["startTimeOffsetInSeconds"]?.intValue)
            let localDate = Dates.local(epochSeconds: start, offsetSeconds: offset)
            XCTAssertNotEqual(localDate, Dates.local(epochSeconds: start, offsetSeconds: 0), "\(summaryId): the sample starts in the LA evening")
            XCTAssertEqual(activity["localDate"]?.stringValue, localDate, "\(summaryId): the local (LA) date, not the UTC date")
            XCTAssertEqual(activity["startEpochSeconds"]?.doubleValue, start, summaryId)
            XCTAssertEqual(activity["utcOffsetSeconds"]?.intValue, offset, summaryId)
            XCTAssertEqual(Dates.epoch(activity["startTime"]?.stringValue ?? ""), start, "\(summaryId): startTime is the same instant")
            XCTAssertTrue(activity["startTime"]?.stringValue?.hasSuffix("-08:00") ?? false, "\(summaryId): startTime carries its own offset")
            XCTAssertEqual(activity["source"], "garmin")
            XCTAssertEqual(activity["externalId"]?.stringValue, summaryId)
            XCTAssertEqual(activity["distanceMeters"]?.doubleValue, item["distanceInMeters"]?.doubleValue, summaryId)
            XCTAssertEqual(activity["elapsedSeconds"]?.doubleValue, item["durationInSeconds"]?.doubleValue, summaryId)
            if item["activityType"] == "ROAD_BIKING" {
                XCTAssertEqual(activity["sport"], "cycling")
                XCTAssertEqual(result["execution"] ?? .null, .null, "the ride is not matched")
                let reason = result["unmatchedReason"]?.stringValue ?? ""
                XCTAssertTrue(reason.contains("not running"), "the ride's reason: \(reason)")
            } else {
                runs += 1
                XCTAssertEqual(activity["sport"], "running", "\(summaryId): \(item["activityType"]?.text ?? "")")
                let execution = try XCTUnwrap(result["execution"], "\(summaryId) is matched: \(result.text.prefix(300))")
                XCTAssertNotEqual(execution, .null, "\(summaryId) is matched: \(result["unmatchedReason"]?.text ?? "")")
                let planned = try XCTUnwrap(dayByDate[localDate], "the plan covers \(localDate)")
                XCTAssertEqual(execution["plannedDayId"], planned["id"], "\(summaryId) matched to the planned day of \(localDate)")
                XCTAssertEqual(execution["date"]?.stringValue, localDate)
                XCTAssertEqual(execution["activityId"], activity["id"])
                XCTAssertEqual(execution["plannedData"], planned["plannedData"], "hydrated with a copy of the planned workout")
                XCTAssertEqual(execution["weekIndex"], planned["weekIndex"])
                XCTAssertEqual(execution["dayIndex"], planned["dayIndex"])
                XCTAssertNotEqual(execution["analysis"] ?? .null, .null, "analysed at once")
                XCTAssertEqual(result["unmatchedReason"] ?? .null, .null)
            }
        }
        XCTAssertEqual(runs, 3)

        // The same push again: nothing new, the same records.
        let again = try client.ingest("ath_garmin", activities)
        for (first, second) in zip(results, again) {
            XCTAssertEqual(second["created"], .bool(false))
            XCTAssertEqual(second["activity"]?["id"], first["activity"]?["id"])
            XCTAssertEqual(second["execution"]?["id"] ?? .null, first["execution"]?["id"] ?? .null)
        }
        let executions = try client.result("execution.list", ["athleteId": "ath_garmin"]).arrayValue ?? []
        XCTAssertEqual(executions.count, 3, "one execution per run, none duplicated")
        try client.finish()
    }

    // MARK: - Files

    private struct FileCase {
        let relative: String
        let byPath: Bool
        let meters: Double
        let start: String
    }

    private func fileCases() throws -> [FileCase] {
        let fit = try TestData.json("fit/reference.json")["garmin-fenix-5-run.fit"]?["garminFitSdk"]?["sessions"]?[0]
        let gpx = try TestData.json("gpx/reference.json")["korita-zbevnica.gpx"]
        let tcx = try TestData.json("tcx/reference.json")["test.tcx"]
        return [
            FileCase(relative: "fit/garmin-fenix-5-run.fit", byPath: true, meters: try XCTUnwrap(fit?["total_distance"]?.doubleValue),
                     start: try XCTUnwrap(fit?["start_time"]?.stringValue)),
            FileCase(relative: "gpx/korita-zbevnica.gpx", byPath: false, meters: try XCTUnwrap(gpx?["length2dMeters"]?.doubleValue),
                     start: try XCTUnwrap(gpx?["startTime"]?.stringValue)),
            FileCase(relative: "tcx/test.tcx", byPath: true, meters: try XCTUnwrap(tcx?["distanceMeters"]?.stringValue.flatMap(Double.init)),
                     start: try XCTUnwrap(tcx?["startTime"]?.stringValue)),
        ]
    }

    private func importParams(_ athleteId: String, _ relative: String, byPath: Bool) throws -> JSONValue {
        if byPath { return ["athleteId": .string(athleteId), "path": .string(try TestData.url(relative).path)] }
        return ["athleteId": .string(athleteId), "contentBase64": .string(Data(try TestData.bytes(relative)).base64EncodedString())]
    }

    func testRealFilesImportByPathAndByContent() throws {
        let client = try trainingServer()
        try client.athlete("ath_files", timeZone: "Europe/Berlin")
        for file in try fileCases() {
            let reply = try client.result("activity.import", try importParams("ath_files", file.relative, byPath: file.byPath))
            let results = try XCTUnwrap(reply["results"]?.arrayValue, file.relative)
            XCTAssertEqual(results.count, 1, "\(file.relative): one session")
            let result = try XCTUnwrap(results.first)
            XCTAssertEqual(result["created"], .bool(true), file.relative)
            let activity = try XCTUnwrap(result["activity"], file.relative)
            let distance = try XCTUnwrap(activity["distanceMeters"]?.doubleValue, file.relative)
            XCTAssertEqual(distance, file.meters, accuracy: file.meters * 0.005, "\(file.relative): distance within 0.5 % of the reference")
            let start = try XCTUnwrap(Dates.epoch(file.start), file.start)
            XCTAssertEqual(activity["startEpochSeconds"]?.doubleValue, start, "\(file.relative): start \(file.start)")
            XCTAssertEqual(Dates.epoch(activity["startTime"]?.stringValue ?? ""), start, "\(file.relative): startTime is the same instant")
            XCTAssertEqual(activity["source"], "file")
            XCTAssertTrue(activity["externalId"]?.stringValue?.hasPrefix("sha256:") ?? false, activity.text.prefix(200).description)
            let offset = activity["utcOffsetSeconds"]?.intValue
            let expectedDate = offset.map { Dates.local(epochSeconds: start, offsetSeconds: $0) } ?? Dates.local(epochSeconds: start, zone: "Europe/Berlin")
            XCTAssertEqual(activity["localDate"]?.stringValue, expectedDate, "\(file.relative): its own offset, else the athlete's zone")
            XCTAssertEqual(result["execution"] ?? .null, .null)
            XCTAssertNotNil(result["unmatchedReason"]?.stringValue, "\(file.relative): no plan, so a reason")
            XCTAssertEqual(try client.result("activity.get", ["id": activity["id"] ?? .null]), activity, "stored as returned")

            // The same bytes the other way: the same activity.
            let again = try client.result("activity.import", try importParams("ath_files", file.relative, byPath: !file.byPath))
            XCTAssertEqual(again["results"]?[0]?["created"], .bool(false), "\(file.relative) twice")
            XCTAssertEqual(again["results"]?[0]?["activity"]?["id"], activity["id"])
        }
        XCTAssertEqual(try client.result("activity.import", try importParams("ath_files", "tcx/test.tcx", byPath: true))["results"]?[0]?["created"], .bool(false))
        try client.finish()
    }

    func testFilesThatAreNotActivitiesAreRefused() throws {
        let client = try trainingServer()
        try client.athlete("ath_bad_files")
        let settings = try client.error("activity.import", try importParams("ath_bad_files", "fit/Settings.fit", byPath: true), code: -32020)
        XCTAssertEqual(settings["data"]?["format"], "fit")
        let garbage = Data("this is not an activity file, just some text\n".utf8).base64EncodedString()
        try client.error("activity.import", ["athleteId": "ath_bad_files", "contentBase64": .string(garbage)], code: -32020)
        let binary = Data((0..<200).map { UInt8(($0 * 37) & 0xFF) }).base64EncodedString()
        try client.error("activity.import", ["athleteId": "ath_bad_files", "contentBase64": .string(binary), "format": "fit"], code: -32020)
        let missing = temporaryDirectory.appendingPathComponent("no-such-run.fit").path
        XCTAssertEqual(try client.error("activity.import", ["athleteId": "ath_bad_files", "path": .string(missing)], code: -32602)["data"]?["field"], "path")
        XCTAssertEqual(try client.error("activity.import", ["athleteId": "ath_bad_files", "path": .string(temporaryDirectory.path)], code: -32602)["data"]?["field"], "path",
                       "a directory is not a file")
        XCTAssertEqual(try client.error("activity.import", ["athleteId": "ath_ghost", "path": .string(try TestData.url("tcx/test.tcx").path)], code: -32001)["data"]?["id"], "ath_ghost")
        XCTAssertEqual(try client.result("execution.list", ["athleteId": "ath_bad_files"]), .array([]))
        try client.finish()
    }

    // MARK: - The whole flow

    func testAWeekOfRunsShowsInProgressAndExecutionList() throws {
        // Today is Wednesday 2027-01-20; the plan started Monday 2027-01-11, so week 0 (11–17 January) is over.
        let client = try trainingServer(now: "2027-01-20T12:00:00Z")
        try client.athlete("ath_week", timeZone: "America/Los_Angeles")
        let generated = try client.result("plan.generate", [
            "athleteId": "ath_week", "startDate": "2027-01-11", "race": ["name": "Spring 10K", "date": "2027-04-18", "distanceMeters": 10000],
        ])
        let planId = try XCTUnwrap(generated["plan"]?["id"]?.stringValue)
        let weekZero = try client.days(planId, from: "2027-01-11", to: "2027-01-17")
        XCTAssertEqual(weekZero.count, 7)
        let runDays = weekZero.filter { !["rest", "crossTraining"].contains($0["plannedData"]?["type"]?.stringValue ?? "") }
        XCTAssertGreaterThanOrEqual(runDays.count, 3)
        let skipped = runDays.last!  // the long run is missed
        var activities: [JSONValue] = []
        var ingestedMeters = 0.0
        var doneRunDays = 0
        for day in weekZero {
            let date = day["date"]!.stringValue!
            let planned = day["plannedData"]!
            let isRunDay = runDays.contains(day)
            if day == skipped { continue }
            if !isRunDay && date != "2027-01-11" { continue }  // one extra run on the Monday rest day
            let meters = isRunDay ? (planned["distanceMeters"]?.doubleValue ?? 0) : 4000
            let seconds = isRunDay ? (planned["durationSeconds"]?.doubleValue ?? 0) : 1500
            activities.append(nativeRun("week0-\(date)", start: "\(date)T18:30:00-08:00", meters: meters, seconds: seconds))
            ingestedMeters += meters
            if isRunDay { doneRunDays += 1 }
        }
        let results = try client.ingest("ath_week", activities)
        for result in results {
            XCTAssertNotEqual(result["execution"] ?? .null, .null, "every run of week 0 is matched: \(result.text.prefix(300))")
        }

        let progress = try client.result("plan.progress", ["planId": .string(planId)])
        XCTAssertEqual(progress["planId"]?.stringValue, planId)
        XCTAssertEqual(progress["today"], "2027-01-20")
        let weeks = try XCTUnwrap(progress["weeks"]?.arrayValue)
        XCTAssertEqual(weeks.count, generated["plan"]?["weekCount"]?.intValue)
        let week0 = try XCTUnwrap(weeks.first)
        XCTAssertEqual(week0["weekIndex"]?.intValue, 0)
        XCTAssertEqual(week0["startDate"], "2027-01-11")
        XCTAssertEqual(week0["sessionsPlanned"]?.intValue, runDays.count)
        XCTAssertEqual(week0["sessionsDone"]?.intValue, doneRunDays)
        XCTAssertEqual(week0["sessionsMissed"]?.intValue, 1, "the skipped long run")
        XCTAssertEqual(week0["sessionsUpcoming"]?.intValue, 0, "week 0 is over")
        XCTAssertEqual(week0["executedDistanceMeters"]?.doubleValue ?? .nan, ingestedMeters, accuracy: 1, "every ingested run counts, the rest-day run too")
        let plannedMeters = weekZero.reduce(0.0) { $0 + ($1["plannedData"]?["distanceMeters"]?.doubleValue ?? 0) }
        XCTAssertEqual(week0["plannedDistanceMeters"]?.doubleValue ?? .nan, plannedMeters, accuracy: 1)
        let score = try XCTUnwrap(week0["complianceScore"]?.intValue, "sessions were due")
        XCTAssertTrue((0...100).contains(score), "\(score)")
        XCTAssertLessThan(score, 100, "a missed session lowers the week's score")
        XCTAssertGreaterThan(score, 0, "done-as-planned sessions raise it")

        // Week 1 (18–24 January): Monday and Tuesday are past, the rest is upcoming.
        let weekOneDays = try client.days(planId, from: "2027-01-18", to: "2027-01-24")
        let weekOneRuns = weekOneDays.filter { !["rest", "crossTraining"].contains($0["plannedData"]?["type"]?.stringValue ?? "") }
        let pastRuns = weekOneRuns.filter { ($0["date"]?.stringValue ?? "") < "2027-01-20" }.count
        XCTAssertEqual(weeks[1]["sessionsMissed"]?.intValue, pastRuns)
        XCTAssertEqual(weeks[1]["sessionsUpcoming"]?.intValue, weekOneRuns.count - pastRuns)
        XCTAssertEqual(weeks[1]["executedDistanceMeters"]?.doubleValue, 0)
        XCTAssertEqual(weeks.last?["complianceScore"], .null, "nothing due yet in the race week")

        let listed = try client.result("execution.list", ["athleteId": "ath_week", "from": "2027-01-11", "to": "2027-01-17"]).arrayValue ?? []
        XCTAssertEqual(listed.count, activities.count)
        let activityIds = Set(results.compactMap { $0["activity"]?["id"] })
        for execution in listed {
            XCTAssertTrue(activityIds.contains(execution["activityId"] ?? .null))
            let date = execution["date"]?.stringValue ?? ""
            XCTAssertTrue(("2027-01-11"..."2027-01-17").contains(date), date)
            let analysis = try XCTUnwrap(execution["analysis"])
            XCTAssertTrue((0...100).contains(analysis["complianceScore"]?.intValue ?? -1))
            if date == "2027-01-11" {
                XCTAssertEqual(analysis["verdict"], "unplanned", "the rest-day run")
            } else {
                XCTAssertEqual(analysis["verdict"], "completed", "ran as planned on \(date): \(analysis.text.prefix(300))")
                XCTAssertEqual(analysis["distanceRatio"]?.doubleValue ?? .nan, 1, accuracy: 0.001)
            }
        }
        XCTAssertEqual(listed.compactMap { $0["date"]?.stringValue }, listed.compactMap { $0["date"]?.stringValue }.sorted(), "by date")
        XCTAssertEqual(try client.result("execution.list", ["athleteId": "ath_week", "from": "2027-01-18", "to": "2027-01-24"]), .array([]))
        XCTAssertEqual(try client.error("execution.list", ["athleteId": "ath_week", "from": "2027-01-17", "to": "2027-01-11"], code: -32602)["data"]?["field"], "to")
        XCTAssertEqual(try client.error("plan.progress", ["planId": "plan_ghost"], code: -32001)["data"]?["id"], "plan_ghost")
        try client.finish()
    }
}
