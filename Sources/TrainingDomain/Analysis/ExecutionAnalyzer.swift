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

/// Compares what was done with what was planned: ratios, intensity for the workout type, each interval against
/// its own target, time in heart-rate zones, a 0–100 compliance score, a verdict, a colour, a one-line summary and
/// one sentence of advice.
///
/// - Volume: the verdict follows the distance ratio (the plan prescribes distance; duration when it does not).
///   The colour follows TrainingPeaks' calendar convention on the duration ratio (green 80–120 %, yellow 50–79 %
///   or 121–150 %, red otherwise). Cut short and run long score differently: the volume part is the ratio itself
///   when short (half the distance: 50) and falls twice as fast when long (half again: 0), because extra distance
///   adds fatigue and injury risk that the next sessions pay for, while stopping early is often the right call.
/// - Intensity, by workout type: an easy, recovery or long run faster than its range (or with an average heart
///   rate above zone 2, 80 % HRmax) is `tooHard`; slower is fine. Marathon-pace runs and races are judged both
///   ways. A structured session (warm-up, work, cool-down) is judged on its reps when the activity has laps;
///   without laps, on the average moving pace against the plan's own average (work and easy parts mixed): closer
///   to the all-easy average than to the plan's means the intensity was missed (`tooEasy`), well faster than the
///   plan's is `tooHard`. Hills go by effort, so only heart rate can judge them.
/// - A day whose intensity was missed or overdone is never green.
public struct ExecutionAnalyzer: Sendable {
    /// Seconds per km either side of a target range still counted as on target.
    public var paceToleranceSecondsPerKm: Double = 5

    public init() {}

