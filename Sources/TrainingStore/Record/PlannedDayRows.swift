import TrainingDomain

/// Planned days with their `plannedData` column text, each distinct workout serialised once: a plan repeats its
/// easy runs and rest days, so an 18-week plan has about 50 distinct workouts in 126 days.
struct PlannedDayRows: Sendable {
    /// The days, in insertion order.
    let days: [PlannedDay]
    /// The `plannedData` text of each day, by position.
    let plannedData: [String]

    init(_ days: [PlannedDay]) {
        // Workouts are found again by a cheap fingerprint, then compared whole: hashing whole workouts (their
        // descriptions, every segment) cost as much as serialising them.
        var seen: [Fingerprint: [(workout: PlannedWorkout, text: String)]] = [:]
        self.days = days
        self.plannedData = days.map { day in
            let workout = day.plannedData
            let fingerprint = Fingerprint(workout)
            if let text = seen[fingerprint]?.first(where: { $0.workout == workout })?.text { return text }
            let text = JSONColumn.text(workout)
            seen[fingerprint, default: []].append((workout, text))
            return text
        }
    }

    private struct Fingerprint: Hashable {
        var type: WorkoutType
        var distanceMeters: Double
        var durationSeconds: Double
        var segmentCount: Int
        var descriptionBytes: Int

        init(_ workout: PlannedWorkout) {
            type = workout.type
            distanceMeters = workout.distanceMeters
            durationSeconds = workout.durationSeconds
            segmentCount = workout.segments.count
            descriptionBytes = workout.description.utf8.count
        }
    }
}
