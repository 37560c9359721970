/// One execution of a planned day as the day's analysis sees it: what was done, and whether it counts as running.
public struct DayEntry: Hashable, Sendable {
    /// The executed day's id.
    public var executionId: String
    /// What was done (an activity's values, or a manual entry's).
    public var actual: ActualWorkout
    /// The activity's sport; nil for a manual entry.
    public var sport: String?
    /// Runs and manual entries count toward the day; another sport linked by hand is not running volume.
    public var countsAsRunning: Bool
    /// The entry's training load, carried into its analysis.
    public var trainingLoad: TrainingLoad?

    /// Creates an entry.
    public init(executionId: String, actual: ActualWorkout, sport: String?, countsAsRunning: Bool, trainingLoad: TrainingLoad? = nil) {
        self.trainingLoad = trainingLoad
        self.executionId = executionId
        self.actual = actual
        self.sport = sport
        self.countsAsRunning = countsAsRunning
    }
}

/// The analysis of every execution of one planned day: the main entry against the plan with the day's total volume,
/// the other runs as extras, other sports as not counted. Pure: the store loads the entries and writes the results.
public enum DayAnalysis {
    /// The analyses of `entries` (in the order they were created), by execution id.
    public static func analyze(entries: [DayEntry], planned: PlannedWorkout?, maxHeartRate: Int?, restingHeartRate: Int? = nil) -> [String: ExecutionAnalysis] {
        let analyzer = ExecutionAnalyzer()
        let counted = entries.filter(\.countsAsRunning)
        let main = mainEntry(of: counted, planned: planned)
        let total = counted.reduce(ActualWorkout(distanceMeters: 0, durationSeconds: 0)) {
            ActualWorkout(distanceMeters: $0.distanceMeters + $1.actual.distanceMeters, durationSeconds: $0.durationSeconds + $1.actual.durationSeconds)
        }
        var analyses: [String: ExecutionAnalysis] = [:]
        for entry in entries {
            if entry.countsAsRunning {
                analyses[entry.executionId] = analyzer.analyze(
                    planned: planned, actual: entry.actual, dayTotal: counted.count > 1 ? total : nil,
                    maxHeartRate: maxHeartRate, restingHeartRate: restingHeartRate, isExtraRun: counted.count > 1 && entry.executionId != main?.executionId
                )
            } else {
                var analysis = analyzer.analyze(planned: nil, actual: entry.actual, maxHeartRate: maxHeartRate, restingHeartRate: restingHeartRate)
                analysis.summary = "A \(entry.sport ?? "other") activity: not counted against the running workout of the day."
                analyses[entry.executionId] = analysis
            }
            analyses[entry.executionId]?.trainingLoad = entry.trainingLoad
        }
        return analyses
    }

    /// The day's main entry: of the entries that count, the one closest to the plan (the earliest on a tie).
    public static func mainEntry(of counted: [DayEntry], planned: PlannedWorkout?) -> DayEntry? {
        guard let planned else { return nil }
        return ActivityMatching.mainIndex(of: counted.map(\.actual), for: planned).map { counted[$0] }
    }
}
