import XCTest
import TrainingDomain

/// Requests the coach must refuse, each naming its field and explaining the bounds.
final class PlanRequestErrorTests: XCTestCase {
    let start = CalendarDate("2026-11-30")!

    func request(distance: Double = 42_195, raceInDays: Int = 16 * 7, days: [Weekday] = [.tuesday, .thursday, .saturday, .sunday],
                 long: Weekday? = nil, goal: Double? = nil, weekly: Double? = nil, recent: RacePerformance? = RacePerformance(distanceMeters: 5000, timeSeconds: 1320)) -> PlanRequest {
        PlanRequest(raceName: "Test", raceDate: start.adding(days: raceInDays), raceDistanceMeters: distance, startDate: start,
                    goalTimeSeconds: goal, trainingDays: days, longRunDay: long, currentWeeklyDistanceMeters: weekly, recentRace: recent)
    }

    func error(_ request: PlanRequest, file: StaticString = #filePath, line: UInt = #line) -> PlanRequestError? {
        do {
            _ = try BuiltInCoach().generate(request)
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch { return error }
    }

    /// A marathon in a day from an unknown volume cannot build the long run: refused, with the minimum weeks and
    /// the latest start that gives them; `acceptRisk` plans it anyway with a warning.
    func testMarathonTooShort() throws {
        let error = try XCTUnwrap(error(request(raceInDays: 1)))
        XCTAssertEqual(error.field, "race.date")
        XCTAssertEqual(error.kind, .notEnoughWeeks)
        let minimum = try XCTUnwrap(error.minimumWeeks)
        let latest = try XCTUnwrap(error.suggestedStartDate)
        XCTAssertGreaterThan(minimum, 1)
        XCTAssertEqual(latest, start.adding(days: 1 - 7 * (minimum - 1)))
        XCTAssertTrue(error.reason.contains("at least \(minimum) weeks are needed: start by \(latest)"), error.reason)
        XCTAssertTrue(error.reason.contains("acceptRisk"), error.reason)
        var risky = request(raceInDays: 1)
        risky.acceptRisk = true
        let plan = try BuiltInCoach().generate(risky)
        XCTAssertTrue(plan.warnings.contains { $0.hasPrefix("Risky plan") })
        XCTAssertEqual(PlanInvariants.check(plan, risky), [])
    }

    /// Short and long windows: a race in 3 days gets a race-week plan, 5K to marathon; a year out gets a long
    /// base; beyond 52 weeks a clear refusal names the sensible start.
    func testFlexibleWindows() throws {
        for distance in [5000.0, 10_000, 21_097.5, 42_195] {
            var soon = request(distance: distance, raceInDays: 3, weekly: 70_000)
            soon.acceptRisk = distance > 30_000
            let plan = try BuiltInCoach().generate(soon)
            XCTAssertEqual(plan.weeks.count, 1)
            XCTAssertEqual(PlanInvariants.check(plan, soon), [], "\(distance)")
            let far = request(distance: distance, raceInDays: 51 * 7 + 6)
            let long = try BuiltInCoach().generate(far)
            XCTAssertEqual(long.weeks.count, 52)
            XCTAssertEqual(PlanInvariants.check(long, far), [], "\(distance)")
            XCTAssertGreaterThan(long.weeks.filter { $0.phase == .base }.count, 20, "a long lead is a long base")
            let tooFar = try XCTUnwrap(error(request(distance: distance, raceInDays: 52 * 7)))
            XCTAssertEqual(tooFar.kind, .tooManyWeeks)
            XCTAssertEqual(tooFar.field, "race.date")
            let sensible = try XCTUnwrap(tooFar.suggestedStartDate)
            var later = request(distance: distance, raceInDays: 52 * 7)
            later.startDate = sensible
            XCTAssertNoThrow(try BuiltInCoach().generate(later))
        }
    }

    func testRaceBeforeStart() {
        let error = error(request(raceInDays: -3))
        XCTAssertEqual(error?.field, "race.date")
        XCTAssertEqual(error?.reason, "the race date 2026-11-27 is before the plan start 2026-11-30")
    }

    func testBadDistances() {
        for distance in [2_999.0, 100_001, 0, -5, .nan, .infinity] {
            let error = error(request(distance: distance))
            XCTAssertEqual(error?.field, "race.distanceMeters")
            XCTAssertTrue(error?.reason.hasPrefix("the race distance must be between 3000 m and 100000 m") == true)
        }
        XCTAssertNoThrow(try BuiltInCoach().generate(request(distance: 3000, raceInDays: 8 * 7)))
        XCTAssertNoThrow(try BuiltInCoach().generate(request(distance: 100_000, raceInDays: 30 * 7, weekly: 60_000)))
    }

    func testTrainingDaysAndLongRunDay() {
        XCTAssertEqual(error(request(days: [.monday, .friday]))?.field, "trainingDays")
        XCTAssertEqual(error(request(days: [.monday, .monday, .friday]))?.field, "trainingDays")
        let long = error(request(days: [.monday, .wednesday, .friday], long: .sunday))
        XCTAssertEqual(long?.field, "longRunDay")
        XCTAssertEqual(long?.reason, "the long-run day sun must be one of the training days (mon, wed, fri)")
    }

    func testGoalWeeklyAndRecentRace() {
        XCTAssertEqual(error(request(goal: 0))?.field, "goalTimeSeconds")
        XCTAssertEqual(error(request(goal: 3600))?.field, "goalTimeSeconds", "a 1-hour marathon is faster than 2:30/km")
        XCTAssertEqual(error(request(goal: 20 * 3600))?.field, "goalTimeSeconds")
        XCTAssertEqual(error(request(weekly: -1))?.field, "currentWeeklyDistanceMeters")
        XCTAssertEqual(error(request(recent: RacePerformance(distanceMeters: 5000, timeSeconds: 0)))?.field, "recentRace")
        XCTAssertEqual(error(request(recent: RacePerformance(distanceMeters: 5000, timeSeconds: 9 * 60)))?.field, "recentRace", "a 9-minute 5K is not human")
    }
}
