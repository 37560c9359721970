import Foundation
import XCTest
import TrainingDomain

/// Goals, predictions, warnings and which paces the plan trains at.
final class FitnessAndGoalTests: XCTestCase {
    let start = CalendarDate("2026-01-05")!

    func marathon(goal: Double?, recent: RacePerformance? = RacePerformance(distanceMeters: 5000, timeSeconds: 22 * 60)) throws -> GeneratedPlan {
        try BuiltInCoach().generate(PlanRequest(
            raceName: "Goal", raceDate: start.adding(days: 17 * 7 + 6), raceDistanceMeters: 42_195, startDate: start,
            goalTimeSeconds: goal, trainingDays: [.monday, .tuesday, .thursday, .friday, .sunday], recentRace: recent
        ))
    }

    func testPredictionWithoutGoal() throws {
        let plan = try marathon(goal: nil)
        let vdot = VDOT.from(distanceMeters: 5000, timeSeconds: 22 * 60)
        XCTAssertEqual(plan.vdot ?? 0, vdot, accuracy: 0.05)
        XCTAssertEqual(plan.predictedTimeSeconds ?? 0, VDOT.predictedTime(vdot: vdot, distanceMeters: 42_195), accuracy: 1)
        XCTAssertEqual(plan.goalTimeSeconds, plan.predictedTimeSeconds)
        XCTAssertTrue(plan.warnings.isEmpty, "\(plan.warnings)")
        XCTAssertEqual(plan.paces.threshold, VDOT.paces(vdot: vdot).threshold)
    }

    func testAmbitiousGoalWarnsButStillPlans() throws {
        let plan = try marathon(goal: 3 * 3600)
        let current = VDOT.from(distanceMeters: 5000, timeSeconds: 22 * 60)
        XCTAssertEqual(plan.goalTimeSeconds, 3 * 3600)
        let warning = try XCTUnwrap(plan.warnings.first { $0.contains("goal of 3:00:00") })
        XCTAssertTrue(warning.contains("needs VDOT 53.5"), warning)   // a 3:00 marathon is VDOT 53.5 (naplopo.blogspot.com/2020/06)
        let predicted = Int(try XCTUnwrap(plan.predictedTimeSeconds))
        let clock = "\(predicted / 3600):\(String(format: "%02d:%02d", predicted % 3600 / 60, predicted % 60))"
        XCTAssertTrue(warning.contains("predicts \(clock)"), warning)
        // Quality paces stay at current fitness; race day and M-pace work follow the realistic target, not the goal:
        // 18 weeks allow a 6 % VDOT gain (1 % + 0.3 % a week, at most 6 %).
        XCTAssertEqual(plan.paces.threshold, VDOT.paces(vdot: current).threshold)
        let target = VDOT.predictedTime(vdot: current * 1.06, distanceMeters: 42_195)
        XCTAssertEqual(plan.targetTimeSeconds, target.rounded(), accuracy: 1)
        XCTAssertTrue(warning.contains("targets"), warning)
        let race = try XCTUnwrap(plan.weeks.last?.days.first { $0.workout.type == .race }?.workout)
        XCTAssertTrue(race.targetPace!.contains(target / 42.195, tolerance: 0.5))
        XCTAssertEqual(race.durationSeconds, plan.targetTimeSeconds)
        XCTAssertEqual(plan.paces.marathon.midSecondsPerKm, target / 42.195, accuracy: 1)
        XCTAssertGreaterThan(plan.paces.marathon.minSecondsPerKm, 3 * 3600 / 42.195)
        XCTAssertLessThan(plan.paces.marathon.maxSecondsPerKm, VDOT.paces(vdot: current).marathon.minSecondsPerKm + 1)
    }

    func testRealisticGoalSetsMarathonPace() throws {
        let current = VDOT.from(distanceMeters: 5000, timeSeconds: 22 * 60)
        let goal = VDOT.predictedTime(vdot: current * 1.03, distanceMeters: 42_195).rounded()
        let plan = try marathon(goal: goal)
        XCTAssertFalse(plan.warnings.contains { $0.contains("needs VDOT") })
        XCTAssertEqual(plan.paces.marathon.midSecondsPerKm, goal / 42.195, accuracy: 1)
        let mSessions = plan.weeks.flatMap(\.days).map(\.workout).filter { $0.type == .marathonPace }
        XCTAssertFalse(mSessions.isEmpty)
        XCTAssertTrue(mSessions.allSatisfy { $0.targetPace!.contains(goal / 42.195, tolerance: 1) })
    }

    func testNoRaceAtAll() throws {
        let plan = try marathon(goal: nil, recent: nil)
        XCTAssertNil(plan.vdot)
        XCTAssertNil(plan.predictedTimeSeconds)
        XCTAssertTrue(plan.warnings.contains { $0.contains("5K time trial") })
        let withGoal = try marathon(goal: 4 * 3600, recent: nil)
        XCTAssertEqual(withGoal.goalTimeSeconds, 4 * 3600)
        XCTAssertTrue(withGoal.warnings.contains { $0.contains("5K time trial") })
    }

    func testVolumeStartsAtCurrentAndPeaksWithFitness() throws {
        func peak(_ fiveK: Double, weekly: Double?) throws -> (first: Double, peak: Double) {
            let plan = try BuiltInCoach().generate(PlanRequest(
                raceName: "V", raceDate: start.adding(days: 19 * 7 + 6), raceDistanceMeters: 42_195, startDate: start,
                trainingDays: Weekday.allCases, currentWeeklyDistanceMeters: weekly, recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: fiveK)
            ))
            let volumes = plan.weeks.map(\.trainingDistanceMeters)
            return (volumes[0], volumes.max()!)
        }
        let given = try peak(22 * 60, weekly: 50_000)
        XCTAssertEqual(given.first, 50_000, accuracy: 100)
        XCTAssertLessThan(try peak(28 * 60, weekly: nil).peak, try peak(17 * 60, weekly: nil).peak)
    }
}
