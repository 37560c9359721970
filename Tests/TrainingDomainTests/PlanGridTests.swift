import XCTest
import TrainingDomain
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// Property tests: every plan over a grid of distances, plan lengths (a few days to a year), training-day
/// patterns (3 … 7 days), fitness levels (beginner to elite) and with/without a known weekly volume must satisfy
/// `PlanInvariants`. A request the coach refuses for lack of weeks must name a minimum that works, and with
/// `acceptRisk` must still give a sound plan with a warning.
final class PlanGridTests: XCTestCase {
    static let monday = CalendarDate("2026-01-05")!

    /// 5K times from beginner to elite, with a weekly volume typical of each.
    static let fitness: [(fiveK: Double, weeklyKm: Double)] = [(35 * 60, 15), (28 * 60, 25), (22 * 60, 40), (17 * 60, 70), (15 * 60, 110)]

    /// Training-day patterns, 3 … 7 days, with an optional long-run day.
    static let patterns: [(days: [Weekday], long: Weekday?)] = [
        ([.monday, .wednesday, .friday], nil),
        ([.tuesday, .thursday, .saturday], nil),
        ([.wednesday, .saturday, .sunday], .sunday),
        ([.monday, .wednesday, .friday, .saturday], nil),
        ([.tuesday, .thursday, .saturday, .sunday], .saturday),
        ([.monday, .tuesday, .thursday, .friday, .sunday], nil),
        ([.monday, .wednesday, .thursday, .saturday, .sunday], .saturday),
        ([.monday, .tuesday, .wednesday, .thursday, .friday, .sunday], nil),
        ([.tuesday, .wednesday, .thursday, .friday, .saturday, .sunday], nil),
        (Weekday.allCases, nil),
        (Weekday.allCases, .wednesday),
    ]

