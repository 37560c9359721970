import TrainingDomain

/// Real plans from the built-in coach, with the ids and dates a stored plan would give their days.
struct SamplePlan {
    /// The plan's name.
    var name: String
    /// The plan's id.
    var id: String
    /// What the coach was asked.
    var request: PlanRequest
    /// What the coach generated.
    var generated: GeneratedPlan
    /// Every day, with a stable id and its date (`startDate + 7 × week + day`).
    var days: [PlannedDay]

    /// Generates the plan for `request`.
    init(name: String, id: String, request: PlanRequest) throws {
        self.name = name
        self.id = id
        self.request = request
        generated = try BuiltInCoach().generate(request)
        days = generated.weeks.flatMap(\.days).map { day in
            PlannedDay(
                id: "\(id)-w\(day.weekIndex)d\(day.dayIndex)", trainingPlanId: id, weekIndex: day.weekIndex, dayIndex: day.dayIndex,
                date: request.startDate.adding(days: 7 * day.weekIndex + day.dayIndex), phase: day.phase, plannedData: day.workout
            )
        }
    }

    /// An 18-week marathon plan, five runs a week, from a 45-minute 10K.
    static func marathon() throws -> SamplePlan {
        try SamplePlan(name: "Berlin Marathon 2026", id: "plan-berlin", request: PlanRequest(
            raceName: "Berlin Marathon", raceDate: date("2026-09-27"), raceDistanceMeters: 42_195, startDate: date("2026-05-25"),
            goalTimeSeconds: 3 * 3600 + 25 * 60, trainingDays: [.monday, .tuesday, .thursday, .saturday, .sunday],
            currentWeeklyDistanceMeters: 40_000, recentRace: RacePerformance(distanceMeters: 10_000, timeSeconds: 45 * 60)
        ))
    }

    /// A 10-week 5K plan, four runs a week (hills, intervals and strides).
    static func fiveK() throws -> SamplePlan {
        try SamplePlan(name: "Parkrun PB", id: "plan-5k", request: PlanRequest(
            raceName: "Parkrun \"PB\" attempt; <fast>", raceDate: date("2026-08-15"), raceDistanceMeters: 5_000, startDate: date("2026-06-08"),
            trainingDays: [.tuesday, .thursday, .saturday, .sunday], recentRace: RacePerformance(distanceMeters: 5_000, timeSeconds: 22 * 60 + 30)
        ))
    }

    /// A 12-week half-marathon plan, six runs a week.
    static func half() throws -> SamplePlan {
        try SamplePlan(name: "Half in Lisbon", id: "plan-half", request: PlanRequest(
            raceName: "Lisbon Half", raceDate: date("2026-10-18"), raceDistanceMeters: 21_097.5, startDate: date("2026-07-27"),
            trainingDays: [.monday, .tuesday, .wednesday, .friday, .saturday, .sunday], currentWeeklyDistanceMeters: 50_000,
            recentRace: RacePerformance(distanceMeters: 10_000, timeSeconds: 41 * 60)
        ))
    }

    /// All sample plans.
    static func all() throws -> [SamplePlan] { [try marathon(), try fiveK(), try half()] }

    private static func date(_ text: String) -> CalendarDate {
        guard let date = CalendarDate(text) else { preconditionFailure("bad test date \(text)") }
        return date
    }
}
