/// A recorded workout from a watch, a sync or a file (the seed's AthleteActivity).
public struct Activity: Codable, Hashable, Sendable, Identifiable {
    /// The activity's id.
    public var id: String
    /// Whose activity it is.
    public var athleteId: String
    /// Where it came from (`garmin`, `manual`, `file`, …).
    public var source: String
    /// The id the source gives it; unique per athlete and source.
    public var externalId: String
    /// Normalised sport (`running`, `cycling`, …).
    public var sport: String
    /// Start instant in RFC 3339 with the activity's own offset when known.
    public var startTime: String
    /// Start instant in seconds since 1970 UTC.
    public var startEpochSeconds: Double
    /// The device's UTC offset at the start, when the source gave one.
    public var utcOffsetSeconds: Int?
    /// The local calendar date of the start: from its own offset, else the athlete's time zone.
    public var localDate: CalendarDate
    /// Wall-clock duration in seconds.
    public var elapsedSeconds: Double
    /// Moving (timer) duration in seconds.
    public var movingSeconds: Double
    /// Distance in metres.
    public var distanceMeters: Double
    /// Average heart rate in bpm.
    public var averageHeartRate: Double?
    /// Maximum heart rate in bpm.
    public var maxHeartRate: Double?
    /// Total ascent in metres.
    public var elevationGainMeters: Double?
    /// Laps, when the source recorded them.
    public var laps: [ActivityLap]
    /// Seconds spent in each heart-rate sample bucket, kept compact: (offset seconds, bpm) pairs.
    public var heartRateSamples: [HeartRateSample]
    /// When the record was created (RFC 3339, UTC).
    public var createdAt: String
    /// The training load, computed when stored and again when the athlete's threshold inputs change.
    public var trainingLoad: TrainingLoad?

    public init(
        id: String, athleteId: String, source: String, externalId: String, sport: String, startTime: String, startEpochSeconds: Double,
        utcOffsetSeconds: Int?, localDate: CalendarDate, elapsedSeconds: Double, movingSeconds: Double, distanceMeters: Double,
        averageHeartRate: Double?, maxHeartRate: Double?, elevationGainMeters: Double?, laps: [ActivityLap], heartRateSamples: [HeartRateSample],
        createdAt: String, trainingLoad: TrainingLoad? = nil
    ) {
        self.trainingLoad = trainingLoad
        self.id = id
        self.athleteId = athleteId
        self.source = source
        self.externalId = externalId
        self.sport = sport
        self.startTime = startTime
        self.startEpochSeconds = startEpochSeconds
        self.utcOffsetSeconds = utcOffsetSeconds
        self.localDate = localDate
        self.elapsedSeconds = elapsedSeconds
        self.movingSeconds = movingSeconds
        self.distanceMeters = distanceMeters
        self.averageHeartRate = averageHeartRate
        self.maxHeartRate = maxHeartRate
        self.elevationGainMeters = elevationGainMeters
        self.laps = laps
        self.heartRateSamples = heartRateSamples
        self.createdAt = createdAt
    }

    /// Whether this is a run (road, trail, treadmill, track…): only runs match running workouts.
    public var isRun: Bool { Sport.isRunning(sport) }

    /// Average moving pace in seconds per km, when there is distance.
    public var averagePaceSecondsPerKm: Double? {
        Activity.pace(distanceMeters: distanceMeters, seconds: movingSeconds > 0 ? movingSeconds : elapsedSeconds)
    }

    /// Seconds per km over at least 10 m and a plausible result (under a day per km), else nil.
    public static func pace(distanceMeters: Double, seconds: Double) -> Double? {
        guard distanceMeters >= 10, seconds > 0 else { return nil }
        let pace = seconds / (distanceMeters / 1000)
        return pace.isFinite && pace < 86_400 ? pace : nil
    }
}

/// One lap of an activity.
public struct ActivityLap: Codable, Hashable, Sendable {
    /// Seconds from the activity start to the lap start.
    public var startOffsetSeconds: Double
    /// Lap wall-clock duration.
    public var elapsedSeconds: Double
    /// Lap moving duration.
    public var movingSeconds: Double
    /// Lap distance in metres.
    public var distanceMeters: Double
    /// Lap average heart rate.
    public var averageHeartRate: Double?

    public init(startOffsetSeconds: Double, elapsedSeconds: Double, movingSeconds: Double, distanceMeters: Double, averageHeartRate: Double? = nil) {
        self.startOffsetSeconds = startOffsetSeconds
        self.elapsedSeconds = elapsedSeconds
        self.movingSeconds = movingSeconds
        self.distanceMeters = distanceMeters
        self.averageHeartRate = averageHeartRate
    }

    /// Lap pace in seconds per km.
    public var paceSecondsPerKm: Double? {
        Activity.pace(distanceMeters: distanceMeters, seconds: movingSeconds > 0 ? movingSeconds : elapsedSeconds)
    }
}

/// A heart-rate reading: seconds from the start and beats per minute.
public struct HeartRateSample: Codable, Hashable, Sendable {
    /// Seconds from the activity start.
    public var offsetSeconds: Double
    /// Beats per minute.
    public var beatsPerMinute: Double

    public init(offsetSeconds: Double, beatsPerMinute: Double) {
        self.offsetSeconds = offsetSeconds
        self.beatsPerMinute = beatsPerMinute
    }
}

/// Sport names and how they map to running.
public enum Sport {
    /// Whether a normalised or source sport name is a kind of running.
    public static func isRunning(_ sport: String) -> Bool {
        let lowered = sport.lowercased()
        return lowered == "running" || lowered.hasSuffix("_running") || lowered.hasSuffix("running") && !lowered.contains("ski")
            || lowered == "run" || lowered == "track" || lowered == "treadmill"
    }

    /// Normalises a source sport (Garmin `TREADMILL_RUNNING`, FIT `running`, TCX `Running`) to our lower-camel names.
    public static func normalize(_ raw: String) -> String {
        let lowered = raw.lowercased()
        if isRunning(lowered) { return "running" }
        switch lowered {
        case "cycling", "biking", "road_biking", "mountain_biking", "indoor_cycling", "virtual_ride", "gravel_cycling", "bike": return "cycling"
        case "walking", "walk", "casual_walking", "speed_walking": return "walking"
        case "swimming", "lap_swimming", "open_water_swimming", "pool_swim": return "swimming"
        case "hiking": return "hiking"
        case "": return "unknown"
        default:
            // snake_case → lowerCamelCase
            let parts = lowered.split(separator: "_")
            guard let first = parts.first else { return "unknown" }
            return String(first) + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
    }
}
