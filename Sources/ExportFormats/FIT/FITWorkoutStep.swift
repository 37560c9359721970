import TrainingDomain

/// One `workout_step` message's values, in the FIT profile's stored units.
struct FITWorkoutStep: Hashable, Sendable {
    /// How the step ends.
    var durationType: FITProfile.StepDuration
    /// Milliseconds, centimetres, or for a repeat the message index of the first repeated step; nil when open.
    var durationValue: UInt32?
    /// What the watch holds the runner to; nil on a repeat step.
    var targetType: FITProfile.StepTarget?
    /// 0 for a custom speed range, the zone for a heart-rate zone, the repetitions for a repeat step.
    var targetValue: UInt32?
    /// The slower end of a custom speed range, mm/s.
    var customTargetLow: UInt32?
    /// The faster end of a custom speed range, mm/s.
    var customTargetHigh: UInt32?
    /// Warm-up, active, recovery, cool-down; nil on a repeat step.
    var intensity: FITProfile.Intensity?
    /// The segment's note, shown by watches that display step notes.
    var notes: String
}

extension FITWorkoutStep {
    /// The steps of `segments` in order, repeats written as a `repeat_until_steps_cmplt` step after the steps they repeat.
    ///
    /// A repeat of no steps or of fewer than one repetition has nothing to run and is left out; nested repeats nest.
    static func steps(for segments: [WorkoutSegment]) -> [FITWorkoutStep] {
        var steps: [FITWorkoutStep] = []
        append(segments, to: &steps)
        return steps
    }

    private static func append(_ segments: [WorkoutSegment], to steps: inout [FITWorkoutStep]) {
        for segment in segments {
            guard segment.kind == .repeat else {
                steps.append(step(for: segment))
                continue
            }
            let repetitions = segment.repeats ?? 1
            guard repetitions >= 1, let inner = segment.steps, !inner.isEmpty else { continue }
            let first = steps.count
            append(inner, to: &steps)
            guard steps.count > first else { continue }
            steps.append(FITWorkoutStep(
                durationType: .repeatUntilStepsComplete, durationValue: UInt32(first), targetType: nil,
                targetValue: UInt32(min(repetitions, Int(UInt32.max - 1))), customTargetLow: nil, customTargetHigh: nil,
                intensity: nil, notes: ""
            ))
        }
    }

    /// One plain step: by distance when it has one, else by time, else open (ended with the lap button).
    static func step(for segment: WorkoutSegment) -> FITWorkoutStep {
        var step = FITWorkoutStep(
            durationType: .open, durationValue: nil, targetType: .open, targetValue: nil, customTargetLow: nil,
            customTargetHigh: nil, intensity: intensity(of: segment.kind), notes: segment.note ?? ""
        )
        if let meters = segment.distanceMeters, let value = scaled(meters, by: FITProfile.durationDistanceScale) {
            step.durationType = .distance
            step.durationValue = value
        } else if let seconds = segment.durationSeconds, let value = scaled(seconds, by: FITProfile.durationTimeScale) {
            step.durationType = .time
            step.durationValue = value
        }
        if let pace = segment.targetPace,
           let low = scaled(1000 / pace.maxSecondsPerKm, by: FITProfile.speedScale),
           let high = scaled(1000 / pace.minSecondsPerKm, by: FITProfile.speedScale) {
            // The slower pace bound is the lower speed.
            step.targetType = .speed
            step.targetValue = 0
            step.customTargetLow = min(low, high)
            step.customTargetHigh = max(low, high)
        } else if let zone = segment.heartRateZone, (1...5).contains(zone) {
            step.targetType = .heartRate
            step.targetValue = UInt32(zone)
        }
        return step
    }

    /// The FIT intensity of a segment kind.
    static func intensity(of kind: SegmentKind) -> FITProfile.Intensity {
        switch kind {
        case .warmUp: .warmUp
        case .coolDown: .coolDown
        case .recovery: .recovery
        case .steady, .work, .repeat: .active
        }
    }

    /// `value × scale` rounded, when it is positive and fits below the profile's invalid value; else nil.
    static func scaled(_ value: Double, by scale: Double) -> UInt32? {
        let stored = (value * scale).rounded()
        guard stored.isFinite, stored >= 1, stored < Double(UInt32.max) else { return nil }
        return UInt32(stored)
    }
}
