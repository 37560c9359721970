import XCTest
import TrainingDomain

/// Property tests: every plan over a grid of distances, plan lengths, training-day patterns, fitness levels
/// and with/without a known weekly volume must satisfy `PlanInvariants`.
final class PlanGridTests: XCTestCase {
    static let monday = CalendarDate("2026-01-05")!

    /// 5K times from beginner to advanced, with a weekly volume typical of each.
    static let fitness: [(fiveK: Double, weeklyKm: Double)] = [(35 * 60, 15), (28 * 60, 25), (22 * 60, 40), (17 * 60, 70)]

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
                        withVolume: Bool, seed: Int, goal: Double? = nil) -> PlanRequest {
        let start = monday.adding(days: seed % 7)
        let race = start.adding(days: (weeks - 1) * 7 + (seed / 7) % 7)
        return PlanRequest(
            raceName: "Grid race", raceDate: race, raceDistanceMeters: distance, startDate: start, goalTimeSeconds: goal,
            trainingDays: pattern.days, longRunDay: pattern.long,
            currentWeeklyDistanceMeters: withVolume ? fitness.weeklyKm * 1000 : nil,
            recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: fitness.fiveK)
        )
    }

    func runGrid(distance: Double, lengths: [Int], patterns: [(days: [Weekday], long: Weekday?)] = PlanGridTests.patterns,
                 fitness: [(fiveK: Double, weeklyKm: Double)] = PlanGridTests.fitness, file: StaticString = #filePath, line: UInt = #line) throws {
        var seed = 0
        var plans = 0
        for weeks in lengths {
            for pattern in patterns {
                for level in fitness {
                    for withVolume in [false, true] {
                        seed += 1
                        let request = Self.request(distance: distance, weeks: weeks, pattern: pattern, fitness: level, withVolume: withVolume, seed: seed)
                        XCTAssertEqual(request.weekCount, weeks)
                        let plan = try BuiltInCoach().generate(request)
                        let problems = PlanInvariants.check(plan, request)
                        XCTAssertTrue(problems.isEmpty, "\(Int(distance)) m, \(weeks) wk, \(pattern.days.map(\.rawValue)), 5K \(level.fiveK) s, volume \(withVolume): \(problems.prefix(5))", file: file, line: line)
                        plans += 1
                    }
                }
            }
        }
        XCTAssertEqual(plans, lengths.count * patterns.count * fitness.count * 2)
    }

    func testFiveKGrid() throws { try runGrid(distance: 5000, lengths: [4, 11, 20]) }
    func testTenKGrid() throws { try runGrid(distance: 10000, lengths: [6, 13, 20]) }
    func testHalfMarathonGrid() throws { try runGrid(distance: 21097.5, lengths: [8, 16, 24]) }
    func testMarathonGrid() throws { try runGrid(distance: 42195, lengths: [12, 18, 30]) }

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
        XCTAssertLessThanOrEqual(workouts.filter { $0.type == .intervals }.count, 3, "ultra plans are not interval-heavy")
    }

    /// Three days a week: long run plus one or two quality sessions, never back to back.
    func testThreeDayWeeks() throws {
        let request = Self.request(distance: 21097.5, weeks: 16, pattern: Self.patterns[0], fitness: Self.fitness[2], withVolume: false, seed: 0)
        let plan = try BuiltInCoach().generate(request)
        for week in plan.weeks where week.phase == .build || week.phase == .peak {
            let runs = week.days.map(\.workout).filter { $0.type != .rest }
            XCTAssertEqual(runs.count, 3)
            XCTAssertEqual(runs.filter { $0.type == .long }.count, 1)
            XCTAssertTrue((1...2).contains(runs.filter(PlanInvariants.isQuality).count))
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
