/// One planned day; its date is `startDate + 7 × weekIndex + dayIndex` (dates are not stored).
public struct GeneratedDay: Sendable, Hashable, Codable {
    /// The week the day belongs to.
    public var weekIndex: Int
    /// The day within the week, 0 … 6.
    public var dayIndex: Int
    /// The training phase of the day.
    public var phase: TrainingPhase
    /// What to do that day.
    public var workout: PlannedWorkout

    /// Creates a day.
    public init(weekIndex: Int, dayIndex: Int, phase: TrainingPhase, workout: PlannedWorkout) {
        self.weekIndex = weekIndex
        self.dayIndex = dayIndex
        self.phase = phase
        self.workout = workout
    }
}
