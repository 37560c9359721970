import Foundation

/// What was actually done on a day, from an activity or a manual entry.
public struct ActualWorkout: Hashable, Sendable {
    /// Distance in metres.
    public var distanceMeters: Double
    /// Moving duration in seconds.
    public var durationSeconds: Double
    /// Average heart rate.
    public var averageHeartRate: Double?
    /// Laps, in order.
    public var laps: [ActivityLap]
    /// Heart-rate samples.
    public var heartRateSamples: [HeartRateSample]

    public init(distanceMeters: Double, durationSeconds: Double, averageHeartRate: Double? = nil, laps: [ActivityLap] = [], heartRateSamples: [HeartRateSample] = []) {
        self.distanceMeters = distanceMeters
        self.durationSeconds = durationSeconds
        self.averageHeartRate = averageHeartRate
        self.laps = laps
        self.heartRateSamples = heartRateSamples
    }

    /// The actual workout of an activity.
    public init(_ activity: Activity) {
        self.init(
            distanceMeters: activity.distanceMeters, durationSeconds: activity.movingSeconds > 0 ? activity.movingSeconds : activity.elapsedSeconds,
            averageHeartRate: activity.averageHeartRate, laps: activity.laps, heartRateSamples: activity.heartRateSamples
        )
    }

    /// A manual entry: a value left out is taken at the planned pace from the one given, and an entry with
    /// neither means "done as planned" (a runner ticking the day off).
    public init(manualDistanceMeters: Double?, manualDurationSeconds: Double?, planned: PlannedWorkout?) {
        let plannedDistance = planned?.distanceMeters ?? 0
        let plannedDuration = planned?.durationSeconds ?? 0
        switch (manualDistanceMeters, manualDurationSeconds) {
        case let (distance?, duration?):
            self.init(distanceMeters: distance, durationSeconds: duration)
        case let (distance?, nil):
            self.init(distanceMeters: distance, durationSeconds: plannedDistance > 0 ? plannedDuration * distance / plannedDistance : 0)
        case let (nil, duration?):
            self.init(distanceMeters: plannedDuration > 0 ? plannedDistance * duration / plannedDuration : 0, durationSeconds: duration)
        case (nil, nil):
            self.init(distanceMeters: plannedDistance, durationSeconds: plannedDuration)
        }
    }

    /// Average pace in seconds per km.
    public var paceSecondsPerKm: Double? { Activity.pace(distanceMeters: distanceMeters, seconds: durationSeconds) }
}

/// Compares what was done with what was planned: ratios, pace against target, each interval against its
/// own target, time in heart-rate zones, a 0–100 compliance score, a verdict, a colour and a one-line summary.
///
/// The verdict and the score follow the distance ratio (the plan prescribes distance; duration when it does
/// not). The colour follows TrainingPeaks' calendar convention on the duration ratio (green 80–120 %, yellow
/// 50–79 % or 121–150 %, red otherwise) and goes further: a green day whose pace or intervals missed their
/// targets by more than the tolerance is shown yellow.
public struct ExecutionAnalyzer: Sendable {
    /// Seconds per km either side of a target range still counted as on target.
    public var paceToleranceSecondsPerKm: Double = 5

    public init() {}

