/// A recorded run considered as a race-like effort: the facts the prediction needs and reports as its source.
public struct RaceEffort: Codable, Hashable, Sendable {
    /// The activity's id.
    public var activityId: String
    /// The run's local date.
    public var date: CalendarDate
    /// Distance in metres.
    public var distanceMeters: Double
    /// Moving time in seconds (elapsed time when the source gave no moving time).
    public var movingSeconds: Double

    /// Creates an effort.
    public init(activityId: String, date: CalendarDate, distanceMeters: Double, movingSeconds: Double) {
        self.activityId = activityId
        self.date = date
        self.distanceMeters = distanceMeters
        self.movingSeconds = movingSeconds
    }
}

/// A run the prediction may pick: its effort and the two facts that make it race-like.
public struct RaceEffortCandidate: Hashable, Sendable {
    /// The run's distance and time.
    public var effort: RaceEffort
    /// The run's average heart rate in bpm, when recorded.
    public var averageHeartRate: Double?
    /// Whether the run executed a planned race day.
    public var isRaceDay: Bool

    /// Creates a candidate.
    public init(effort: RaceEffort, averageHeartRate: Double?, isRaceDay: Bool) {
        self.effort = effort
        self.averageHeartRate = averageHeartRate
        self.isRaceDay = isRaceDay
    }

    /// The candidate for a recorded run, or nil when `activity` is not a run.
    public init?(activity: Activity, isRaceDay: Bool) {
        guard activity.isRun else { return nil }
        self.init(
            effort: RaceEffort(
                activityId: activity.id, date: activity.localDate, distanceMeters: activity.distanceMeters,
                movingSeconds: TrainingLoadCalculator.duration(moving: activity.movingSeconds, elapsed: activity.elapsedSeconds)
            ),
            averageHeartRate: activity.averageHeartRate, isRaceDay: isRaceDay
        )
    }
}
