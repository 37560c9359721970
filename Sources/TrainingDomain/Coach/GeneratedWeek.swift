/// One week of a plan: exactly seven days, day index 0 being the plan start's weekday.
public struct GeneratedWeek: Sendable, Hashable, Codable {
    /// The week's position in the plan, from 0.
    public var weekIndex: Int
    /// The training phase of the week.
    public var phase: TrainingPhase
    /// The seven days, `dayIndex` 0 … 6.
    public var days: [GeneratedDay]

    /// Creates a week.
    public init(weekIndex: Int, phase: TrainingPhase, days: [GeneratedDay]) {
        self.weekIndex = weekIndex
        self.phase = phase
        self.days = days
    }

    /// The week's running distance in metres, race day excluded.
    public var trainingDistanceMeters: Double {
        days.filter { $0.workout.type != .race }.reduce(0) { $0 + $1.workout.distanceMeters }
    }
}
