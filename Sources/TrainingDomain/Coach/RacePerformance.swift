/// A race result (or time trial) that tells the coach how fit the athlete is today.
public struct RacePerformance: Sendable, Hashable, Codable {
    /// The distance raced, in metres.
    public var distanceMeters: Double
    /// The finishing time, in seconds.
    public var timeSeconds: Double

    /// Creates a performance of `timeSeconds` over `distanceMeters`.
    public init(distanceMeters: Double, timeSeconds: Double) {
        self.distanceMeters = distanceMeters
        self.timeSeconds = timeSeconds
    }
}
