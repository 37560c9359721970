/// Building workout steps and adding them up; distances are whole multiples of 100 m ("units").
///
/// Steps that a watch should not pace (hill reps, strides, recoveries) carry a time or a distance and an effort
/// in words, but no pace. To size the day, such steps are counted at an estimate pace (the plan's easy pace):
/// the day's `distanceMeters` and `durationSeconds` are estimates there, while every paced step is exact.
enum SegmentMath {
    /// One distance step of `units` × 100 m at `pace`, its duration = distance × pace mid, whole seconds.
    static func step(_ kind: SegmentKind, units: Int, pace: PaceRange, zone: Int?, note: String? = nil) -> WorkoutSegment {
        let meters = Double(units * 100)
        return WorkoutSegment(
            kind: kind, distanceMeters: meters, durationSeconds: (meters / 1000 * pace.midSecondsPerKm).rounded(),
            targetPace: pace, heartRateZone: zone, note: note
        )
    }

    /// A step measured by time only, with an effort in words and no pace target.
    static func timed(_ kind: SegmentKind, seconds: Double, effort: String, zone: Int? = nil, note: String? = nil) -> WorkoutSegment {
        WorkoutSegment(kind: kind, durationSeconds: seconds.rounded(), heartRateZone: zone, targetEffort: effort, note: note)
    }

    /// A step measured by distance only (`units` × 100 m), with an effort in words and no pace target.
    static func unpaced(_ kind: SegmentKind, units: Int, effort: String, zone: Int? = nil, note: String? = nil) -> WorkoutSegment {
        WorkoutSegment(kind: kind, distanceMeters: Double(units * 100), heartRateZone: zone, targetEffort: effort, note: note)
    }

    /// `count` repetitions of `steps`.
    static func repeated(_ count: Int, _ steps: [WorkoutSegment]) -> WorkoutSegment {
        WorkoutSegment(kind: .repeat, repeats: count, steps: steps)
    }

    /// Total distance in metres of `segments`, repeats multiplied out; timed steps without a distance count at
    /// `estimate` seconds per km.
    static func meters(_ segments: [WorkoutSegment], estimate: Double) -> Double {
        segments.reduce(0) { total, segment in
            if segment.kind == .repeat {
                return total + Double(segment.repeats ?? 1) * meters(segment.steps ?? [], estimate: estimate)
            }
            if let distance = segment.distanceMeters { return total + distance }
            return total + (segment.durationSeconds ?? 0) / estimate * 1000
        }
    }

    /// Total time in seconds of `segments` (distance × pace mid, the step's own duration, or distance at
    /// `estimate` seconds per km for an unpaced distance step), unrounded.
    static func seconds(_ segments: [WorkoutSegment], estimate: Double) -> Double {
        segments.reduce(0) { total, segment in
            if segment.kind == .repeat {
                return total + Double(segment.repeats ?? 1) * seconds(segment.steps ?? [], estimate: estimate)
            }
            if let distance = segment.distanceMeters, let pace = segment.targetPace {
                return total + distance / 1000 * pace.midSecondsPerKm
            }
            if let duration = segment.durationSeconds { return total + duration }
            return total + (segment.distanceMeters ?? 0) / 1000 * estimate
        }
    }

    /// The longest continuous stretch of `segments` at `pace`, in metres (one step, or consecutive steps).
    static func longestBlock(_ segments: [WorkoutSegment], at pace: PaceRange) -> Double {
        var best = 0.0, run = 0.0
        for segment in segments {
            if segment.kind != .repeat, segment.targetPace == pace, let distance = segment.distanceMeters {
                run += distance
                best = max(best, run)
            } else {
                run = 0
            }
        }
        return best
    }

    /// Units (100 m) covered in `seconds` at `secondsPerKm`, rounded, at least `minimum`.
    static func units(seconds: Double, secondsPerKm: Double, minimum: Int = 1) -> Int {
        max(minimum, Int((seconds / secondsPerKm * 10).rounded()))
    }

    /// `meters` in whole units, rounded.
    static func units(meters: Double) -> Int { Int((meters / 100).rounded()) }
}
