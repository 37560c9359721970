/// One day's complete workout, stored as `plannedData` on a planned day and snapshotted onto its executions.
public struct PlannedWorkout: Codable, Hashable, Sendable {
    /// What kind of day this is.
    public var type: WorkoutType
    /// A short title a runner reads in a calendar (`"6 × 1 km at I pace"`).
    public var title: String
    /// What to do and why, in words a runner understands.
    public var description: String
    /// Planned distance in metres; 0 on a rest day.
    public var distanceMeters: Double
    /// Planned duration in seconds; 0 on a rest day.
    public var durationSeconds: Double
    /// The pace range of the main effort in seconds per km; nil on rest and cross-training days.
    public var targetPace: PaceRange?
    /// The heart-rate zone of the main effort (1 easiest … 5 hardest, see `HeartRateZones`), when it helps.
    public var heartRateZone: Int?
    /// The main effort's heart-rate band in %HRmax (the same zone as `heartRateZone`), when it helps.
    public var targetHeartRateZone: HeartRateTarget?
    /// The main effort described as a feeling when it has no pace (`"hard uphill"`), nil otherwise.
    public var targetEffort: String?
    /// The structured steps, in order, the shape a watch export uses.
    public var segments: [WorkoutSegment]

    // Absent values are left out when encoding: a rest day has no `targetPace` key at all.
    enum CodingKeys: String, CodingKey {
        case type, title, description, distanceMeters, durationSeconds, targetPace, heartRateZone, targetHeartRateZone, targetEffort, segments
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(description, forKey: .description)
        try container.encode(distanceMeters, forKey: .distanceMeters)
        try container.encode(durationSeconds, forKey: .durationSeconds)
        if let targetPace { try container.encode(targetPace, forKey: .targetPace) }
        if let heartRateZone { try container.encode(heartRateZone, forKey: .heartRateZone) }
        if let targetHeartRateZone { try container.encode(targetHeartRateZone, forKey: .targetHeartRateZone) }
        if let targetEffort { try container.encode(targetEffort, forKey: .targetEffort) }
        try container.encode(segments, forKey: .segments)
    }

    /// Creates a workout; `targetHeartRateZone` defaults to the band of `heartRateZone`.
    public init(
        type: WorkoutType, title: String, description: String, distanceMeters: Double, durationSeconds: Double,
        targetPace: PaceRange?, heartRateZone: Int? = nil, targetHeartRateZone: HeartRateTarget? = nil, targetEffort: String? = nil,
        segments: [WorkoutSegment]
    ) {
        self.type = type
        self.title = title
        self.description = description
        self.distanceMeters = distanceMeters
        self.durationSeconds = durationSeconds
        self.targetPace = targetPace
        self.heartRateZone = heartRateZone
        self.targetHeartRateZone = targetHeartRateZone ?? heartRateZone.flatMap(HeartRateZones.target(zone:))
        self.targetEffort = targetEffort
        self.segments = segments
    }
}

/// The kinds of planned day.
public enum WorkoutType: String, Codable, CaseIterable, Sendable {
    case rest, easy, recovery, long, threshold, intervals, marathonPace, hills, strides, race, crossTraining

    /// Threshold, intervals, marathon pace and hills: the sessions that count as quality (strides do not).
    public var isQuality: Bool {
        switch self {
        case .threshold, .intervals, .marathonPace, .hills: true
        default: false
        }
    }

    /// Whether a run is expected on this day.
    public var isRun: Bool {
        switch self {
        case .rest, .crossTraining: false
        default: true
        }
    }
}

/// The training phase a day belongs to.
public enum TrainingPhase: String, Codable, CaseIterable, Sendable {
    case base, build, peak, taper
}

/// A pace range in seconds per km; `minSecondsPerKm` is the faster end.
public struct PaceRange: Codable, Hashable, Sendable {
    /// The faster bound (fewer seconds per km).
    public var minSecondsPerKm: Double
    /// The slower bound (more seconds per km).
    public var maxSecondsPerKm: Double

