/// A complete training plan: whole weeks from the start date through the race week, plus the paces and numbers behind it.
public struct GeneratedPlan: Sendable, Hashable, Codable {
    /// The weeks in order, `weekIndex` 0, 1, 2 …
    public var weeks: [GeneratedWeek]
    /// The paces the plan's workouts use.
    public var paces: TrainingPaces
    /// The athlete's current VDOT (from the recent race), nil when no race was given.
    public var vdot: Double?
    /// The goal finishing time in seconds (the requested goal, or the prediction when none was asked).
    public var goalTimeSeconds: Double
    /// The time the plan prepares for, in seconds: the goal when it is realistic for current fitness plus a
    /// realistic gain over the weeks available, else that realistic time (and a warning says so). Race day's
    /// pace and every race-pace session use it.
    public var targetTimeSeconds: Double
    /// What current fitness predicts for the race, in seconds; nil when fitness is unknown.
    public var predictedTimeSeconds: Double?
    /// Things the athlete should know (an ambitious goal, a volume jump, a short long run …).
    public var warnings: [String]

    /// Creates a plan; `targetTimeSeconds` nil means the goal.
    public init(
        weeks: [GeneratedWeek], paces: TrainingPaces, vdot: Double?, goalTimeSeconds: Double, targetTimeSeconds: Double? = nil,
        predictedTimeSeconds: Double?, warnings: [String]
    ) {
        self.weeks = weeks
        self.paces = paces
        self.vdot = vdot
        self.goalTimeSeconds = goalTimeSeconds
        self.targetTimeSeconds = targetTimeSeconds ?? goalTimeSeconds
        self.predictedTimeSeconds = predictedTimeSeconds
        self.warnings = warnings
    }
}
