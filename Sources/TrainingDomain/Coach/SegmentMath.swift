/// Building workout steps and adding them up; distances are whole multiples of 100 m ("units").
enum SegmentMath {
    /// One distance step of `units` × 100 m at `pace`, its duration = distance × pace mid, whole seconds.
    static func step(_ kind: SegmentKind, units: Int, pace: PaceRange, zone: Int?, note: String? = nil) -> WorkoutSegment {
        let meters = Double(units * 100)
        return WorkoutSegment(
            kind: kind, distanceMeters: meters, durationSeconds: (meters / 1000 * pace.midSecondsPerKm).rounded(),
            targetPace: pace, heartRateZone: zone, note: note
        )
    }

    /// `count` repetitions of `steps`.
    static func repeated(_ count: Int, _ steps: [WorkoutSegment]) -> WorkoutSegment {
        WorkoutSegment(kind: .repeat, repeats: count, steps: steps)
    }

    /// Total distance in metres of `segments`, repeats multiplied out.
    static func meters(_ segments: [WorkoutSegment]) -> Double {
        segments.reduce(0) { total, segment in
            if segment.kind == .repeat {
                return total + Double(segment.repeats ?? 1) * meters(segment.steps ?? [])
            }
            return total + (segment.distanceMeters ?? 0)
        }
    }

    /// Total time in seconds of `segments` (distance × pace mid, or the step's own duration), unrounded.
    static func seconds(_ segments: [WorkoutSegment]) -> Double {
        segments.reduce(0) { total, segment in
            if segment.kind == .repeat {
                return total + Double(segment.repeats ?? 1) * seconds(segment.steps ?? [])
            }
            if let distance = segment.distanceMeters, let pace = segment.targetPace {
                return total + distance / 1000 * pace.midSecondsPerKm
            }
            return total + (segment.durationSeconds ?? 0)
        }
    }

    /// Units (100 m) covered in `seconds` at `secondsPerKm`, rounded, at least `minimum`.
    static func units(seconds: Double, secondsPerKm: Double, minimum: Int = 1) -> Int {
        max(minimum, Int((seconds / secondsPerKm * 10).rounded()))
    }

    /// `meters` in whole units, rounded.
    static func units(meters: Double) -> Int { Int((meters / 100).rounded()) }
}
