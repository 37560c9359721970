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

    func testMarathonTooShort() {
        let error = error(request(raceInDays: 1))
        XCTAssertEqual(error?.field, "race.date")
        XCTAssertEqual(error?.reason, "a marathon plan needs 12 to 30 weeks; 2026-12-01 gives 1 week from 2026-11-30")
    }

    func testBoundsPerDistance() {
        // One week under and one week over each family's bounds.
        for (distance, bounds, label) in [(5000.0, 4...20, "5K"), (10_000, 6...20, "10K"), (21_097.5, 8...24, "half-marathon"),
                                          (42_195, 12...30, "marathon"), (50_000, 16...36, "50 km")] {
            for weeks in [bounds.lowerBound - 1, bounds.upperBound + 1] {
                let error = error(request(distance: distance, raceInDays: (weeks - 1) * 7 + 3))
                XCTAssertEqual(error?.field, "race.date")
                XCTAssertTrue(error?.reason.contains("\(label) plan needs \(bounds.lowerBound) to \(bounds.upperBound) weeks") == true, "\(error?.reason ?? "")")
                XCTAssertTrue(error?.reason.contains("gives \(weeks) weeks") == true)
            }
            for weeks in [bounds.lowerBound, bounds.upperBound] {
                XCTAssertNoThrow(try BuiltInCoach().generate(request(distance: distance, raceInDays: (weeks - 1) * 7 + 6)))
            }
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
        XCTAssertNoThrow(try BuiltInCoach().generate(request(distance: 100_000, raceInDays: 20 * 7)))
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
