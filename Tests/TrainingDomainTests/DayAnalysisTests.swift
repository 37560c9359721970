import XCTest
@testable import TrainingDomain

/// The rules the store used to decide itself, as pure functions: the match decision, the day's main entry, the
/// analyses of a day with several entries, and the scope of a regeneration.
final class DayAnalysisTests: XCTestCase {
    let easyPace = PaceRange(minSecondsPerKm: 330, maxSecondsPerKm: 370)
    let start = CalendarDate("2027-01-04")!

    func easy(_ meters: Double) -> PlannedWorkout {
        PlannedWorkout(type: .easy, title: "Easy", description: "", distanceMeters: meters, durationSeconds: meters / 1000 * 350,
                       targetPace: easyPace, segments: [WorkoutSegment(kind: .steady, distanceMeters: meters, targetPace: easyPace)])
    }

    func run(_ id: String, meters: Double, sport: String = "running", on date: CalendarDate) -> Activity {
        Activity(id: id, athleteId: "a", source: "test", externalId: id, sport: sport, startTime: "\(date)T07:00:00Z", startEpochSeconds: 0,
                 utcOffsetSeconds: 0, localDate: date, elapsedSeconds: meters / 1000 * 350, movingSeconds: meters / 1000 * 350,
                 distanceMeters: meters, averageHeartRate: nil, maxHeartRate: nil, elevationGainMeters: nil, laps: [], heartRateSamples: [],
                 createdAt: "x")
    }

    func plan(weeks: Int) -> TrainingPlan {
        TrainingPlan(id: "p", athleteId: "a", name: "P", goalTimeSeconds: nil, startDate: start, status: .active,
                     preferredDays: [.tuesday, .thursday, .sunday], weekCount: weeks, createdAt: "x", updatedAt: "x")
    }

    // MARK: - Match decision

    func testARunOnAPlannedDayExecutesIt() {
        let day = PlannedDay(id: "d", trainingPlanId: "p", weekIndex: 0, dayIndex: 1, date: start.adding(days: 1), phase: .base, plannedData: easy(8000))
        XCTAssertEqual(ActivityMatching.decide(activity: run("r", meters: 8000, on: day.date), activePlan: plan(weeks: 4), plannedDay: day), .execute(day))
    }

    /// Each unmatched case is a typed reason whose text says why (the text is what replies show).
    func testEachUnmatchedCaseSaysWhy() {
        func reason(_ activity: Activity, plan: TrainingPlan?) -> UnmatchedReason? {
            guard case .unmatched(let reason) = ActivityMatching.decide(activity: activity, activePlan: plan, plannedDay: nil) else { return nil }
            return reason
        }
        let before = run("r", meters: 8000, on: start.adding(days: -1))
        XCTAssertEqual(reason(before, plan: plan(weeks: 4)), .beforePlan(date: CalendarDate("2027-01-03")!, planStart: start))
        XCTAssertEqual(reason(before, plan: plan(weeks: 4))?.description, "2027-01-03 is before the plan starts (2027-01-04)")
        let after = run("r", meters: 8000, on: start.adding(days: 28))
        XCTAssertEqual(reason(after, plan: plan(weeks: 4))?.description, "2027-02-01 is after the plan ends (2027-01-31)")
        XCTAssertEqual(reason(after, plan: nil)?.description, "the athlete has no active plan")
        let ride = run("r", meters: 30000, sport: "cycling", on: start)
        XCTAssertEqual(reason(ride, plan: plan(weeks: 4))?.description, "cycling is not running: stored, not matched to the running plan")
        // A draft (no weeks yet) has no range: the reason names the date.
        XCTAssertEqual(reason(before, plan: plan(weeks: 0))?.description, "no planned day on 2027-01-03")
        XCTAssertEqual(UnmatchedReason.autoMatchOff.description, "autoMatch is false")
        XCTAssertEqual(UnmatchedReason.alreadyKnown.description, "already known; not matched (call activity.match)")
    }

    // MARK: - Main entry and day analysis

    func testTheMainEntryIsTheOneClosestToThePlanAndTheEarliestOnATie() {
        let entries = [
            DayEntry(executionId: "warm-up", actual: ActualWorkout(distanceMeters: 2000, durationSeconds: 700), sport: "running", countsAsRunning: true),
            DayEntry(executionId: "main", actual: ActualWorkout(distanceMeters: 10_000, durationSeconds: 3500), sport: "running", countsAsRunning: true),
            DayEntry(executionId: "twin", actual: ActualWorkout(distanceMeters: 10_000, durationSeconds: 3500), sport: "running", countsAsRunning: true),
        ]
        XCTAssertEqual(DayAnalysis.mainEntry(of: entries, planned: easy(12_000))?.executionId, "main")
        XCTAssertNil(DayAnalysis.mainEntry(of: entries, planned: nil))
    }

