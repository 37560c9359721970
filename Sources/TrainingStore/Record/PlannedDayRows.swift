import TrainingDomain

/// Planned days with their `plannedData` column text, each distinct workout serialised once: a plan repeats its
/// easy runs and rest days, so an 18-week plan has 50 to 75 distinct workouts in 126 days.
///
/// The texts go, in day order, into ``texts``, a ``Feed`` from which the transaction that stores the days takes
/// each as it comes: `savePlan` serialises the first days before its transaction begins and the rest on another
/// thread while the transaction inserts the rows.
final class PlannedDayRows: Sendable {
    /// The days, in insertion order.
    let days: [PlannedDay]
    /// The `plannedData` text of each day, in the order of `days`, as `serialize` makes them.
    let texts = Feed<String>()

    init(_ days: [PlannedDay]) {
        self.days = days
    }

    /// Serialises the workouts of `days[range]` into ``texts``; ranges come in order, one after the other.
    func serialize(_ range: Range<Int>) {
        // Workouts are found again by a cheap fingerprint, then compared whole: hashing whole workouts (their
        // descriptions, every segment) cost as much as serialising them.
        var seen: [Fingerprint: [(workout: PlannedWorkout, text: String)]] = [:]
        for day in days[range] {
            let workout = day.plannedData
            let fingerprint = Fingerprint(workout)
            if let text = seen[fingerprint]?.first(where: { $0.workout == workout })?.text {
                texts.append(text)
                continue
            }
            let text = JSONColumn.text(workout)
            seen[fingerprint, default: []].append((workout, text))
            texts.append(text)
        }
    }

    /// Serialises every day, then finishes ``texts``.
    func serializeAll() {
        serialize(days.indices)
        texts.finish()
    }

    /// Runs `check` once every text is made, then finishes ``texts``, or fails them with what `check` threw (the
    /// transaction then throws it instead of committing). Called once, in every path: the transaction that takes
    /// the texts waits for them.
    func finish<Value>(checking check: () throws -> Value) -> Result<Value, any Error> {
        do {
            let value = try check()
            texts.finish()
            return .success(value)
        } catch {
            texts.fail(error)
            return .failure(error)
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
