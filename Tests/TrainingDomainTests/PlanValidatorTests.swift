import Foundation
import XCTest
import TrainingDomain

/// The validator is the gate for untrusted plans: corrupted plans are rejected with the right path.
final class PlanValidatorTests: XCTestCase {
    let start = CalendarDate("2026-02-02")!
    lazy var request = PlanRequest(
        raceName: "Gate", raceDate: start.adding(days: 13 * 7 + 5), raceDistanceMeters: 21_097.5, startDate: start,
        trainingDays: [.monday, .wednesday, .friday, .saturday], recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 25 * 60)
    )

    func plan() throws -> GeneratedPlan { try BuiltInCoach().generate(request) }

    /// The first problem's path and reason after `corrupt`.
    func rejection(_ corrupt: (inout GeneratedPlan) -> Void, file: StaticString = #filePath, line: UInt = #line) throws -> PlanValidationError {
        var plan = try plan()
        corrupt(&plan)
        do {
            try PlanValidator().validate(plan, for: request)
            XCTFail("the corrupted plan was accepted", file: file, line: line)
            return PlanValidationError(path: "", reason: "")
        } catch { return error }
    }

    /// Indices (week, day) of the first day of `type` in the plan.
    func find(_ type: WorkoutType, in plan: GeneratedPlan) -> (Int, Int) {
        for (w, week) in plan.weeks.enumerated() { for (d, day) in week.days.enumerated() where day.workout.type == type { return (w, d) } }
        fatalError("no \(type)")
    }

    func testGeneratedPlanPasses() throws {
        XCTAssertNoThrow(try PlanValidator().validate(try plan(), for: request))
        XCTAssertTrue(PlanValidator().problems(in: try plan(), for: request).isEmpty)
    }

    func testWrongWeekCount() throws {
        let error = try rejection { $0.weeks.removeLast() }
        XCTAssertEqual(error.path, "weeks")
        XCTAssertTrue(error.reason.contains("expected 14 weeks"), error.reason)
    }

    func testSixDays() throws {
        let error = try rejection { $0.weeks[2].days.removeLast() }
        XCTAssertEqual(error.path, "weeks[2].days")
        XCTAssertTrue(error.reason.contains("exactly 7 days"))
    }

    func testDuplicateDayIndex() throws {
        let error = try rejection { $0.weeks[1].days[3].dayIndex = 2 }
        XCTAssertEqual(error.path, "weeks[1].days[3].dayIndex")
    }

    func testWeekIndexGap() throws {
        let error = try rejection { $0.weeks[3].weekIndex = 4 }
        XCTAssertEqual(error.path, "weeks[3].weekIndex")
    }

    func testAbsurdAndInvertedPaces() throws {
        let plan = try plan()
        let (w, d) = find(.easy, in: plan)
        var error = try rejection { $0.weeks[w].days[d].workout.targetPace = PaceRange(minSecondsPerKm: 60, maxSecondsPerKm: 70) }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.targetPace")
        XCTAssertTrue(error.reason.contains("outside the plausible"))
        error = try rejection { $0.weeks[w].days[d].workout.targetPace = PaceRange(minSecondsPerKm: 400, maxSecondsPerKm: 350) }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.targetPace")
        error = try rejection { $0.weeks[w].days[d].workout.targetPace = nil }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.targetPace")
        error = try rejection { $0.weeks[w].days[d].workout.segments[0].targetPace = PaceRange(minSecondsPerKm: 950, maxSecondsPerKm: 1000) }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.segments[0].targetPace")
        error = try rejection { $0.paces.threshold = PaceRange(minSecondsPerKm: 100, maxSecondsPerKm: 103) }
        XCTAssertEqual(error.path, "paces.threshold")
    }

    func testRaceDayNotARace() throws {
        let plan = try plan()
        let (w, d) = find(.race, in: plan)
        var error = try rejection { $0.weeks[w].days[d].workout = $0.weeks[0].days[0].workout }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.type")
        XCTAssertTrue(error.reason.contains("race day"))
        error = try rejection { $0.weeks[w].days[d].workout.distanceMeters = 20_000 }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.distanceMeters")
        error = try rejection { $0.weeks[w - 1].days[d].workout.type = .race }
        XCTAssertEqual(error.path, "weeks[\(w - 1)].days[\(d)].workout.type", "a second race")
    }

    func testPhaseGoingBackwards() throws {
        let plan = try plan()
        let firstBuild = try XCTUnwrap(plan.weeks.firstIndex { $0.phase == .build })
        let error = try rejection { plan in
            plan.weeks[firstBuild + 1].phase = .base
            for d in 0..<7 { plan.weeks[firstBuild + 1].days[d].phase = .base }
        }
        XCTAssertEqual(error.path, "weeks[\(firstBuild + 1)].phase")
        XCTAssertTrue(error.reason.contains("base → build → peak → taper"))
        let mismatch = try rejection { $0.weeks[0].days[4].phase = .taper }
        XCTAssertEqual(mismatch.path, "weeks[0].days[4].phase")
    }

    func testRestDaysAndTrainingDays() throws {
        let plan = try plan()
        let (w, d) = find(.rest, in: plan)
        var error = try rejection { $0.weeks[w].days[d].workout.distanceMeters = 5000 }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.distanceMeters")
        error = try rejection { $0.weeks[w].days[d].workout.targetPace = PaceRange(minSecondsPerKm: 300, maxSecondsPerKm: 330) }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.targetPace")
        // A run moved onto a rest (non-training) day.
        error = try rejection { $0.weeks[w].days[d].workout = $0.weeks[w].days[0].workout }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.type")
        XCTAssertTrue(error.reason.contains("not one of the athlete's training days"))
    }

    func testDistancesAndDurations() throws {
        let plan = try plan()
        let (w, d) = find(.long, in: plan)
        var error = try rejection { $0.weeks[w].days[d].workout.distanceMeters = -1 }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.distanceMeters")
        error = try rejection { $0.weeks[w].days[d].workout.distanceMeters = 150_000; $0.weeks[w].days[d].workout.segments[0].distanceMeters = 150_000 }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.distanceMeters")
        error = try rejection { $0.weeks[w].days[d].workout.durationSeconds *= 1.5 }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.durationSeconds")
        error = try rejection { $0.weeks[w].days[d].workout.distanceMeters += 3000 }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.segments", "the steps no longer add up to the day")
        error = try rejection { $0.weeks[w].days[d].workout.heartRateZone = 7 }
        XCTAssertEqual(error.path, "weeks[\(w)].days[\(d)].workout.heartRateZone")
    }

    func testSegments() throws {
        let plan = try plan()
        let (w, d) = try XCTUnwrap(plan.weeks.indices.lazy.flatMap { w in (0..<7).map { (w, $0) } }
            .first { plan.weeks[$0.0].days[$0.1].workout.type == .threshold && plan.weeks[$0.0].days[$0.1].workout.segments.contains { $0.kind == .repeat } })
        let repeatIndex = try XCTUnwrap(plan.weeks[w].days[d].workout.segments.firstIndex { $0.kind == .repeat })
        let path = "weeks[\(w)].days[\(d)].workout.segments"
        var error = try rejection { $0.weeks[w].days[d].workout.segments[repeatIndex].repeats = 0 }
        XCTAssertEqual(error.path, "\(path)[\(repeatIndex)].repeats")
        error = try rejection { $0.weeks[w].days[d].workout.segments[repeatIndex].repeats = 51 }
        XCTAssertEqual(error.path, "\(path)[\(repeatIndex)].repeats")
        error = try rejection { $0.weeks[w].days[d].workout.segments[repeatIndex].steps![0] = $0.weeks[w].days[d].workout.segments[repeatIndex] }
        XCTAssertEqual(error.path, "\(path)[\(repeatIndex)].steps[0].kind")
        error = try rejection { $0.weeks[w].days[d].workout.segments[0].steps = [$0.weeks[w].days[d].workout.segments[0]] }
        XCTAssertEqual(error.path, "\(path)[0].steps")
        error = try rejection { $0.weeks[w].days[d].workout.segments[0].distanceMeters = nil; $0.weeks[w].days[d].workout.segments[0].durationSeconds = nil }
        XCTAssertEqual(error.path, "\(path)[0].distanceMeters")
        error = try rejection { $0.weeks[w].days[d].workout.segments.removeLast() }
        XCTAssertEqual(error.path, path, "steps no longer add up to the day")
    }

    func testAfterTheRace() throws {
        var late = request
        late.raceDate = start.adding(days: 13 * 7 + 2)   // a Wednesday race: Friday and Saturday follow
        let plan = try BuiltInCoach().generate(late)
        XCTAssertNoThrow(try PlanValidator().validate(plan, for: late))
        var corrupted = plan
        corrupted.weeks[13].days[4].workout = plan.weeks[12].days[0].workout   // a quality session after the race
        XCTAssertThrowsError(try PlanValidator().validate(corrupted, for: late)) { error in
            XCTAssertEqual((error as? PlanValidationError)?.path, "weeks[13].days[4].workout.type")
        }
    }

    func testProblemsListsEverything() throws {
        var plan = try plan()
        plan.weeks[1].days[0].dayIndex = 5
        plan.weeks[2].days[0].workout.targetPace = PaceRange(minSecondsPerKm: 10, maxSecondsPerKm: 20)
        let problems = PlanValidator().problems(in: plan, for: request)
        XCTAssertEqual(problems.map(\.path), ["weeks[1].days[0].dayIndex", "weeks[2].days[0].workout.targetPace"])
    }

    func testUnknownTypesDoNotDecode() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(try plan()), as: UTF8.self)
        let broken = json.replacingOccurrences(of: "\"type\":\"rest\"", with: "\"type\":\"nap\"")
        XCTAssertThrowsError(try JSONDecoder().decode(GeneratedPlan.self, from: Data(broken.utf8)))
        let phase = json.replacingOccurrences(of: "\"phase\":\"base\"", with: "\"phase\":\"offseason\"")
        XCTAssertThrowsError(try JSONDecoder().decode(GeneratedPlan.self, from: Data(phase.utf8)))
    }
}