    func testAWarmUpAndARunMakeACompletedDayAndTheWarmUpIsAnExtra() {
        let entries = [
            DayEntry(executionId: "warm-up", actual: ActualWorkout(distanceMeters: 2000, durationSeconds: 700), sport: "running", countsAsRunning: true),
            DayEntry(executionId: "main", actual: ActualWorkout(distanceMeters: 10_000, durationSeconds: 3500), sport: "running", countsAsRunning: true),
        ]
        let analyses = DayAnalysis.analyze(entries: entries, planned: easy(12_000), maxHeartRate: nil)
        XCTAssertEqual(analyses["main"]?.verdict, .completed, "2 + 10 km of a planned 12 km")
        XCTAssertEqual(analyses["main"]?.distanceRatio ?? 0, 1.0, accuracy: 0.001)
        XCTAssertEqual(analyses["warm-up"]?.verdict, .unplanned)
        XCTAssertTrue(analyses["warm-up"]?.summary.hasPrefix("Extra run") == true)
    }

    func testARideLinkedToARunDayIsNotRunningVolume() {
        let entries = [
            DayEntry(executionId: "run", actual: ActualWorkout(distanceMeters: 6000, durationSeconds: 2100), sport: "running", countsAsRunning: true),
            DayEntry(executionId: "ride", actual: ActualWorkout(distanceMeters: 40_000, durationSeconds: 5400), sport: "cycling", countsAsRunning: false),
        ]
        let analyses = DayAnalysis.analyze(entries: entries, planned: easy(12_000), maxHeartRate: nil)
        XCTAssertEqual(analyses["run"]?.verdict, .partial, "the ride does not fill the run")
        XCTAssertEqual(analyses["ride"]?.summary, "A cycling activity: not counted against the running workout of the day.")
    }

    // MARK: - Regeneration scope

    func request(weeksFromStart: Int, distance: Double, weekly: Double?) -> PlanRequest {
        PlanRequest(raceName: "R", raceDate: start.adding(days: 7 * weeksFromStart - 1), raceDistanceMeters: distance, startDate: start,
                    trainingDays: [.tuesday, .thursday, .saturday, .sunday], currentWeeklyDistanceMeters: weekly,
                    recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 1380))
    }

    func testANewVolumePlansTheRemainingWeeksWhenTheyAreEnough() {
        let whole = request(weeksFromStart: 20, distance: 21_097.5, weekly: 20_000)
        let scope = RegenerationScope(plan: whole, fromDate: start.adding(days: 7 * 4 + 2))
        XCTAssertEqual(scope.weekOffset, 4)
        XCTAssertEqual(scope.request.startDate, start.adding(days: 28))
        XCTAssertNil(scope.warning)
        XCTAssertNil(scope.request.admissionProblem)
    }

    func testTooFewWeeksLeftIsDecidedByTheRuleBeforeAnyGeneration() {
        let whole = request(weeksFromStart: 12, distance: 21_097.5, weekly: 20_000)
        XCTAssertNil(whole.admissionProblem)
        let fromDate = start.adding(days: 7 * 9)
        var tail = whole
        tail.startDate = fromDate
        XCTAssertNotNil(tail.admissionProblem, "3 weeks is too short for a half-marathon plan")
        let scope = RegenerationScope(plan: whole, fromDate: fromDate)
        XCTAssertEqual(scope.weekOffset, 0)
        XCTAssertEqual(scope.request, whole)
        XCTAssertEqual(scope.warning?.hasPrefix("Only 3 weeks are left"), true)
    }

    func testWithoutANewVolumeTheWholePlanIsTheScope() {
        let whole = request(weeksFromStart: 20, distance: 21_097.5, weekly: nil)
        let scope = RegenerationScope(plan: whole, fromDate: start.adding(days: 40))
        XCTAssertEqual(scope.request, whole)
        XCTAssertNil(scope.warning)
    }

    func testPlacedWeeksFollowTheKeptOnes() throws {
        let whole = request(weeksFromStart: 20, distance: 21_097.5, weekly: 20_000)
        let scope = RegenerationScope(plan: whole, fromDate: start.adding(days: 7 * 4))
        let generated = try BuiltInCoach().generate(scope.request)
        let placed = scope.placed(generated)
        XCTAssertEqual(placed.weeks.first?.weekIndex, 4)
        XCTAssertEqual(placed.weeks.last?.weekIndex, 19)
        XCTAssertTrue(placed.weeks.allSatisfy { week in week.days.allSatisfy { $0.weekIndex == week.weekIndex } })
    }

    func testTheUsualLongRunDayIsTheMostCommonOne() {
        let long = PlannedWorkout(type: .long, title: "Long", description: "", distanceMeters: 16000, durationSeconds: 6000, targetPace: easyPace, segments: [])
        let workouts = [long, long, easy(5000), long]
        XCTAssertEqual(RegenerationScope.usualLongRunDay(of: workouts, on: [.saturday, .saturday, .saturday, .sunday], trainingDays: [.tuesday, .saturday, .sunday]), .saturday)
        XCTAssertNil(RegenerationScope.usualLongRunDay(of: workouts, on: [.saturday, .saturday, .saturday, .sunday], trainingDays: [.tuesday, .sunday]),
                     "a day that is no longer a training day is not kept")
    }
}
