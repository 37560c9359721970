/// Reshaping a planned workout when a plan adapts: rest, an easy run, or the same run shorter.
public enum WorkoutReshaping {
    /// The shortest run worth its shoes: below about 20 minutes a run becomes rest or stays at this distance.
    public static let shortestRunMeters = 3_000.0

    /// A rest day with `note` as its description.
    public static func rest(_ note: String) -> PlannedWorkout {
        PlannedWorkout(type: .rest, title: "Rest", description: note, distanceMeters: 0, durationSeconds: 0, targetPace: nil, segments: [])
    }

    /// An easy run of `distanceMeters` at `pace`, one steady step, heart-rate zone 2.
    public static func easy(distanceMeters: Double, pace: PaceRange, note: String) -> PlannedWorkout {
        let meters = (max(distanceMeters, shortestRunMeters) / 100).rounded() * 100
        let seconds = (meters / 1000 * pace.midSecondsPerKm).rounded()
        return PlannedWorkout(
            type: .easy, title: "Easy \(Format.distance(meters))", description: "\(note) Run it conversationally, at \(Format.pace(pace.minSecondsPerKm))–\(Format.pace(pace.maxSecondsPerKm))/km.",
            distanceMeters: meters, durationSeconds: seconds, targetPace: pace, heartRateZone: 2,
            segments: [WorkoutSegment(kind: .steady, distanceMeters: meters, targetPace: pace, heartRateZone: 2)]
        )
    }

    /// The workout at `factor` of its volume: an easy or long run keeps its shape, shorter; a quality session
    /// becomes an easy run of that length (intensity is what goes first after a break). Rest and the race are kept.
    public static func scaled(_ workout: PlannedWorkout, by factor: Double, easyPace: PaceRange, note: String) -> PlannedWorkout {
        guard workout.type.isRun, workout.type != .race, factor < 0.999 else { return workout }
        let target = max(shortestRunMeters, workout.distanceMeters * factor)
        let simple = [.easy, .recovery, .long].contains(workout.type) && !workout.segments.contains { $0.kind == .repeat }
        guard simple, workout.distanceMeters > 0 else { return easy(distanceMeters: target, pace: easyPace, note: note) }
        let ratio = target / workout.distanceMeters
        var reshaped = workout
        reshaped.distanceMeters = (target / 100).rounded() * 100
        reshaped.durationSeconds = (workout.durationSeconds * ratio).rounded()
        reshaped.segments = workout.segments.map { segment in
            var step = segment
            step.distanceMeters = segment.distanceMeters.map { ($0 * ratio).rounded() }
            step.durationSeconds = segment.durationSeconds.map { ($0 * ratio).rounded() }
            return step
        }
        if !reshaped.segments.isEmpty { reshaped.durationSeconds = PlanValidator.seconds(reshaped.segments).rounded() }
        if workout.type == .long { reshaped.title = "Long run \(Format.distance(reshaped.distanceMeters))" }
        else { reshaped.title = "Easy \(Format.distance(reshaped.distanceMeters))" }
        reshaped.description = note + " " + workout.description
        return reshaped
    }

    /// The workout with every pace moved from `old` zones to the same zones of `new` (fitness changed).
    public static func repaced(_ workout: PlannedWorkout, from old: TrainingPaces, to new: TrainingPaces) -> PlannedWorkout {
        func map(_ range: PaceRange?) -> PaceRange? {
            guard let range else { return nil }
            let zones = [(old.easy, new.easy), (old.marathon, new.marathon), (old.threshold, new.threshold), (old.interval, new.interval), (old.repetition, new.repetition)]
            guard let nearest = zones.min(by: { abs($0.0.midSecondsPerKm - range.midSecondsPerKm) < abs($1.0.midSecondsPerKm - range.midSecondsPerKm) }) else { return range }
            let shift = nearest.1.midSecondsPerKm - nearest.0.midSecondsPerKm
            return PaceRange(minSecondsPerKm: (range.minSecondsPerKm + shift).rounded(), maxSecondsPerKm: (range.maxSecondsPerKm + shift).rounded())
        }
        func repace(_ segment: WorkoutSegment) -> WorkoutSegment {
            var step = segment
            step.targetPace = map(segment.targetPace)
            step.steps = segment.steps?.map { repace($0) }
            return step
        }
        var repaced = workout
        repaced.targetPace = map(workout.targetPace)
        repaced.segments = workout.segments.map { repace($0) }
        if !repaced.segments.isEmpty {
            repaced.durationSeconds = PlanValidator.seconds(repaced.segments).rounded()
        } else if workout.distanceMeters > 0, let old = workout.targetPace, let new = repaced.targetPace {
            repaced.durationSeconds = (workout.durationSeconds * new.midSecondsPerKm / old.midSecondsPerKm).rounded()
        }
        return repaced
    }

    /// The easy pace a plan uses: the pace of its first easy run.
    public static func easyPace(of days: [PlannedDay]) -> PaceRange? {
        days.first { $0.plannedData.type == .easy && $0.plannedData.targetPace != nil }?.plannedData.targetPace
    }

    /// The VDOT a plan's paces were built from: the one whose easy pace matches the plan's (Daniels' E band is wide
    /// and monotone in VDOT), found by bisection.
    public static func vdot(of days: [PlannedDay]) -> Double? {
        guard let easy = easyPace(of: days) else { return nil }
        var low = 15.0, high = 85.0
        for _ in 0..<40 {
            let middle = (low + high) / 2
            if VDOT.paces(vdot: middle).easy.midSecondsPerKm > easy.midSecondsPerKm { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }
}
