/// One day of a plan: its place in the plan, its computed date, its phase and its workout.
public struct PlannedDay: Codable, Hashable, Sendable, Identifiable {
    /// The planned day's id; kept when the plan is regenerated, so executions keep their link.
    public var id: String
    /// The plan it belongs to.
    public var trainingPlanId: String
    /// Week number from 0.
    public var weekIndex: Int
    /// Day of the week from the plan's start, 0 … 6.
    public var dayIndex: Int
    /// `startDate + 7 × weekIndex + dayIndex`.
    public var date: CalendarDate
    /// The training phase.
    public var phase: TrainingPhase
    /// The complete workout.
    public var plannedData: PlannedWorkout
    /// The plan revision this day last changed in (generation is 1).
    public var revision: Int

    public init(
        id: String, trainingPlanId: String, weekIndex: Int, dayIndex: Int, date: CalendarDate, phase: TrainingPhase, plannedData: PlannedWorkout,
        revision: Int = 1
    ) {
        self.revision = revision
        self.id = id
        self.trainingPlanId = trainingPlanId
        self.weekIndex = weekIndex
        self.dayIndex = dayIndex
        self.date = date
        self.phase = phase
        self.plannedData = plannedData
    }
}
