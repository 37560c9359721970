import TrainingDomain
import TrainingStore

/// What an athlete actually ran, per local date: running load and distance, read by `athlete.fitness` and `plan.adapt`.
struct RecordedRunning {
    /// The running load per local date.
    var loads: [CalendarDate: Double]
    /// The running distance per local date, in metres.
    var distances: [CalendarDate: Double]

    /// The athlete's running up to `through`: stored loads, and for activities stored before loads existed, computed now.
    static func read(athlete: Athlete, through: CalendarDate, thresholds: LoadThresholds, _ database: AppDatabase) async throws -> RecordedRunning {
        let rows = try await database.activityLoads(athleteId: athlete.id, through: through).filter { Sport.isRunning($0.sport) }
        let missing = rows.filter { $0.trainingLoad == nil }.map(\.activityId)
        var computed: [String: Double] = [:]
        if !missing.isEmpty {
            let calculator = TrainingLoadCalculator(thresholds: thresholds)
            for activity in try await database.activities(ids: missing) { computed[activity.id] = calculator.load(of: activity).value }
        }
        var distances: [CalendarDate: Double] = [:]
        for row in rows { distances[row.localDate, default: 0] += row.distanceMeters }
        let loads = FitnessSeries.dailyLoads(rows.map { ($0.localDate, $0.trainingLoad?.value ?? computed[$0.activityId] ?? 0) })
        return RecordedRunning(loads: loads, distances: distances)
    }
}
