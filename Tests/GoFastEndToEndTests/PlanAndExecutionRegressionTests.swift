import Foundation
import JSONRPC
import XCTest

/// Behaviours a second review found wrong for runners: rides linked to runs, manual entries with one value,
/// draft goals, regeneration bounds and long-run days, idempotent inline races.
final class PlanAndExecutionRegressionTests: GoFastTestCase {
    private func runDay(_ days: [JSONValue], type: String = "easy") throws -> JSONValue {
        try XCTUnwrap(days.first { $0["plannedData"]?["type"]?.stringValue == type })
    }

    func testARideCannotExecuteARunAndManualEntriesUseTheValueGiven() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        _ = try client.result("plan.generate", ["athleteId": "a1", "id": "p1", "startDate": "2027-01-04",
                                                "race": ["name": "Half", "date": "2027-04-25", "distanceMeters": 21097.5]])
        let days = try client.days("p1")
        let easy = try runDay(days)
        let date = try XCTUnwrap(easy["date"]?.stringValue)
        let ride = try client.ingest("a1", [nativeRun("ride", start: "\(date)T07:00:00-08:00", meters: 30000, seconds: 3600, sport: "cycling")])
        let rideId = try XCTUnwrap(ride.first?["activity"]?["id"])
        _ = try client.error("activity.link", ["activityId": rideId, "plannedDayId": easy["id"]!], code: -32002)

        let planned = try XCTUnwrap(easy["plannedData"]?["durationSeconds"]?.doubleValue)
        let manual = try client.result("execution.create", ["athleteId": "a1", "plannedDayId": easy["id"]!, "durationSeconds": .number(JSONNumber(text: "\(planned)"))])
        XCTAssertEqual(manual["analysis"]?["verdict"], "completed", manual.text)
        XCTAssertGreaterThanOrEqual(manual["analysis"]?["complianceScore"]?.intValue ?? 0, 90)
        try client.finish()
    }

    func testDraftGoalsAndRegenerationBounds() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        _ = try client.result("race.create", ["id": "r1", "name": "Half", "date": "2027-04-25", "distanceMeters": 21097.5])
        _ = try client.error("plan.create", ["athleteId": "a1", "name": "D", "raceId": "r1", "goalTimeSeconds": 18359], code: -32602)
        let inline: JSONValue = ["id": "r1", "name": "Half", "date": "2027-04-25", "distanceMeters": 21097.5]
        _ = try client.result("plan.create", ["athleteId": "a1", "name": "D", "id": "d1", "race": inline])
        _ = try client.result("plan.generate", ["planId": "d1", "athleteId": "a1", "startDate": "2027-01-04", "longRunDay": "sat",
                                                "preferredDays": ["tue", "thu", "sat", "sun"]])
        let error = try client.error("plan.regenerate", ["planId": "d1", "fromDate": "2027-06-01", "goalTimeSeconds": 5400], code: -32602)
        XCTAssertEqual(error["data"]?["field"], "fromDate")
        _ = try client.result("plan.regenerate", ["planId": "d1", "fromDate": "2027-01-24", "goalTimeSeconds": 6200])
        let longRuns = try client.days("d1").filter { $0["plannedData"]?["type"]?.stringValue == "long" }.compactMap { $0["date"]?.stringValue }
        XCTAssertFalse(longRuns.isEmpty)
        for date in longRuns {
            XCTAssertEqual(Dates.weekday(date), 5, "\(date): the regenerated plan keeps Saturday long runs")
        }
        try client.finish()
    }

    /// A runner whose volume dropped mid-plan: the new volume is where the regenerated weeks start from.
    func testANewCurrentVolumeStartsAtTheWeekOfFromDate() throws {
        let client = try trainingServer()
        try client.athlete("a1")
        _ = try client.result("plan.generate", ["athleteId": "a1", "id": "m", "startDate": "2026-12-07", "currentWeeklyDistanceMeters": 60000,
                                                "race": ["name": "M", "date": "2027-05-30", "distanceMeters": 42195]])
        let before = try client.days("m")
        let regenerated = try client.result("plan.regenerate", ["planId": "m", "fromDate": "2027-01-04", "currentWeeklyDistanceMeters": 15000])
        XCTAssertEqual(regenerated["plan"]?["weekCount"]?.intValue, 25)
        let after = try client.days("m")
        XCTAssertEqual(after.count, before.count)
        func volume(_ days: [JSONValue], week: Int) -> Double {
            days.filter { $0["weekIndex"]?.intValue == week }.reduce(0) { $0 + ($1["plannedData"]?["distanceMeters"]?.doubleValue ?? 0) }
        }
        XCTAssertEqual(volume(after, week: 3), volume(before, week: 3), "weeks before fromDate are kept")
        XCTAssertLessThan(volume(after, week: 4), 30_000, "week 4 starts near the new 15 km, not at the old 60 km")
        XCTAssertLessThan(volume(after, week: 5), volume(after, week: 4) * 1.11 + 100, "and rises by at most about 10 %")
        try client.finish()
    }
}