    /// Builds a request whose start weekday and race weekday vary with `seed`.
    static func request(distance: Double, weeks: Int, pattern: (days: [Weekday], long: Weekday?), fitness: (fiveK: Double, weeklyKm: Double),
                        withVolume: Bool, seed: Int, goal: Double? = nil, acceptRisk: Bool = false) -> PlanRequest {
        let start = monday.adding(days: seed % 7)
        let race = start.adding(days: (weeks - 1) * 7 + (seed / 7) % 7)
        return PlanRequest(
            raceName: "Grid race", raceDate: race, raceDistanceMeters: distance, startDate: start, goalTimeSeconds: goal,
            trainingDays: pattern.days, longRunDay: pattern.long,
            currentWeeklyDistanceMeters: withVolume ? fitness.weeklyKm * 1000 : nil,
            recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: fitness.fiveK), acceptRisk: acceptRisk
        )
    }

    /// Counts over the whole grid run, for the ≥ 1,500 plans target.
    struct Tally { var plans = 0; var refused = 0 }

    @discardableResult
    func runGrid(distance: Double, lengths: [Int], patterns: [(days: [Weekday], long: Weekday?)] = PlanGridTests.patterns,
                 fitness: [(fiveK: Double, weeklyKm: Double)] = PlanGridTests.fitness, file: StaticString = #filePath, line: UInt = #line) throws -> Tally {
        var seed = 0
        var tally = Tally()
        for weeks in lengths {
            for pattern in patterns {
                for level in fitness {
                    for withVolume in [false, true] {
                        seed += 1
                        // A goal a little beyond fitness on every third request, a wild one on every fifth.
                        let predicted = RacePredictor.time(vdot: VDOT.from(distanceMeters: 5000, timeSeconds: level.fiveK), distanceMeters: distance)
                        let wild = predicted * 0.8 / (distance / 1000) >= 155 ? predicted * 0.8 : nil
                        let goal: Double? = seed % 5 == 0 ? wild : seed % 3 == 0 ? predicted * 0.98 : nil
                        var request = Self.request(distance: distance, weeks: weeks, pattern: pattern, fitness: level, withVolume: withVolume, seed: seed, goal: goal)
                        XCTAssertEqual(request.weekCount, weeks)
                        let label = "\(Int(distance)) m, \(weeks) wk, \(pattern.days.map(\.rawValue)), 5K \(level.fiveK) s, volume \(withVolume)"
                        let plan: GeneratedPlan
                        do {
                            plan = try BuiltInCoach().generate(request)
                            if weeks <= 4, request.currentWeeklyDistanceMeters != nil, let required = PlanInvariants.requiredLongRunMeters(raceMeters: distance, easySecondsPerKm: plan.paces.easy.midSecondsPerKm) {
                                // A race a few weeks away is accepted only when the current volume already carries its long run.
                                let current = request.currentWeeklyDistanceMeters ?? 0
                                // (current long run ≈ 30 % of the week, plus at most 2 km or 10 % a week, must reach 80 % of the minimum)
                                let reachable = 0.3 * current * pow(1.1, Double(weeks - 1)) + 2_000 * Double(weeks - 1)
                                XCTAssertGreaterThanOrEqual(reachable, 0.8 * required - 1_000, "\(label): accepted a short lead on \(current) m a week", file: file, line: line)
                            } else if weeks > 4, let required = PlanInvariants.requiredLongRunMeters(raceMeters: distance, easySecondsPerKm: plan.paces.easy.midSecondsPerKm) {
                                let longest = longestBeforeTaper(plan)
                                XCTAssertTrue(longest >= required - 1_000 || plan.warnings.contains { $0.contains("running days the long run only reaches") },
                                              "\(label): longest long run \(longest) m below \(required) m without a warning", file: file, line: line)
                                if Set(pattern.days).count >= 5 { XCTAssertGreaterThanOrEqual(longest, required - 1_000, label, file: file, line: line) }
                            }
                        } catch {
                            tally.refused += 1
                            XCTAssertEqual(error.kind, .notEnoughWeeks, "\(label): \(error)", file: file, line: line)
                            XCTAssertNotNil(PlanInvariants.requiredLongRunMeters(raceMeters: distance, easySecondsPerKm: 300), "\(label): only long races are refused for time")
                            if let minimum = error.minimumWeeks, let start = error.suggestedStartDate {
                                XCTAssertGreaterThan(minimum, weeks, file: file, line: line)
                                var later = request
                                later.startDate = start
                                XCTAssertEqual(later.weekCount, minimum, file: file, line: line)
                                XCTAssertNoThrow(try BuiltInCoach().generate(later), "\(label): the suggested start \(start) must work", file: file, line: line)
                            }
                            request.acceptRisk = true
                            plan = try BuiltInCoach().generate(request)
                            XCTAssertTrue(plan.warnings.contains { $0.hasPrefix("Risky plan") }, label, file: file, line: line)
                        }
                        let problems = PlanInvariants.check(plan, request)
                        XCTAssertTrue(problems.isEmpty, "\(label): \(problems.prefix(5))", file: file, line: line)
                        tally.plans += 1
                    }
                }
            }
        }
        XCTAssertEqual(tally.plans, lengths.count * patterns.count * fitness.count * 2)
        return tally
    }

    /// The longest long run before the taper, metres.
    func longestBeforeTaper(_ plan: GeneratedPlan) -> Double {
        plan.weeks.filter { $0.phase != .taper }.flatMap(\.days).map(\.workout).filter { $0.type == .long }.map(\.distanceMeters).max() ?? 0
    }

    func testFiveKGrid() throws { try runGrid(distance: 5000, lengths: [1, 3, 9, 16, 30]) }
    func testTenKGrid() throws { try runGrid(distance: 10000, lengths: [2, 6, 12, 20, 40]) }
    func testHalfMarathonGrid() throws { try runGrid(distance: 21097.5, lengths: [3, 8, 16, 24, 44]) }
    func testMarathonGrid() throws { try runGrid(distance: 42195, lengths: [3, 8, 12, 18, 30, 52]) }

    func testUltraFiftyK() throws {
        try runGrid(distance: 50000, lengths: [16, 24, 36], patterns: Array(Self.patterns.suffix(6)), fitness: Array(Self.fitness.suffix(3)))
    }

    func testOddDistances() throws {
        let few = [Self.patterns[0], Self.patterns[3], Self.patterns[5], Self.patterns[9]]
        try runGrid(distance: 3000, lengths: [4, 12], patterns: few)
        try runGrid(distance: 15000, lengths: [6, 20], patterns: few)
        try runGrid(distance: 100_000, lengths: [16, 36], patterns: Array(few.suffix(3)), fitness: Array(Self.fitness.suffix(2)))
    }

    /// Extremes: a 50-minute and a 14-minute 5K runner, 3 and 7 days, short to long races.
    func testExtremeFitness() throws {
        let extremes: [(fiveK: Double, weeklyKm: Double)] = [(50 * 60, 8), (14 * 60, 130)]
        try runGrid(distance: 5000, lengths: [4, 20], patterns: [Self.patterns[0], Self.patterns[9]], fitness: extremes)
        try runGrid(distance: 42_195, lengths: [12, 30], patterns: [Self.patterns[0], Self.patterns[9]], fitness: extremes)
        try runGrid(distance: 100_000, lengths: [16, 36], patterns: [Self.patterns[9]], fitness: extremes)
    }

    /// Ultras: long runs by time, back-to-back long runs, no interval-heavy weeks.
    func testUltraShape() throws {
        let request = Self.request(distance: 50000, weeks: 24, pattern: (Weekday.allCases, nil), fitness: Self.fitness[2], withVolume: true, seed: 0)
        let plan = try BuiltInCoach().generate(request)
        let workouts = plan.weeks.flatMap(\.days).map(\.workout)
        XCTAssertTrue(workouts.contains { $0.type == .long && $0.title.contains(" h ") }, "long runs are given by time")
        let weeksWithBackToBack = plan.weeks.filter { week in
            zip(week.days, week.days.dropFirst()).contains { $0.workout.type == .long && $1.workout.type == .long }
        }
        XCTAssertGreaterThan(weeksWithBackToBack.count, 5)
        XCTAssertLessThanOrEqual(workouts.filter { $0.type == .intervals }.count, 6, "ultra plans are not interval-heavy")
    }

    /// Three days a week: long run plus one quality session (a beginner's week), never back to back.
    func testThreeDayWeeks() throws {
        let request = Self.request(distance: 21097.5, weeks: 16, pattern: Self.patterns[0], fitness: Self.fitness[2], withVolume: false, seed: 0)
        let plan = try BuiltInCoach().generate(request)
        for week in plan.weeks where week.phase == .build || week.phase == .peak {
            let runs = week.days.map(\.workout).filter { $0.type != .rest }
            XCTAssertEqual(runs.count, 3)
            XCTAssertEqual(runs.filter { $0.type == .long }.count, 1)
            XCTAssertEqual(runs.filter(PlanInvariants.isQuality).count, 1)
        }
    }

    /// Race week: a sharpener a few days out, shakeout or rest the day before, rest/recovery after a mid-week race.
    func testRaceWeekAndPostRace() throws {
        let start = Self.monday
        let request = PlanRequest(
            raceName: "City Marathon", raceDate: start.adding(days: 17 * 7 + 2), raceDistanceMeters: 42195, startDate: start,
            trainingDays: Weekday.allCases, recentRace: RacePerformance(distanceMeters: 10000, timeSeconds: 45 * 60)
        )
        let plan = try BuiltInCoach().generate(request)
        let days = plan.weeks.flatMap(\.days)
        let raceIndex = start.days(to: request.raceDate)
        XCTAssertEqual(days[raceIndex].workout.type, .race)
        XCTAssertEqual(days[raceIndex - 1].workout.type, .easy)
        XCTAssertLessThanOrEqual(days[raceIndex - 1].workout.durationSeconds, 25 * 60)
        XCTAssertTrue((raceIndex - 5...raceIndex - 2).contains { days[$0].workout.type.isQuality }, "a sharpener in race week")
        for index in raceIndex + 1..<days.count {
            XCTAssertTrue([.rest, .recovery].contains(days[index].workout.type))
        }
        XCTAssertEqual(days[raceIndex + 1].workout.type, .rest)
    }
}
