/// The training load a planned workout is expected to carry, by the same rTSS rule as a recorded run, at its target paces.
///
/// Each step (repeats multiplied out) counts as running its distance at the middle of its target pace range
/// (`hours = distance × midPace`, `IF = thresholdPace / midPace`); a step measured by time runs that time at its pace.
/// A step without a target pace is run at the middle of Daniels' E band for the athlete's threshold (see
/// `LoadThresholds.easyPaceSecondsPerKm`) when it has a distance, and gets the duration default (`50 × hours`) when it
/// has only a time. A workout without steps is one step of its own distance, duration and target pace. When the
/// threshold pace is unknown, the whole workout gets the duration default over its planned duration. A rest day is 0.
public struct PlannedLoadCalculator: Sendable, Hashable {
    /// The athlete's thresholds.
    public var thresholds: LoadThresholds

    /// Creates a calculator for an athlete with `thresholds`.
    public init(thresholds: LoadThresholds) {
        self.thresholds = thresholds
    }

    /// The expected load of `workout`: rTSS when the threshold pace is known, else the duration default.
    public func load(of workout: PlannedWorkout) -> TrainingLoad {
        guard workout.type != .rest else { return TrainingLoad(value: 0, method: thresholds.thresholdSpeedMetersPerSecond == nil ? .duration : .runningStress) }
        guard let thresholdPace = thresholds.thresholdPaceSecondsPerKm else {
            let seconds = TrainingLoadCalculator.duration(moving: workout.durationSeconds, elapsed: 0)
            return TrainingLoad(value: TrainingLoadCalculator.finite(TrainingLoadCalculator.durationPointsPerHour * seconds / 3600), method: .duration)
        }
        let steps = workout.segments.isEmpty
            ? [WorkoutSegment(kind: .steady, distanceMeters: workout.distanceMeters, durationSeconds: workout.durationSeconds, targetPace: workout.targetPace)]
            : workout.segments
        let total = stress(of: steps, thresholdPace: thresholdPace, depth: 0)
        return TrainingLoad(value: TrainingLoadCalculator.finite(total), method: .runningStress)
    }

    /// Sums the expected loads of the running days in `plannedDays` by date (rest and cross-training days count 0,
    /// because the fitness series counts running only): the planned input of `FitnessSeries.days`.
    public func dailyLoads(of plannedDays: some Sequence<PlannedDay>) -> [CalendarDate: Double] {
        var loads: [CalendarDate: Double] = [:]
        for day in plannedDays where day.plannedData.type.isRun {
            loads[day.date, default: 0] += load(of: day.plannedData).value
        }
        return loads
    }

    /// The rTSS of `segments`; repeats nest at most a few levels deep in practice, deeper nesting is ignored.
    private func stress(of segments: [WorkoutSegment], thresholdPace: Double, depth: Int) -> Double {
        guard depth < 8 else { return 0 }
        return segments.reduce(0.0) { total, segment in
            if segment.kind == .repeat {
                let count = Double(max(0, segment.repeats ?? 1))
                return total + count * stress(of: segment.steps ?? [], thresholdPace: thresholdPace, depth: depth + 1)
            }
            return total + stress(of: segment, thresholdPace: thresholdPace)
        }
    }

    /// The rTSS of one step (see the type's documentation).
    private func stress(of step: WorkoutSegment, thresholdPace: Double) -> Double {
        let distance = step.distanceMeters.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let duration = step.durationSeconds.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let ownPace = step.targetPace.map(\.midSecondsPerKm).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        if let pace = ownPace ?? (distance != nil ? thresholds.easyPaceSecondsPerKm : nil) {
            let seconds = distance.map { $0 / 1000 * pace } ?? duration ?? 0
            let intensity = thresholdPace / pace
            return 100 * seconds / 3600 * intensity * intensity
        }
        return TrainingLoadCalculator.durationPointsPerHour * (duration ?? 0) / 3600
    }
}