    /// Analyses one execution. `dayTotal` is the sum of every run on the same planned day (a double or a
    /// separately saved warm-up), used for the volume ratios; nil means this run alone.
    public func analyze(planned: PlannedWorkout?, actual: ActualWorkout, dayTotal: ActualWorkout? = nil, maxHeartRate: Int?, isExtraRun: Bool = false) -> ExecutionAnalysis {
        let zones = heartRateZones(actual.heartRateSamples, maxHeartRate: maxHeartRate)
        guard let planned, planned.type.isRun else {
            return unplanned(actual: actual, planned: planned, zones: zones, reason: planned.map { "a \($0.type.rawValue) day" } ?? "no planned workout")
        }
        if isExtraRun {
            var analysis = unplanned(actual: actual, planned: planned, zones: zones, reason: "")
            analysis.summary = "Extra run of \(Format.distance(actual.distanceMeters)): counted in the day's total; the day's main run carries its analysis."
            return analysis
        }
        let volume = dayTotal ?? actual
        let distanceRatio = planned.distanceMeters > 0 ? volume.distanceMeters / planned.distanceMeters : nil
        let durationRatio = planned.durationSeconds > 0 ? volume.durationSeconds / planned.durationSeconds : nil
        // The plan prescribes distance, so distance decides the verdict and the score (running slower must not
        // "fill" a short run); the colour keeps TrainingPeaks' convention on duration.
        let ratio = distanceRatio ?? durationRatio ?? 0
        let colorRatio = durationRatio ?? distanceRatio ?? 0

        let steady: Set<WorkoutType> = [.easy, .recovery, .long, .strides, .marathonPace, .race]
        let pace = actual.paceSecondsPerKm
        var paceAssessment: PaceAssessment?
        if steady.contains(planned.type), let target = planned.targetPace, let pace {
            paceAssessment = assess(pace, against: target)
        }
        let intervals = intervalAnalyses(planned: planned, laps: actual.laps)

        // Score: volume 60 %, pace 25 %, intervals 15 % (weights of absent parts are shared out).
        var parts: [(score: Double, weight: Double)] = [(max(0, 1 - abs(ratio - 1)) * 100, 0.6)]
        if let paceAssessment, let target = planned.targetPace, let pace {
            let miss = paceAssessment == .onTarget ? 0 : min(abs(pace - target.minSecondsPerKm), abs(pace - target.maxSecondsPerKm)) - paceToleranceSecondsPerKm
            parts.append((max(0, 100 - 3 * max(0, miss)), 0.25))
        }
        if !intervals.isEmpty {
            let onTarget = intervals.filter { $0.paceAssessment == .onTarget }.count
            parts.append((Double(onTarget) / Double(intervals.count) * 100, 0.15))
        }
        let totalWeight = parts.reduce(0) { $0 + $1.weight }
        let score = Int((parts.reduce(0) { $0 + $1.score * $1.weight } / totalWeight).rounded())

        let verdict: Verdict = ratio < 0.8 ? .partial : ratio > 1.2 ? .over : .completed
        var color: ComplianceColor
        switch colorRatio {
        case 0.8...1.2: color = .green
        case 0.5..<0.8, 1.2...1.5: color = .yellow
        default: color = .red
        }
        let offTargetIntervals = intervals.filter { $0.paceAssessment != .onTarget }.count
        if color == .green, paceAssessment == .slow || paceAssessment == .fast || (intervals.count > 0 && offTargetIntervals * 2 > intervals.count) {
            color = .yellow
        }

        return ExecutionAnalysis(
            verdict: verdict, complianceScore: min(100, max(0, score)),
            summary: summary(verdict: verdict, planned: planned, volume: volume, ratio: ratio, pace: pace, paceAssessment: paceAssessment, intervals: intervals),
            color: color, distanceRatio: distanceRatio.map(Self.round3), durationRatio: durationRatio.map(Self.round3),
            plannedDistanceMeters: planned.distanceMeters, actualDistanceMeters: volume.distanceMeters,
            plannedDurationSeconds: planned.durationSeconds, actualDurationSeconds: volume.durationSeconds,
            averagePaceSecondsPerKm: pace.map { $0.rounded() }, targetPace: planned.targetPace, paceAssessment: paceAssessment,
            intervals: intervals, heartRateZones: zones
        )
    }

    /// The analysis of a planned run day with no execution once it has passed.
    public func missed(planned: PlannedWorkout) -> ExecutionAnalysis {
        ExecutionAnalysis(
            verdict: .missed, complianceScore: 0, summary: "Missed: \(planned.title) was not done.", color: .red,
            distanceRatio: planned.distanceMeters > 0 ? 0 : nil, durationRatio: planned.durationSeconds > 0 ? 0 : nil,
            plannedDistanceMeters: planned.distanceMeters, actualDistanceMeters: 0, plannedDurationSeconds: planned.durationSeconds,
            actualDurationSeconds: 0, averagePaceSecondsPerKm: nil, targetPace: planned.targetPace, paceAssessment: nil, intervals: [],
            heartRateZones: nil
        )
    }

    private func unplanned(actual: ActualWorkout, planned: PlannedWorkout?, zones: [HeartRateZoneTime]?, reason: String) -> ExecutionAnalysis {
        ExecutionAnalysis(
            verdict: .unplanned, complianceScore: 0,
            summary: "Unplanned run (\(reason)): \(Format.distance(actual.distanceMeters)) in \(Format.duration(actual.durationSeconds))"
                + (actual.paceSecondsPerKm.map { " at \(Format.pace($0))" } ?? "") + ".",
            color: .grey, distanceRatio: nil, durationRatio: nil, plannedDistanceMeters: planned?.distanceMeters ?? 0,
            actualDistanceMeters: actual.distanceMeters, plannedDurationSeconds: planned?.durationSeconds ?? 0,
            actualDurationSeconds: actual.durationSeconds, averagePaceSecondsPerKm: actual.paceSecondsPerKm.map { $0.rounded() },
            targetPace: nil, paceAssessment: nil, intervals: [], heartRateZones: zones
        )
    }

    private func assess(_ pace: Double, against target: PaceRange) -> PaceAssessment {
        if pace < target.minSecondsPerKm - paceToleranceSecondsPerKm { return .fast }
        if pace > target.maxSecondsPerKm + paceToleranceSecondsPerKm { return .slow }
        return .onTarget
    }

