import Foundation

/// One lap of an activity.
public struct DecodedLap: Sendable {
    /// Start instant (UTC).
    public var startTime: Date
    /// Elapsed duration in seconds.
    public var elapsedSeconds: Double
    /// Timer (moving) duration in seconds.
    public var movingSeconds: Double
    /// Distance in metres.
    public var distanceMeters: Double
    /// Average heart rate in beats per minute.
    public var averageHeartRate: Double?
    /// Maximum heart rate in beats per minute.
    public var maxHeartRate: Double?
    /// Average speed in metres per second.
    public var averageSpeedMetersPerSecond: Double?

    /// Creates a lap.
    public init(
        startTime: Date, elapsedSeconds: Double, movingSeconds: Double, distanceMeters: Double,
        averageHeartRate: Double? = nil, maxHeartRate: Double? = nil, averageSpeedMetersPerSecond: Double? = nil
    ) {
        self.startTime = startTime
        self.elapsedSeconds = elapsedSeconds
        self.movingSeconds = movingSeconds
        self.distanceMeters = distanceMeters
        self.averageHeartRate = averageHeartRate
        self.maxHeartRate = maxHeartRate
        self.averageSpeedMetersPerSecond = averageSpeedMetersPerSecond
    }
}
