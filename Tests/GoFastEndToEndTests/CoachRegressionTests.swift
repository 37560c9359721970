import Foundation
import JSONRPC
import XCTest

/// The nine findings of the coach's second edition, each through the binary.
final class CoachRegressionTests: GoFastTestCase {
    private var client: TrainingClient!

    override func setUpWithError() throws {
        client = try trainingServer(now: "2027-01-20T12:00:00Z")
    }

    /// A plan for an athlete with `fiveK` seconds, starting Monday 2027-01-25.
    private func plan(_ id: String, fiveK: Int, distance: Double, weeks: Int, days: [JSONValue] = ["tue", "wed", "thu", "sat", "sun"],
                      weekly: Double? = nil, goal: Double? = nil) throws -> (result: JSONValue, days: [JSONValue]) {
        _ = try client.result("athlete.create", ["id": .string(id), "name": "R", "timeZone": "UTC", "fiveKTimeSeconds": .number(JSONNumber(fiveK)), "maxHeartRate": 185])
        let race = Dates.add("2027-01-25", weeks * 7 - 1)
        var params: [String: JSONValue] = ["athleteId": .string(id), "id": .string(id + "-plan"), "startDate": "2027-01-25", "preferredDays": .array(days),
                                           "race": ["name": "Race", "date": .string(race), "distanceMeters": .double(distance)]]
        if let weekly { params["currentWeeklyDistanceMeters"] = .double(weekly) }
        if let goal { params["goalTimeSeconds"] = .double(goal) }
        let result = try client.result("plan.generate", .object(params))
        return (result, try client.days(id + "-plan"))
    }

    private func type(_ day: JSONValue) -> String { day["plannedData"]?["type"]?.stringValue ?? "" }
    private func meters(_ day: JSONValue) -> Double { day["plannedData"]?["distanceMeters"]?.doubleValue ?? 0 }
    private func isQuality(_ day: JSONValue) -> Bool { ["threshold", "intervals", "marathonPace", "hills"].contains(type(day)) }
    private func weeks(_ days: [JSONValue]) -> [[JSONValue]] {
        Dictionary(grouping: days, by: { $0["weekIndex"]?.intValue ?? 0 }).sorted { $0.key < $1.key }.map { $0.value.sorted { ($0["dayIndex"]?.intValue ?? 0) < ($1["dayIndex"]?.intValue ?? 0) } }
    }

    func testFinding1RaceDayFollowsARealisticTarget() throws {
        // VDOT ~33.5 (a 31:00 5K) asking for a 3:00 marathon.
        let (result, days) = try plan("f1", fiveK: 1860, distance: 42195, weeks: 18, weekly: 40000, goal: 10800)
        let target = try XCTUnwrap(result["targetTimeSeconds"]?.doubleValue)
        XCTAssertGreaterThan(target, 4 * 3600, "the target is the realistic time, not 3:00")
        XCTAssertEqual(result["goalTimeSeconds"]?.doubleValue, 10800)
        let race = try XCTUnwrap(days.first { type($0) == "race" })
        XCTAssertGreaterThan(race["plannedData"]?["targetPace"]?["minSecondsPerKm"]?.doubleValue ?? 0, 300, "race pace follows the target, not 4:16/km")
        XCTAssertTrue(result["warnings"]?.arrayValue?.contains { $0.stringValue?.lowercased().contains("target") == true } == true)
    }

    func testFinding2MarathonLongRunsReachTheRace() throws {
        let (_, days) = try plan("f2", fiveK: 1320, distance: 42195, weeks: 18, weekly: 40000)
        let longest = days.filter { type($0) == "long" }.map(meters).max() ?? 0
        let longestTime = days.filter { type($0) == "long" }.compactMap { $0["plannedData"]?["durationSeconds"]?.doubleValue }.max() ?? 0
        XCTAssertTrue(longest >= 29_000 || longestTime >= 2.5 * 3600, "longest run \(longest) m")
    }

    func testFinding3PeakDependsOnTimeAndShortRacesBuild() throws {
        let (_, short) = try plan("f3a", fiveK: 1320, distance: 42195, weeks: 12, weekly: 50000)
        let (_, long) = try plan("f3b", fiveK: 1320, distance: 42195, weeks: 28, weekly: 50000)
        let peak = { (days: [JSONValue]) in self.weeks(days).map { $0.map(self.meters).reduce(0, +) }.max() ?? 0 }
        XCTAssertGreaterThan(peak(long), peak(short), "more weeks reach a higher peak")
        let volumes = weeks(long).map { $0.map(meters).reduce(0, +) }
        for index in 3..<volumes.count { XCTAssertFalse(volumes[index] == volumes[index - 1] && volumes[index - 1] == volumes[index - 2] && volumes[index - 2] == volumes[index - 3], "no flat block at week \(index)") }
        let (_, tenK) = try plan("f3c", fiveK: 1320, distance: 10000, weeks: 14, weekly: 40000)
        XCTAssertGreaterThan(peak(tenK), 40000 * 1.05, "a 10K plan builds volume")
    }

    func testFinding4SessionsProgress() throws {
        let (_, days) = try plan("f4", fiveK: 1320, distance: 42195, weeks: 18, weekly: 50000)
        XCTAssertTrue(days.contains { type($0) == "intervals" }, "marathon plans for intermediate runners include I-pace work")
        var run = 1
        var previous: String?
        for week in weeks(days) {
            guard let title = week.first(where: isQuality)?["plannedData"]?["title"]?.stringValue else { previous = nil; continue }
            run = title == previous ? run + 1 : 1
            XCTAssertLessThanOrEqual(run, 3, "\(title) repeats week after week")
            previous = title
        }
    }

