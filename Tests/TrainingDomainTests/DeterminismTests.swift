import Foundation
import XCTest
import TrainingDomain

/// Same request, same plan: equal values and identical JSON bytes.
final class DeterminismTests: XCTestCase {
    func encoded(_ plan: GeneratedPlan) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(plan)
    }

    func testSameRequestSamePlan() throws {
        let start = CalendarDate("2026-03-04")!
        for (distance, weeks) in [(5000.0, 9), (21_097.5, 14), (42_195, 18), (60_000, 20)] {
            let request = PlanRequest(
                raceName: "Twice", raceDate: start.adding(days: (weeks - 1) * 7 + 4), raceDistanceMeters: distance, startDate: start,
                goalTimeSeconds: nil, trainingDays: [.sunday, .tuesday, .thursday, .friday, .saturday], currentWeeklyDistanceMeters: 35_000,
                recentRace: RacePerformance(distanceMeters: 10_000, timeSeconds: 47 * 60)
            )
            let first = try BuiltInCoach().generate(request)
            let second = try BuiltInCoach().generate(request)
            XCTAssertEqual(first, second)
            XCTAssertEqual(try encoded(first), try encoded(second))
            // The order the days are listed in does not matter.
            var shuffled = request
            shuffled.trainingDays = request.trainingDays.reversed()
            XCTAssertEqual(try encoded(try BuiltInCoach().generate(shuffled)), try encoded(first))
            // The plan survives a JSON round trip unchanged.
            XCTAssertEqual(try JSONDecoder().decode(GeneratedPlan.self, from: try encoded(first)), first)
        }
    }
}