    /// Matches planned work reps to laps in order: a lap is a rep when its distance (or duration) is within
    /// 30 % of the rep's; laps in between (warm-up, recoveries) are skipped.
    func intervalAnalyses(planned: PlannedWorkout, laps: [ActivityLap]) -> [IntervalAnalysis] {
        var reps: [WorkoutSegment] = []
        for segment in planned.segments where segment.kind == .repeat {
            for _ in 0..<max(0, min(segment.repeats ?? 1, 50)) {
                reps.append(contentsOf: (segment.steps ?? []).filter { $0.kind == .work })
            }
        }
        if reps.isEmpty { reps = planned.segments.filter { $0.kind == .work } }
        guard !reps.isEmpty, laps.count >= 2 else { return [] }
        var results: [IntervalAnalysis] = []
        var lapIndex = 0
        for (number, rep) in reps.enumerated() {
            while lapIndex < laps.count {
                let lap = laps[lapIndex]
                lapIndex += 1
                let matches: Bool
                if let distance = rep.distanceMeters, distance > 0 {
                    matches = abs(lap.distanceMeters - distance) <= 0.3 * distance
                } else if let duration = rep.durationSeconds, duration > 0 {
                    let lapDuration = lap.movingSeconds > 0 ? lap.movingSeconds : lap.elapsedSeconds
                    matches = abs(lapDuration - duration) <= 0.3 * duration
                } else {
                    matches = false
                }
                // A recovery jog of the same length is slower than the work target: skip it.
                if matches, let target = rep.targetPace, let pace = lap.paceSecondsPerKm, pace > target.maxSecondsPerKm * 1.25 { continue }
                guard matches else { continue }
                let pace = lap.paceSecondsPerKm
                results.append(IntervalAnalysis(
                    repetition: number + 1, lapIndex: lapIndex - 1, plannedDistanceMeters: rep.distanceMeters,
                    plannedDurationSeconds: rep.durationSeconds, actualDistanceMeters: lap.distanceMeters,
                    actualDurationSeconds: lap.movingSeconds > 0 ? lap.movingSeconds : lap.elapsedSeconds,
                    targetPace: rep.targetPace, actualPaceSecondsPerKm: pace.map { $0.rounded() },
                    paceAssessment: pace.flatMap { value in rep.targetPace.map { assess(value, against: $0) } }
                ))
                break
            }
        }
        return results
    }

    /// Seconds in zones 1–5 (50–60, 60–70, 70–80, 80–90, 90–100+ % of max heart rate); gaps over 30 s are not counted.
    func heartRateZones(_ samples: [HeartRateSample], maxHeartRate: Int?) -> [HeartRateZoneTime]? {
        guard let maxHeartRate, samples.count >= 2 else { return nil }
        let bounds = [0.5, 0.6, 0.7, 0.8, 0.9, 2.0].map { Double(maxHeartRate) * $0 }
        var seconds = [Double](repeating: 0, count: 5)
        for index in 1..<samples.count {
            let delta = samples[index].offsetSeconds - samples[index - 1].offsetSeconds
            guard delta > 0, delta <= 30 else { continue }
            let bpm = samples[index - 1].beatsPerMinute
            guard bpm >= bounds[0] else { continue }
            let zone = min(4, (0..<5).last { bpm >= bounds[$0] } ?? 0)
            seconds[zone] += delta
        }
        return (0..<5).map {
            HeartRateZoneTime(zone: $0 + 1, minBeatsPerMinute: Int(bounds[$0].rounded()), maxBeatsPerMinute: $0 == 4 ? maxHeartRate : Int(bounds[$0 + 1].rounded()) - 1, seconds: seconds[$0].rounded())
        }
    }

    private func summary(
        verdict: Verdict, planned: PlannedWorkout, volume: ActualWorkout, ratio: Double, pace: Double?, paceAssessment: PaceAssessment?,
        intervals: [IntervalAnalysis]
    ) -> String {
        let percent = Int((ratio * 100).rounded())
        var text: String
        switch verdict {
        case .completed: text = "Completed \(planned.title): \(Format.distance(volume.distanceMeters)) in \(Format.duration(volume.durationSeconds))"
        case .partial: text = "Partial: \(Format.distance(volume.distanceMeters)) of \(Format.distance(planned.distanceMeters)) planned (\(percent) %)"
        case .over: text = "Over: \(Format.distance(volume.distanceMeters)) against \(Format.distance(planned.distanceMeters)) planned (\(percent) %)"
        default: text = verdict.rawValue.capitalized
        }
        if let pace, let paceAssessment, let target = planned.targetPace {
            let range = "\(Format.pace(target.minSecondsPerKm))–\(Format.pace(target.maxSecondsPerKm))"
            switch paceAssessment {
            case .onTarget: text += ", \(Format.pace(pace)) on target (\(range))"
            case .fast: text += ", \(Format.pace(pace)) faster than \(range)"
            case .slow: text += ", \(Format.pace(pace)) slower than \(range)"
            }
        }
        if !intervals.isEmpty {
            let onTarget = intervals.filter { $0.paceAssessment == .onTarget }.count
            text += ", \(onTarget) of \(intervals.count) reps on target pace"
        }
        return text + "."
    }

    private static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