    func testFinding5BeginnersGetOneQualitySession() throws {
        let (_, days) = try plan("f5", fiveK: 2100, distance: 21097.5, weeks: 16, days: ["tue", "thu", "sun"], weekly: 15000)
        for week in weeks(days) { XCTAssertLessThanOrEqual(week.filter(isQuality).count, 1, "week \(week.first?["weekIndex"] ?? .null)") }
    }

    func testFinding6ALayoutACoachWouldWrite() throws {
        let (_, days) = try plan("f6", fiveK: 1500, distance: 21097.5, weeks: 16, days: ["mon", "tue", "wed", "thu", "sat", "sun"], weekly: 35000)
        for week in weeks(days) {
            let long = week.filter { type($0) == "long" }.map(meters).max() ?? .infinity
            for day in week where type(day) == "easy" { XCTAssertLessThanOrEqual(meters(day), long, "no easy run longer than the long run") }
            for (index, day) in week.enumerated() where type(day) == "long" && index > 0 {
                XCTAssertFalse(isQuality(week[index - 1]), "no quality the day before the long run")
            }
            for day in week where ["easy", "recovery"].contains(type(day)) {
                XCTAssertGreaterThanOrEqual(day["plannedData"]?["durationSeconds"]?.doubleValue ?? 0, 19 * 60, "no run under about 20 minutes")
            }
        }
    }

    func testFinding7FlexibleWindows() throws {
        let (soon, days) = try plan("f7a", fiveK: 1320, distance: 5000, weeks: 1)
        XCTAssertEqual(days.filter { type($0) == "race" }.count, 1, "a race this week gets a short plan: \(soon["warnings"] ?? .null)")
        let (_, marathon) = try plan("f7b", fiveK: 1200, distance: 42195, weeks: 8, days: ["mon", "tue", "wed", "thu", "sat", "sun"], weekly: 70000)
        XCTAssertEqual(marathon.count, 56, "an 8-week marathon for a 70 km/week runner")
        _ = try client.result("athlete.create", ["id": "f7c", "name": "R", "timeZone": "UTC", "fiveKTimeSeconds": 1230])
        let ultra = try client.call("plan.generate", ["athleteId": "f7c", "startDate": "2027-01-25", "race": ["name": "100K", "date": "2027-07-04", "distanceMeters": 100000]])
        if let predicted = ultra["result"]?["predictedTimeSeconds"]?.doubleValue {
            XCTAssertGreaterThan(predicted, 9 * 3600, "100 km for a ~3:11 marathoner is not 8:36")
        } else {
            XCTAssertEqual(ultra["error"]?["code"], -32602, "a clear refusal")
        }
    }

    func testFinding8TargetsAWatchCanFollow() throws {
        let (_, days) = try plan("f8", fiveK: 1500, distance: 10000, weeks: 12, weekly: 30000)
        for day in days where type(day) == "hills" {
            for segment in day["plannedData"]?["segments"]?.arrayValue ?? [] {
                for step in segment["steps"]?.arrayValue ?? [segment] where step["kind"] == "work" || step["kind"] == "recovery" {
                    XCTAssertNil(step["targetPace"], "hill reps and recoveries carry no pace alert")
                }
            }
        }
        for day in days where type(day) == "easy" {
            XCTAssertEqual(day["plannedData"]?["heartRateZone"], 2, "easy running is zone 2 (65–79 % max)")
        }
    }

    func testFinding9AnalysisSeesIntensity() throws {
        // Today is 2027-03-20, inside the plan: the runs below are in the past (future starts are refused).
        try client.finish()
        client = try trainingServer(db: temporaryDirectory.appendingPathComponent("f9.sqlite").path, now: "2027-03-20T12:00:00Z")
        let (_, days) = try plan("f9", fiveK: 1320, distance: 10000, weeks: 12, weekly: 40000)
        let tempo = try XCTUnwrap(days.first { type($0) == "threshold" && ($0["date"]?.stringValue ?? "") < "2027-03-20" })
        let easy = try XCTUnwrap(days.first { type($0) == "easy" && ($0["date"]?.stringValue ?? "") < "2027-03-20" })
        let tempoMeters = meters(tempo), easyMeters = meters(easy)
        // The tempo day run entirely at easy pace (6:00/km), no laps; the easy day run at 4:10/km.
        let runs = try client.ingest("f9", [
            nativeRun("slow-tempo", start: "\(tempo["date"]?.stringValue ?? "")T07:00:00Z", meters: tempoMeters, seconds: tempoMeters / 1000 * 360),
            nativeRun("fast-easy", start: "\(easy["date"]?.stringValue ?? "")T07:00:00Z", meters: easyMeters, seconds: easyMeters / 1000 * 250),
        ])
        let slow = try XCTUnwrap(runs[0]["execution"]?["analysis"]), fast = try XCTUnwrap(runs[1]["execution"]?["analysis"])
        XCTAssertEqual(slow["intensity"], "tooEasy")
        XCTAssertNotEqual(slow["color"], "green", "a tempo at easy pace is not green")
        XCTAssertEqual(fast["intensity"], "tooHard")
        XCTAssertFalse(slow["advice"]?.stringValue?.isEmpty ?? true)
        XCTAssertFalse(fast["advice"]?.stringValue?.isEmpty ?? true)
    }
}
