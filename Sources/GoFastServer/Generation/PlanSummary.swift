import TrainingDomain

/// The result of `plan.generate` and `plan.regenerate`: the plan, its race, the paces, a week-by-week summary and warnings.
struct PlanGenerationResult: Encodable {
    var plan: TrainingPlan
    var race: Race
    var paces: TrainingPaces
    var vdot: Double?
    /// The goal asked for (or the prediction when none was asked).
    var goalTimeSeconds: Double
    /// What the plan's race-pace work and race day aim at: the goal when realistic, else the realistic time.
    var targetTimeSeconds: Double
    var predictedTimeSeconds: Double?
    var generator: String
    var weeks: [WeekSummary]
    var warnings: [String]
}

/// One week of a generated plan at a glance.
struct WeekSummary: Encodable {
    var weekIndex: Int
    var startDate: CalendarDate
    var phase: TrainingPhase
    var distanceMeters: Double
    var durationSeconds: Double
    var longRunMeters: Double
    var runDays: Int
    var keySessions: [String]

    init(week: GeneratedWeek, startDate: CalendarDate) {
        self.weekIndex = week.weekIndex
        self.startDate = startDate
        self.phase = week.phase
        let workouts = week.days.map(\.workout)
        self.distanceMeters = workouts.reduce(0) { $0 + $1.distanceMeters }
        self.durationSeconds = workouts.reduce(0) { $0 + $1.durationSeconds }
        self.longRunMeters = workouts.filter { $0.type == .long }.map(\.distanceMeters).max() ?? 0
        self.runDays = workouts.filter { $0.type.isRun }.count
        self.keySessions = workouts.filter { $0.type.isQuality || $0.type == .race || $0.type == .long }.map(\.title)
    }
}
