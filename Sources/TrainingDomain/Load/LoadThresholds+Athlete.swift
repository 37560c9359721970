extension LoadThresholds {
    /// The thresholds of an athlete: their threshold pace and heart rate when set, else derived from the 5K and max HR.
    public init(_ athlete: Athlete) {
        self.init(athlete: athlete, thresholdPaceSecondsPerKm: athlete.thresholdPaceSecondsPerKm, thresholdHeartRate: athlete.thresholdHeartRate)
    }
}
