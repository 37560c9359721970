/// Why no race prediction can be made: what is missing, in a sentence a person can act on.
public enum PredictionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No race-like run in the window and no 5K time on the athlete.
    /// `maxHeartRateKnown` says whether hard runs could have counted by heart rate.
    case noRaceLikeRunAndNoFiveK(maxHeartRateKnown: Bool)
    /// No race-like run in the window, and the athlete's 5K time gives an implausible VDOT.
    case implausibleFiveK(timeSeconds: Double)

    /// The athlete field a caller should name (`fiveKTimeSeconds`).
    public var field: String { "fiveKTimeSeconds" }

    /// What is missing and how to supply it.
    public var description: String {
        let window = PerformancePredictor.windowDays
        switch self {
        case .noRaceLikeRunAndNoFiveK(let maxHeartRateKnown):
            let heartRate = maxHeartRateKnown
                ? "or averaging at least 88 % of max heart rate"
                : "(without a max heart rate on the athlete, only race days count)"
            return "no race-like run in the last \(window) days (a run of 3–42.2 km executed on a race day \(heartRate)) "
                + "and no 5K time on the athlete: set fiveKTimeSeconds, or record a race"
        case .implausibleFiveK(let timeSeconds):
            return "no race-like run in the last \(window) days, and the athlete's 5K time of \(Format.clock(timeSeconds)) "
                + "gives a VDOT outside the plausible 15–85"
        }
    }
}
