/// How an executed day compares with its plan; stored on the executed day as `analysis`.
public struct ExecutionAnalysis: Codable, Hashable, Sendable {
    /// The overall judgement.
    public var verdict: Verdict
    /// 0 … 100: how closely the plan was followed (duration, distance, pace and intervals).
    public var complianceScore: Int
    /// One line a runner understands.
    public var summary: String
    /// TrainingPeaks' calendar colour from the duration ratio, refined by pace.
    public var color: ComplianceColor
    /// Actual distance / planned distance; nil when nothing was planned.
    public var distanceRatio: Double?
    /// Actual duration / planned duration; nil when nothing was planned.
    public var durationRatio: Double?
    /// Planned distance in metres.
    public var plannedDistanceMeters: Double
    /// Actual distance in metres.
    public var actualDistanceMeters: Double
    /// Planned duration in seconds.
    public var plannedDurationSeconds: Double
    /// Actual moving duration in seconds.
    public var actualDurationSeconds: Double
    /// Actual average pace in seconds per km.
    public var averagePaceSecondsPerKm: Double?
    /// The planned pace range of the main effort.
    public var targetPace: PaceRange?
    /// Average pace against the target: `onTarget`, `fast`, `slow`, or nil when there is no target.
    public var paceAssessment: PaceAssessment?
    /// Each work interval against its own target, when the workout is structured and the activity has laps.
    public var intervals: [IntervalAnalysis]
    /// Seconds in each heart-rate zone, when heart rate and the athlete's max are known.
    public var heartRateZones: [HeartRateZoneTime]?
    /// Whether the intended intensity was hit, judged for the workout type (an easy day too fast is too hard).
    public var intensity: IntensityAssessment
    /// One sentence of advice a coach would give about this run.
    public var advice: String
    /// The training load of what was done (rTSS, hrTSS or the duration default); set with the day's analysis.
    public var trainingLoad: TrainingLoad?

    /// Creates an analysis.
    public init(
        verdict: Verdict, complianceScore: Int, summary: String, color: ComplianceColor, distanceRatio: Double?, durationRatio: Double?,
        plannedDistanceMeters: Double, actualDistanceMeters: Double, plannedDurationSeconds: Double, actualDurationSeconds: Double,
        averagePaceSecondsPerKm: Double?, targetPace: PaceRange?, paceAssessment: PaceAssessment?, intervals: [IntervalAnalysis],
        heartRateZones: [HeartRateZoneTime]?, intensity: IntensityAssessment = .unknown, advice: String = ""
    ) {
        self.verdict = verdict
        self.complianceScore = complianceScore
        self.summary = summary
        self.color = color
        self.distanceRatio = distanceRatio
        self.durationRatio = durationRatio
        self.plannedDistanceMeters = plannedDistanceMeters
        self.actualDistanceMeters = actualDistanceMeters
        self.plannedDurationSeconds = plannedDurationSeconds
        self.actualDurationSeconds = actualDurationSeconds
        self.averagePaceSecondsPerKm = averagePaceSecondsPerKm
        self.targetPace = targetPace
        self.paceAssessment = paceAssessment
        self.intervals = intervals
        self.heartRateZones = heartRateZones
        self.intensity = intensity
        self.advice = advice
    }

    enum CodingKeys: String, CodingKey {
        case verdict, complianceScore, summary, color, distanceRatio, durationRatio, plannedDistanceMeters, actualDistanceMeters
        case plannedDurationSeconds, actualDurationSeconds, averagePaceSecondsPerKm, targetPace, paceAssessment, intervals, heartRateZones
        case intensity, advice, trainingLoad
    }

