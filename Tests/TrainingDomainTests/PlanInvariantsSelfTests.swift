import XCTest
import TrainingDomain

/// The property checker itself must catch broken plans, or the grid would prove nothing.
final class PlanInvariantsSelfTests: XCTestCase {
    let request = PlanRequest(
        raceName: "Self", raceDate: CalendarDate("2026-05-03")!, raceDistanceMeters: 42_195, startDate: CalendarDate("2026-01-05")!,
        trainingDays: [.monday, .tuesday, .thursday, .friday, .saturday, .sunday], recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 1320)
    )

    func problems(_ corrupt: (inout GeneratedPlan) -> Void) throws -> [String] {
        var plan = try BuiltInCoach().generate(request)
        XCTAssertEqual(PlanInvariants.check(plan, request), [])
        corrupt(&plan)
        return PlanInvariants.check(plan, request)
    }

    func testCatchesQualityBeforeTheLongRun() throws {
        let found = try problems { plan in
            let threshold = plan.weeks[8].days.first { $0.workout.type == .threshold }!.workout
            plan.weeks[8].days[5].workout = threshold   // Saturday, the day before Sunday's long run
        }
        XCTAssertTrue(found.contains { $0.contains("the day before a long run") }, "\(found)")
    }

    func testCatchesVolumeJumpsAndLongRunShare() throws {
        let found = try problems { plan in
            for d in 0..<7 where plan.weeks[2].days[d].workout.type == .long {
                plan.weeks[2].days[d].workout.distanceMeters *= 2
            }
        }
        XCTAssertTrue(found.contains { $0.contains("more than 10 %") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("long run") && $0.contains("% of") }, "\(found)")
    }

    func testCatchesMissingCutbacksAndRestDays() throws {
        let found = try problems { plan in
            plan.weeks[3] = GeneratedWeek(weekIndex: 3, phase: plan.weeks[3].phase, days: plan.weeks[2].days.map {
                GeneratedDay(weekIndex: 3, dayIndex: $0.dayIndex, phase: $0.phase, workout: $0.workout)
            })
            plan.weeks[4].days[2].workout = plan.weeks[4].days[0].workout   // a run on Wednesday, a rest day
        }
        XCTAssertTrue(found.contains { $0.contains("without a cutback") }, "\(found)")
        XCTAssertTrue(found.contains { $0.contains("training day = false") }, "\(found)")
    }
}
