import Foundation

/// One time-stamped sample (FIT record, GPX point, TCX trackpoint).
public struct DecodedSample: Sendable {
    /// Sample instant (UTC).
    public var time: Date
    /// Latitude in degrees.
    public var latitude: Double?
    /// Longitude in degrees.
    public var longitude: Double?
    /// Altitude in metres.
    public var altitudeMeters: Double?
    /// Cumulative distance in metres.
    public var distanceMeters: Double?
    /// Heart rate in beats per minute.
    public var heartRate: Double?
    /// Speed in metres per second.
    public var speedMetersPerSecond: Double?
    /// Cadence in revolutions (or strides) per minute.
    public var cadence: Double?

    /// Creates a sample.
    public init(
        time: Date, latitude: Double? = nil, longitude: Double? = nil, altitudeMeters: Double? = nil,
        distanceMeters: Double? = nil, heartRate: Double? = nil, speedMetersPerSecond: Double? = nil,
        cadence: Double? = nil
    ) {
        self.time = time
        self.latitude = latitude
        self.longitude = longitude
        self.altitudeMeters = altitudeMeters
        self.distanceMeters = distanceMeters
        self.heartRate = heartRate
        self.speedMetersPerSecond = speedMetersPerSecond
        self.cadence = cadence
    }
}