    public init(minSecondsPerKm: Double, maxSecondsPerKm: Double) {
        self.minSecondsPerKm = minSecondsPerKm
        self.maxSecondsPerKm = maxSecondsPerKm
    }

    /// The middle of the range.
    public var midSecondsPerKm: Double { (minSecondsPerKm + maxSecondsPerKm) / 2 }

    /// Whether `secondsPerKm` lies in the range widened by `tolerance` seconds on each side.
    public func contains(_ secondsPerKm: Double, tolerance: Double = 0) -> Bool {
        secondsPerKm >= minSecondsPerKm - tolerance && secondsPerKm <= maxSecondsPerKm + tolerance
    }
}

/// One step of a structured workout: a warm-up, a steady block, a work or recovery rep, a cool-down, or a repeat of steps.
public struct WorkoutSegment: Codable, Hashable, Sendable {
    /// What the step is.
    public var kind: SegmentKind
    /// For `repeat`: how many times `steps` are run.
    public var repeats: Int?
    /// For `repeat`: the steps repeated, usually a work step and a recovery step.
    public var steps: [WorkoutSegment]?
    /// The step's distance in metres, when it is measured by distance.
    public var distanceMeters: Double?
    /// The step's duration in seconds, when it is measured by time.
    public var durationSeconds: Double?
    /// The step's pace range in seconds per km.
    public var targetPace: PaceRange?
    /// The step's heart-rate zone (1 … 5, see `HeartRateZones`).
    public var heartRateZone: Int?
    /// The step's heart-rate band in %HRmax (the same zone as `heartRateZone`).
    public var targetHeartRateZone: HeartRateTarget?
    /// The step's effort in words when it has no pace target (`"hard uphill"`, `"easy jog"`).
    public var targetEffort: String?
    /// A short note (`"jog"`, `"uphill at hard effort"`).
    public var note: String?

    // Absent values are left out when encoding.
    enum CodingKeys: String, CodingKey {
        case kind, repeats, steps, distanceMeters, durationSeconds, targetPace, heartRateZone, targetHeartRateZone, targetEffort, note
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        if let repeats { try container.encode(repeats, forKey: .repeats) }
        if let steps { try container.encode(steps, forKey: .steps) }
        if let distanceMeters { try container.encode(distanceMeters, forKey: .distanceMeters) }
        if let durationSeconds { try container.encode(durationSeconds, forKey: .durationSeconds) }
        if let targetPace { try container.encode(targetPace, forKey: .targetPace) }
        if let heartRateZone { try container.encode(heartRateZone, forKey: .heartRateZone) }
        if let targetHeartRateZone { try container.encode(targetHeartRateZone, forKey: .targetHeartRateZone) }
        if let targetEffort { try container.encode(targetEffort, forKey: .targetEffort) }
        if let note { try container.encode(note, forKey: .note) }
    }

    /// Creates a step; `targetHeartRateZone` defaults to the band of `heartRateZone`.
    public init(
        kind: SegmentKind, repeats: Int? = nil, steps: [WorkoutSegment]? = nil, distanceMeters: Double? = nil,
        durationSeconds: Double? = nil, targetPace: PaceRange? = nil, heartRateZone: Int? = nil,
        targetHeartRateZone: HeartRateTarget? = nil, targetEffort: String? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.repeats = repeats
        self.steps = steps
        self.distanceMeters = distanceMeters
        self.durationSeconds = durationSeconds
        self.targetPace = targetPace
        self.heartRateZone = heartRateZone
        self.targetHeartRateZone = targetHeartRateZone ?? heartRateZone.flatMap(HeartRateZones.target(zone:))
        self.targetEffort = targetEffort
        self.note = note
    }
}

/// The kinds of workout step.
public enum SegmentKind: String, Codable, CaseIterable, Sendable {
    case warmUp, steady, work, recovery, coolDown, `repeat`
}
