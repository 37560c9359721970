import Foundation

/// One activity (a FIT session, a TCX Activity, or a whole GPX file) with its summary, laps and samples.
public struct DecodedActivity: Sendable {
    /// Normalised sport: FIT sport enum names in camelCase ("running", "cycling", "fitnessEquipment", …), "unknown" when absent.
    public var sport: String
    /// FIT sub-sport enum name in camelCase ("treadmill", "road", …), nil when absent or generic-less formats.
    public var subSport: String?
    /// Start instant (UTC).
    public var startTime: Date
    /// Device UTC offset at the time (FIT activity `local_timestamp − timestamp`, rounded to 15 min); nil when unknown.
    public var utcOffsetSeconds: Int?
    /// Elapsed (wall-clock) duration in seconds, pauses included.
    public var elapsedSeconds: Double
    /// Moving / timer duration in seconds, pauses excluded.
    public var movingSeconds: Double
    /// Distance in metres.
    public var distanceMeters: Double
    /// Average heart rate in beats per minute.
    public var averageHeartRate: Double?
    /// Maximum heart rate in beats per minute.
    public var maxHeartRate: Double?
    /// Total ascent in metres.
    public var elevationGainMeters: Double?
    /// Total descent in metres.
    public var elevationLossMeters: Double?
    /// Energy in kilocalories.
    public var calories: Double?
    /// Laps in chronological order.
    public var laps: [DecodedLap]
    /// Time-stamped samples in file order.
    public var samples: [DecodedSample]

    /// Creates an activity.
    public init(
        sport: String, subSport: String? = nil, startTime: Date, utcOffsetSeconds: Int? = nil,
        elapsedSeconds: Double, movingSeconds: Double, distanceMeters: Double,
        averageHeartRate: Double? = nil, maxHeartRate: Double? = nil,
        elevationGainMeters: Double? = nil, elevationLossMeters: Double? = nil, calories: Double? = nil,
        laps: [DecodedLap] = [], samples: [DecodedSample] = []
    ) {
        self.sport = sport
        self.subSport = subSport
        self.startTime = startTime
        self.utcOffsetSeconds = utcOffsetSeconds
        self.elapsedSeconds = elapsedSeconds
        self.movingSeconds = movingSeconds
        self.distanceMeters = distanceMeters
        self.averageHeartRate = averageHeartRate
        self.maxHeartRate = maxHeartRate
        self.elevationGainMeters = elevationGainMeters
        self.elevationLossMeters = elevationLossMeters
        self.calories = calories
        self.laps = laps
        self.samples = samples
    }
}
