import TrainingDomain

/// Where a plan's days go while the transaction that stores them runs: each day with its `plannedData` column
/// text, in order, through a ``Feed`` the inserts take from.
///
/// Each distinct workout is serialised once (a plan repeats its easy runs and rest days: an 18-week plan has 50
/// to 75 distinct workouts in 126 days). Days are appended by one thread at a time: `savePlan` appends the first
/// ones before its transaction begins, then hands the sink to the thread that makes the rest.
public final class PlannedDaySink: @unchecked Sendable {
    /// The days and their texts, in insertion order.
    let rows = Feed<(day: PlannedDay, text: UTF8Text)>()
    /// The texts made so far, found again by a cheap fingerprint, then compared whole: hashing whole workouts (their
    /// descriptions, every segment) cost as much as serialising them.
    private var seen: [Fingerprint: [(workout: PlannedWorkout, text: UTF8Text)]] = [:]

    init() {}

    /// Hands `days` to the transaction, each with its workout serialised.
    public func append(_ days: some Sequence<PlannedDay>) {
        for day in days {
            let workout = day.plannedData
            let fingerprint = Fingerprint(workout)
            if let text = seen[fingerprint]?.first(where: { $0.workout == workout })?.text {
                rows.append((day, text))
                continue
            }
            let text = JSONColumn.utf8Text(workout)
            seen[fingerprint, default: []].append((workout, text))
            rows.append((day, text))
        }
    }

    /// Says that no day follows: the transaction may commit after the last one, unless `outcome` is a failure,
    /// which the transaction then throws instead. Called once, in every path: the transaction waits for it.
    func close<Value>(after outcome: Result<Value, any Error>) {
        switch outcome {
        case .success: rows.finish()
        case .failure(let error): rows.fail(error)
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