    /// Decodes an analysis; one stored before `intensity` and `advice` existed reads as `unknown` with no advice.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        verdict = try container.decode(Verdict.self, forKey: .verdict)
        complianceScore = try container.decode(Int.self, forKey: .complianceScore)
        summary = try container.decode(String.self, forKey: .summary)
        color = try container.decode(ComplianceColor.self, forKey: .color)
        distanceRatio = try container.decodeIfPresent(Double.self, forKey: .distanceRatio)
        durationRatio = try container.decodeIfPresent(Double.self, forKey: .durationRatio)
        plannedDistanceMeters = try container.decode(Double.self, forKey: .plannedDistanceMeters)
        actualDistanceMeters = try container.decode(Double.self, forKey: .actualDistanceMeters)
        plannedDurationSeconds = try container.decode(Double.self, forKey: .plannedDurationSeconds)
        actualDurationSeconds = try container.decode(Double.self, forKey: .actualDurationSeconds)
        averagePaceSecondsPerKm = try container.decodeIfPresent(Double.self, forKey: .averagePaceSecondsPerKm)
        targetPace = try container.decodeIfPresent(PaceRange.self, forKey: .targetPace)
        paceAssessment = try container.decodeIfPresent(PaceAssessment.self, forKey: .paceAssessment)
        intervals = try container.decode([IntervalAnalysis].self, forKey: .intervals)
        heartRateZones = try container.decodeIfPresent([HeartRateZoneTime].self, forKey: .heartRateZones)
        intensity = try container.decodeIfPresent(IntensityAssessment.self, forKey: .intensity) ?? .unknown
        advice = try container.decodeIfPresent(String.self, forKey: .advice) ?? ""
        trainingLoad = try container.decodeIfPresent(TrainingLoad.self, forKey: .trainingLoad)
    }
}

/// Whether a run hit the intensity its workout type calls for.
public enum IntensityAssessment: String, Codable, CaseIterable, Sendable {
    /// The intended intensity (or easier on an easy day, which is fine).
    case asPlanned
    /// Harder than intended: an easy or long run too fast, reps or a tempo too fast.
    case tooHard
    /// Easier than intended on a day that needed intensity: the session's purpose was missed.
    case tooEasy
    /// Not enough information (no pace or heart rate to judge, or an effort-only session without heart rate).
    case unknown
}

/// The judgement of one executed day.
public enum Verdict: String, Codable, CaseIterable, Sendable {
    case completed, partial, over, unplanned, missed
}

/// The calendar colour runners know from TrainingPeaks.
public enum ComplianceColor: String, Codable, CaseIterable, Sendable {
    case green, yellow, red, grey
}

/// Pace against the target range.
public enum PaceAssessment: String, Codable, Sendable {
    case onTarget, fast, slow
}

/// One work interval (a lap) against its target.
public struct IntervalAnalysis: Codable, Hashable, Sendable {
    /// The rep number from 1.
    public var repetition: Int
    /// The lap's index in the activity.
    public var lapIndex: Int
    /// Planned distance of the rep, when by distance.
    public var plannedDistanceMeters: Double?
    /// Planned duration of the rep, when by time.
    public var plannedDurationSeconds: Double?
    /// Actual distance.
    public var actualDistanceMeters: Double
    /// Actual duration.
    public var actualDurationSeconds: Double
    /// The rep's target pace.
    public var targetPace: PaceRange?
    /// The rep's actual pace.
    public var actualPaceSecondsPerKm: Double?
    /// Pace against the rep's own target.
    public var paceAssessment: PaceAssessment?

    public init(
        repetition: Int, lapIndex: Int, plannedDistanceMeters: Double?, plannedDurationSeconds: Double?, actualDistanceMeters: Double,
        actualDurationSeconds: Double, targetPace: PaceRange?, actualPaceSecondsPerKm: Double?, paceAssessment: PaceAssessment?
    ) {
        self.repetition = repetition
        self.lapIndex = lapIndex
        self.plannedDistanceMeters = plannedDistanceMeters
        self.plannedDurationSeconds = plannedDurationSeconds
        self.actualDistanceMeters = actualDistanceMeters
        self.actualDurationSeconds = actualDurationSeconds
        self.targetPace = targetPace
        self.actualPaceSecondsPerKm = actualPaceSecondsPerKm
        self.paceAssessment = paceAssessment
    }
}

/// Time spent in one heart-rate zone.
public struct HeartRateZoneTime: Codable, Hashable, Sendable {
    /// Zone 1 (easiest) … 5 (hardest), as defined by `HeartRateZones`.
    public var zone: Int
    /// Lower bound in bpm.
    public var minBeatsPerMinute: Int
    /// Upper bound in bpm.
    public var maxBeatsPerMinute: Int
    /// Seconds spent in the zone.
    public var seconds: Double

    public init(zone: Int, minBeatsPerMinute: Int, maxBeatsPerMinute: Int, seconds: Double) {
        self.zone = zone
        self.minBeatsPerMinute = minBeatsPerMinute
        self.maxBeatsPerMinute = maxBeatsPerMinute
        self.seconds = seconds
    }
}
