/// A runner: identity, time zone and the fitness markers the coach plans from.
public struct Athlete: Codable, Hashable, Sendable, Identifiable {
    /// The athlete's id.
    public var id: String
    /// Display name.
    public var name: String
    /// Optional e-mail address.
    public var email: String?
    /// IANA time zone name (`America/Los_Angeles`); local dates of activities and "today" come from it.
    public var timeZone: String
    /// Current 5K time in seconds: the default fitness marker for paces.
    public var fiveKTimeSeconds: Double?
    /// Maximum heart rate in beats per minute.
    public var maxHeartRate: Int?
    /// Resting heart rate in beats per minute.
    public var restingHeartRate: Int?
    /// Threshold pace in seconds per km when the runner knows it; else the load uses Daniels' T pace of the 5K.
    public var thresholdPaceSecondsPerKm: Double?
    /// Threshold (lactate) heart rate in bpm when known; else 0.88 × max heart rate.
    public var thresholdHeartRate: Int?
    /// When the record was created (RFC 3339, UTC).
    public var createdAt: String
    /// When the record last changed (RFC 3339, UTC).
    public var updatedAt: String

    public init(
        id: String, name: String, email: String? = nil, timeZone: String, fiveKTimeSeconds: Double? = nil,
        maxHeartRate: Int? = nil, restingHeartRate: Int? = nil, thresholdPaceSecondsPerKm: Double? = nil, thresholdHeartRate: Int? = nil,
        createdAt: String, updatedAt: String
    ) {
        self.thresholdPaceSecondsPerKm = thresholdPaceSecondsPerKm
        self.thresholdHeartRate = thresholdHeartRate
        self.id = id
        self.name = name
        self.email = email
        self.timeZone = timeZone
        self.fiveKTimeSeconds = fiveKTimeSeconds
        self.maxHeartRate = maxHeartRate
        self.restingHeartRate = restingHeartRate
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The 5K pace in seconds per km, derived from `fiveKTimeSeconds`.
    public var fiveKPaceSecondsPerKm: Double? { fiveKTimeSeconds.map { $0 / 5 } }
}
