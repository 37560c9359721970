/// What the athlete could race today: a VDOT, where it came from, and the race times it predicts.
public struct PerformancePrediction: Encodable, Hashable, Sendable {
    /// The Daniels–Gilbert VDOT the predictions come from.
    public var vdot: Double
    /// The run the VDOT comes from, or the athlete's profile 5K.
    public var source: PredictionSource
    /// Predicted times for 5K, 10K, half marathon and marathon, in that order.
    public var predictions: [PredictedRaceTime]

    /// Creates a prediction.
    public init(vdot: Double, source: PredictionSource, predictions: [PredictedRaceTime]) {
        self.vdot = vdot
        self.source = source
        self.predictions = predictions
    }
}

/// Where a predicted VDOT comes from; on the wire the string `"profile"` or `{activityId, date, distanceMeters, movingSeconds}`.
public enum PredictionSource: Encodable, Hashable, Sendable {
    /// The athlete's 5K time (`fiveKTimeSeconds`).
    case profile
    /// A race-like run of the last 42 days.
    case activity(RaceEffort)

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .profile:
            var container = encoder.singleValueContainer()
            try container.encode("profile")
        case .activity(let effort):
            try effort.encode(to: encoder)
        }
    }
}

/// A predicted race time.
public struct PredictedRaceTime: Codable, Hashable, Sendable {
    /// The race distance in metres.
    public var distanceMeters: Double
    /// The predicted time in seconds.
    public var timeSeconds: Double

    /// Creates a predicted time.
    public init(distanceMeters: Double, timeSeconds: Double) {
        self.distanceMeters = distanceMeters
        self.timeSeconds = timeSeconds
    }
}
