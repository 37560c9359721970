import XCTest
import TrainingDomain

/// Properties of the intensity judgement over every run of real plans, each executed at a grid of paces and
/// volumes without laps: an easy day is never too hard when slower, always too hard when clearly faster; a
/// structured session done at easy pace misses its intensity and is never green; cut short scores above run long.
final class ExecutionIntensityGridTests: XCTestCase {
    let analyzer = ExecutionAnalyzer()

    func workouts() throws -> [(PlannedWorkout, TrainingPaces)] {
        let start = CalendarDate("2027-01-04")!
        var all: [(PlannedWorkout, TrainingPaces)] = []
        for (distance, weeks, fiveK, weekly) in [(5000.0, 10, 1500.0, 35.0), (10_000, 12, 1320, 50), (21_097.5, 16, 1200, 60), (42_195, 18, 1080, 90)] {
            let request = PlanRequest(raceName: "Grid", raceDate: start.adding(days: 7 * (weeks - 1) + 6), raceDistanceMeters: distance, startDate: start,
                                      trainingDays: [.monday, .tuesday, .thursday, .friday, .sunday], currentWeeklyDistanceMeters: weekly * 1000,
                                      recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: fiveK))
            let plan = try BuiltInCoach().generate(request)
            all += plan.weeks.flatMap(\.days).map(\.workout).filter { $0.type.isRun && $0.type != .race }.map { ($0, plan.paces) }
        }
        return all
    }

    func testEasyDaysAreJudgedOneWay() throws {
        var checked = 0
        for (workout, _) in try workouts() where [.easy, .recovery, .long].contains(workout.type) && !workout.segments.contains(where: { $0.kind == .work }) {
            let target = try XCTUnwrap(workout.targetPace)
            for offset in stride(from: -60.0, through: 90, by: 10) {
                let pace = target.midSecondsPerKm + offset
                let analysis = analyzer.analyze(planned: workout, actual: ActualWorkout(distanceMeters: workout.distanceMeters, durationSeconds: workout.distanceMeters / 1000 * pace), maxHeartRate: nil)
                if pace >= target.minSecondsPerKm { XCTAssertEqual(analysis.intensity, .asPlanned, "\(workout.title) at \(pace)") }
                if pace < target.minSecondsPerKm - 6 {
                    XCTAssertEqual(analysis.intensity, .tooHard, "\(workout.title) at \(pace)")
                    XCTAssertNotEqual(analysis.color, .green)
                }
                XCTAssertFalse(analysis.advice.isEmpty)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
    }

    func testStructuredSessionsAtEasyPaceMissTheirIntensity() throws {
        var checked = 0
        for (workout, paces) in try workouts() where workout.type.isQuality && workout.type != .hills && workout.segments.first?.kind == .warmUp {
            let asPlanned = analyzer.analyze(planned: workout, actual: ActualWorkout(distanceMeters: workout.distanceMeters, durationSeconds: workout.durationSeconds), maxHeartRate: nil)
            XCTAssertEqual(asPlanned.intensity, .asPlanned, workout.title)
            XCTAssertEqual(asPlanned.color, .green, workout.title)
            let easy = analyzer.analyze(planned: workout, actual: ActualWorkout(distanceMeters: workout.distanceMeters, durationSeconds: workout.distanceMeters / 1000 * paces.easy.midSecondsPerKm), maxHeartRate: nil)
            XCTAssertEqual(easy.intensity, .tooEasy, "\(workout.title): \(easy.summary)")
            XCTAssertNotEqual(easy.color, .green)
            XCTAssertLessThan(easy.complianceScore, asPlanned.complianceScore)
            XCTAssertTrue(easy.summary.contains("intensity missed"), easy.summary)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }

    func testCutShortScoresAboveRunLong() throws {
        for (workout, _) in try workouts().prefix(200) {
            for deviation in stride(from: 0.1, through: 0.45, by: 0.05) {
                func score(_ ratio: Double) -> Int {
                    analyzer.analyze(planned: workout, actual: ActualWorkout(distanceMeters: workout.distanceMeters * ratio, durationSeconds: workout.durationSeconds * ratio), maxHeartRate: nil).complianceScore
                }
                XCTAssertGreaterThan(score(1 - deviation), score(1 + deviation), "\(workout.title) ± \(deviation)")
            }
        }
    }
}
