import TrainingDomain

/// Everything the HTML report shows, gathered by the caller: the plan header, its weeks and days, fitness and the coming week.
public struct PlanReport: Hashable, Sendable {
    /// The plan and its race.
    public var header: PlanReportHeader
    /// The weeks in order, planned against executed.
    public var weeks: [PlanReportWeek]
    /// Every day of the plan, in date order.
    public var days: [PlanReportDay]
    /// Fitness, fatigue and form by date; empty when training load is not known.
    public var fitness: [PlanReportFitnessPoint]
    /// The workouts of the coming seven days.
    public var comingWeek: [PlanReportComingDay]
    /// The day the report is made for; days from it on are the future. Nil leaves no day marked as today.
    public var today: CalendarDate?

    /// Creates a report.
    public init(
        header: PlanReportHeader, weeks: [PlanReportWeek], days: [PlanReportDay], fitness: [PlanReportFitnessPoint] = [],
        comingWeek: [PlanReportComingDay] = [], today: CalendarDate? = nil
    ) {
        self.header = header
        self.weeks = weeks
        self.days = days
        self.fitness = fitness
        self.comingWeek = comingWeek
        self.today = today
    }
}

/// The plan and race at the top of the report.
public struct PlanReportHeader: Hashable, Sendable {
    /// The plan's name.
    public var planName: String
    /// The race's name.
    public var raceName: String
    /// Race day.
    public var raceDate: CalendarDate
    /// The race distance in metres.
    public var raceDistanceMeters: Double
    /// The goal finishing time in seconds, when there is one.
    public var goalTimeSeconds: Double?
    /// What current fitness predicts for the race, in seconds, when known.
    public var predictedTimeSeconds: Double?
    /// The plan's training paces, when known.
    public var paces: TrainingPaces?

    /// Creates a header.
    public init(
        planName: String, raceName: String, raceDate: CalendarDate, raceDistanceMeters: Double, goalTimeSeconds: Double? = nil,
        predictedTimeSeconds: Double? = nil, paces: TrainingPaces? = nil
    ) {
        self.planName = planName
        self.raceName = raceName
        self.raceDate = raceDate
        self.raceDistanceMeters = raceDistanceMeters
        self.goalTimeSeconds = goalTimeSeconds
        self.predictedTimeSeconds = predictedTimeSeconds
        self.paces = paces
    }
}

/// One week's bar: planned against executed distance, coloured by phase.
public struct PlanReportWeek: Hashable, Sendable {
    /// Week number from 0.
    public var weekIndex: Int
    /// The week's first date.
    public var startDate: CalendarDate
    /// The week's phase, when known.
    public var phase: TrainingPhase?
    /// Planned distance in metres.
    public var plannedDistanceMeters: Double
    /// Executed distance in metres.
    public var executedDistanceMeters: Double

    /// Creates a week.
    public init(weekIndex: Int, startDate: CalendarDate, phase: TrainingPhase?, plannedDistanceMeters: Double, executedDistanceMeters: Double) {
        self.weekIndex = weekIndex
        self.startDate = startDate
        self.phase = phase
        self.plannedDistanceMeters = plannedDistanceMeters
        self.executedDistanceMeters = executedDistanceMeters
    }

    /// The week of a plan's progress (`plan.progress`'s weeks).
    public init(_ progress: WeekProgress) {
        self.init(
            weekIndex: progress.weekIndex, startDate: progress.startDate, phase: progress.phase,
            plannedDistanceMeters: progress.plannedDistanceMeters, executedDistanceMeters: progress.executedDistanceMeters
        )
    }
}

/// One day's cell in the calendar grid.
public struct PlanReportDay: Hashable, Sendable {
    /// The day's date.
    public var date: CalendarDate
    /// The workout's title.
    public var title: String
    /// The kind of day.
    public var type: WorkoutType
    /// Planned distance in metres.
    public var plannedDistanceMeters: Double
    /// The compliance colour of what was done: green, yellow, red, grey for missed; nil for the future and rest days.
    public var compliance: ComplianceColor?

    /// Creates a day.
    public init(date: CalendarDate, title: String, type: WorkoutType, plannedDistanceMeters: Double, compliance: ComplianceColor?) {
        self.date = date
        self.title = title
        self.type = type
        self.plannedDistanceMeters = plannedDistanceMeters
        self.compliance = compliance
    }
}

/// Training load on one day: fitness (chronic load), fatigue (acute load) and form (their difference).
public struct PlanReportFitnessPoint: Hashable, Sendable {
    /// The day.
    public var date: CalendarDate
    /// Fitness (chronic training load).
    public var fitness: Double
    /// Fatigue (acute training load).
    public var fatigue: Double
    /// Form (fitness − fatigue).
    public var form: Double

    /// Creates a point.
    public init(date: CalendarDate, fitness: Double, fatigue: Double, form: Double) {
        self.date = date
        self.fitness = fitness
        self.fatigue = fatigue
        self.form = form
    }
}

/// One of the coming week's workouts.
public struct PlanReportComingDay: Hashable, Sendable {
    /// The day.
    public var date: CalendarDate
    /// The planned workout.
    public var workout: PlannedWorkout

    /// Creates a coming day.
    public init(date: CalendarDate, workout: PlannedWorkout) {
        self.date = date
        self.workout = workout
    }
}