    /// Analyses one execution. `dayTotal` is the sum of every run on the same planned day (a double or a
    /// separately saved warm-up), used for the volume ratios; nil means this run alone. `restingHeartRate`, when
    /// known, puts the zones on heart-rate reserve.
    public func analyze(
        planned: PlannedWorkout?, actual: ActualWorkout, dayTotal: ActualWorkout? = nil, maxHeartRate: Int?, restingHeartRate: Int? = nil,
        isExtraRun: Bool = false
    ) -> ExecutionAnalysis {
        let zones = heartRateZones(actual.heartRateSamples, maxHeartRate: maxHeartRate, restingHeartRate: restingHeartRate)
        guard let planned, planned.type.isRun else {
            return unplanned(actual: actual, planned: planned, zones: zones, reason: planned.map { "a \($0.type.rawValue) day" } ?? "no planned workout")
        }
        if isExtraRun {
            var analysis = unplanned(actual: actual, planned: planned, zones: zones, reason: "")
            analysis.summary = "Extra run of \(Format.distance(actual.distanceMeters)): counted in the day's total; the day's main run carries its analysis."
            analysis.advice = "Keep extra runs short and easy so they add aerobic volume without taking from the planned sessions."
            return analysis
        }
        let volume = dayTotal ?? actual
        let distanceRatio = planned.distanceMeters > 0 ? volume.distanceMeters / planned.distanceMeters : nil
        let durationRatio = planned.durationSeconds > 0 ? volume.durationSeconds / planned.durationSeconds : nil
        // The plan prescribes distance, so distance decides the verdict and the score (running slower must not
        // "fill" a short run); the colour keeps TrainingPeaks' convention on duration.
        let ratio = distanceRatio ?? durationRatio ?? 0
        let colorRatio = durationRatio ?? distanceRatio ?? 0

        let pace = actual.paceSecondsPerKm
        let steady: Set<WorkoutType> = [.easy, .recovery, .long, .strides, .marathonPace, .race]
        let structured = planned.segments.contains { $0.kind == .warmUp }
        var paceAssessment: PaceAssessment?
        if steady.contains(planned.type), !structured, let target = planned.targetPace, let pace {
            paceAssessment = assess(pace, against: target)
        }
        let intervals = intervalAnalyses(planned: planned, laps: actual.laps)
        let judgement = intensity(planned: planned, actual: actual, pace: pace, paceAssessment: paceAssessment, structured: structured,
                                  intervals: intervals, maxHeartRate: maxHeartRate, restingHeartRate: restingHeartRate)

        // Score: volume 60 %, intensity 40 % (unknown intensity: volume only); reps replace part of the intensity.
        let volumeScore = ratio <= 1 ? max(0, ratio) * 100 : max(0, 1 - 2 * (ratio - 1)) * 100
        var parts: [(score: Double, weight: Double)] = [(volumeScore, 0.6)]
        switch judgement.assessment {
        case .asPlanned: parts.append((100 - min(30, judgement.severity * 30), 0.4))
        case .tooHard, .tooEasy: parts.append((max(0, 60 - judgement.severity * 60), 0.4))
        case .unknown: break
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
        if color == .green, judgement.assessment == .tooHard || judgement.assessment == .tooEasy
            || (intervals.count > 0 && offTargetIntervals * 2 > intervals.count) {
            color = .yellow
        }

        return ExecutionAnalysis(
            verdict: verdict, complianceScore: min(100, max(0, score)),
            summary: summary(verdict: verdict, planned: planned, volume: volume, ratio: ratio, pace: pace, paceAssessment: paceAssessment,
                             intervals: intervals, judgement: judgement),
            color: color, distanceRatio: distanceRatio.map(Self.round3), durationRatio: durationRatio.map(Self.round3),
            plannedDistanceMeters: planned.distanceMeters, actualDistanceMeters: volume.distanceMeters,
            plannedDurationSeconds: planned.durationSeconds, actualDurationSeconds: volume.durationSeconds,
            averagePaceSecondsPerKm: pace.map { $0.rounded() }, targetPace: planned.targetPace, paceAssessment: paceAssessment,
            intervals: intervals, heartRateZones: zones, intensity: judgement.assessment,
            advice: advice(verdict: verdict, planned: planned, ratio: ratio, judgement: judgement)
        )
    }

    /// An intensity judgement: the assessment, how far off (0 … 1), and the reason in words.
    struct IntensityJudgement {
        var assessment: IntensityAssessment
        var severity: Double = 0
        var reason: String = ""
    }

    /// Judges the intensity of `actual` against `planned` for its workout type.
    func intensity(
        planned: PlannedWorkout, actual: ActualWorkout, pace: Double?, paceAssessment: PaceAssessment?, structured: Bool,
        intervals: [IntervalAnalysis], maxHeartRate: Int?, restingHeartRate: Int?
    ) -> IntensityJudgement {
        let easyTypes: Set<WorkoutType> = [.easy, .recovery, .long, .strides]
        let heartZone: Int? = {
            guard let bpm = actual.averageHeartRate, let maxHeartRate, bpm > 0 else { return nil }
            return HeartRateZones.zone(of: bpm, maxHeartRate: maxHeartRate, restingHeartRate: restingHeartRate) ?? 1
        }()
        if easyTypes.contains(planned.type) {
            guard let target = planned.targetPace else { return IntensityJudgement(assessment: .unknown) }
            if let pace, paceAssessment == .fast {
                let over = target.minSecondsPerKm - pace
                return IntensityJudgement(assessment: .tooHard, severity: min(1, over / 40),
                                          reason: "\(Int(over.rounded())) s/km faster than the easy range")
            }
            if let heartZone, heartZone >= 3 {
                return IntensityJudgement(assessment: .tooHard, severity: heartZone >= 4 ? 1 : 0.5,
                                          reason: "average heart rate in zone \(heartZone), above the easy zone 2")
            }
            if pace == nil && heartZone == nil { return IntensityJudgement(assessment: .unknown) }
            return IntensityJudgement(assessment: .asPlanned)
        }
        if !intervals.isEmpty {
            let fast = intervals.filter { $0.paceAssessment == .fast }.count
            let slow = intervals.filter { $0.paceAssessment == .slow }.count
            if fast * 2 > intervals.count {
                return IntensityJudgement(assessment: .tooHard, severity: Double(fast) / Double(intervals.count),
                                          reason: "\(fast) of \(intervals.count) reps faster than target")
            }
            if slow * 2 > intervals.count {
                return IntensityJudgement(assessment: .tooEasy, severity: Double(slow) / Double(intervals.count),
                                          reason: "\(slow) of \(intervals.count) reps slower than target")
            }
            return IntensityJudgement(assessment: .asPlanned, severity: Double(fast + slow) / Double(intervals.count) / 2)
        }
        if !structured {
            // A continuous race-pace run or the race: judged both ways on the target.
            guard let pace, let target = planned.targetPace, let paceAssessment else { return IntensityJudgement(assessment: .unknown) }
            switch paceAssessment {
            case .onTarget: return IntensityJudgement(assessment: .asPlanned)
            case .fast:
                let off = target.minSecondsPerKm - pace
                return IntensityJudgement(assessment: .tooHard, severity: min(1, off / 30), reason: "\(Int(off.rounded())) s/km faster than target")
            case .slow:
                let off = pace - target.maxSecondsPerKm
                return IntensityJudgement(assessment: .tooEasy, severity: min(1, off / 30), reason: "\(Int(off.rounded())) s/km slower than target")
            }
        }
        // A structured session without laps: the average moving pace against the plan's own average, and against
        // the average the same day would have if every step were run at its warm-up (easy) pace.
        guard let pace, planned.distanceMeters > 0, planned.durationSeconds > 0,
              let easy = planned.segments.first(where: { $0.kind == .warmUp })?.targetPace else {
            if let heartZone, let intended = planned.heartRateZone, heartZone + 2 <= intended {
                return IntensityJudgement(assessment: .tooEasy, severity: 0.5, reason: "average heart rate only in zone \(heartZone)")
            }
            return IntensityJudgement(assessment: .unknown)
        }
        let plannedAverage = planned.durationSeconds / (planned.distanceMeters / 1000)
        let easyAverage = easy.midSecondsPerKm
        let gap = max(easyAverage - plannedAverage, 5)
        if pace > plannedAverage + gap / 2 + paceToleranceSecondsPerKm {
            return IntensityJudgement(assessment: .tooEasy, severity: min(1, (pace - plannedAverage) / gap),
                                      reason: "averaged \(Format.pace(pace)), close to easy running (\(Format.pace(easyAverage))) rather than the session's \(Format.pace(plannedAverage))")
        }
        if pace < plannedAverage - max(gap / 2, 10) - paceToleranceSecondsPerKm {
            return IntensityJudgement(assessment: .tooHard, severity: min(1, (plannedAverage - pace) / (2 * gap)),
                                      reason: "averaged \(Format.pace(pace)), well faster than the session's \(Format.pace(plannedAverage))")
        }
        return IntensityJudgement(assessment: .asPlanned)
    }

    /// One sentence a coach would say about this run.
    func advice(verdict: Verdict, planned: PlannedWorkout, ratio: Double, judgement: IntensityJudgement) -> String {
        let range = planned.targetPace.map { Format.paceRange($0) }
        let easyTypes: Set<WorkoutType> = [.easy, .recovery, .long, .strides]
        switch (judgement.assessment, easyTypes.contains(planned.type)) {
        case (.tooHard, true):
            return "Keep \(planned.type == .long ? "long runs" : "easy days") at \(range ?? "an easy, conversational pace")\(range == nil ? "" : ", fully conversational,") so that your quality sessions are good; easy days done hard leave you tired for the days that count."
        case (.tooHard, false):
            return "Faster than planned is not better: hold \(range ?? "the planned pace") on the work so you finish strong and recover in time for the next session."
        case (.tooEasy, _):
            if planned.type == .race { return "Review what held you back on race day (pacing, fuelling, heat) before choosing the next target." }
            return "The intensity was missed: next time run the work at \(range ?? "the planned effort") after a good warm-up, or move the session to a fresher day rather than jogging it."
        default:
            break
        }
        switch verdict {
        case .partial:
            return planned.type.isQuality || planned.type == .long
                ? "Cut short: if you felt bad, stopping was the right call; do not make up the distance later in the week, just take up the plan again."
                : "A shorter easy day is fine now and then; if it keeps happening, tell the plan your real weekly volume."
        case .over:
            return "Running \(Int(((ratio - 1) * 100).rounded())) % more than planned adds fatigue the next sessions pay for: stick to the planned distance and keep the extra for later in the block."
        default:
            break
        }
        if judgement.assessment == .unknown {
            return planned.type == .hills
                ? "Hills go by effort: next time wear a heart-rate strap, or note how hard the reps felt, so the effort can be judged."
                : "Record pace or heart rate next time so the effort can be judged, not just the distance."
        }
        if easyTypes.contains(planned.type) {
            return "Well done: relaxed and on plan; easy running like this is what lets you absorb the hard days."
        }
        return "Well executed: recover well (easy running, sleep, food) so the next session goes as well as this one."
    }

    /// The analysis of a planned run day with no execution once it has passed.
    public func missed(planned: PlannedWorkout) -> ExecutionAnalysis {
        ExecutionAnalysis(
            verdict: .missed, complianceScore: 0, summary: "Missed: \(planned.title) was not done.", color: .red,
            distanceRatio: planned.distanceMeters > 0 ? 0 : nil, durationRatio: planned.durationSeconds > 0 ? 0 : nil,
            plannedDistanceMeters: planned.distanceMeters, actualDistanceMeters: 0, plannedDurationSeconds: planned.durationSeconds,
            actualDurationSeconds: 0, averagePaceSecondsPerKm: nil, targetPace: planned.targetPace, paceAssessment: nil, intervals: [],
            heartRateZones: nil, intensity: .unknown,
            advice: "Missed days happen: do not try to make it up, just carry on with the plan from the next session."
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
            targetPace: nil, paceAssessment: nil, intervals: [], heartRateZones: zones, intensity: .unknown,
            advice: "Unplanned runs still count: keep them easy and include them in your weekly volume."
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

    /// Seconds in zones 1–5 of `HeartRateZones` (on reserve when `restingHeartRate` is known); gaps over 30 s are not counted.
    func heartRateZones(_ samples: [HeartRateSample], maxHeartRate: Int?, restingHeartRate: Int? = nil) -> [HeartRateZoneTime]? {
        guard let maxHeartRate, samples.count >= 2 else { return nil }
        let bounds = HeartRateZones.boundaries(maxHeartRate: maxHeartRate, restingHeartRate: restingHeartRate)
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
        intervals: [IntervalAnalysis], judgement: IntensityJudgement
    ) -> String {
        let percent = Int((ratio * 100).rounded())
        var text: String
        switch verdict {
        case .completed: text = "Completed \(planned.title): \(Format.distance(volume.distanceMeters)) in \(Format.duration(volume.durationSeconds))"
        case .partial: text = "Cut short: \(Format.distance(volume.distanceMeters)) of \(Format.distance(planned.distanceMeters)) planned (\(percent) %)"
        case .over: text = "Ran long: \(Format.distance(volume.distanceMeters)) against \(Format.distance(planned.distanceMeters)) planned (\(percent) %)"
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
            let fast = intervals.filter { $0.paceAssessment == .fast }.count
            let slow = intervals.filter { $0.paceAssessment == .slow }.count
            text += ", \(onTarget) of \(intervals.count) reps on target pace"
            if fast > 0 { text += ", \(fast) too fast" }
            if slow > 0 { text += ", \(slow) too slow" }
        }
        switch judgement.assessment {
        case .tooHard: text += "; too hard for the day" + (judgement.reason.isEmpty ? "" : " (\(judgement.reason))")
        case .tooEasy: text += "; intensity missed" + (judgement.reason.isEmpty ? "" : " (\(judgement.reason))")
        case .asPlanned where paceAssessment == .slow: text += "; slower than planned, which is fine on an easy day"
        default: break
        }
        return text + "."
    }

    private static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
