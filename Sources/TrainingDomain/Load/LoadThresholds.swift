/// The athlete's threshold markers that turn a session's speed or heart rate into a training load.
///
/// Derivation (`init(fiveKTimeSeconds:thresholdPaceSecondsPerKm:maxHeartRate:thresholdHeartRate:restingHeartRate:)`):
/// - threshold speed: from the athlete's own `thresholdPaceSecondsPerKm` when set, else the midpoint of Daniels' T pace
///   for the VDOT of the athlete's 5K (the same T pace the coach writes into threshold sessions); unknown without either;
/// - threshold heart rate: the athlete's `thresholdHeartRate` when set, else 0.88 × max HR (Daniels: T ≈ 88 % HRmax);
/// - resting heart rate: the athlete's when set, else `defaultRestingHeartRate` (60 bpm, a typical adult value).
public struct LoadThresholds: Codable, Hashable, Sendable {
    /// Resting heart rate assumed when the athlete has not given one, in bpm.
    public static let defaultRestingHeartRate = 60.0
    /// Threshold heart rate as a fraction of max heart rate when the athlete has not given one (Daniels' T ≈ 88 % HRmax).
    public static let thresholdFractionOfMaxHeartRate = 0.88

    /// Speed at lactate threshold in metres per second; nil when neither a threshold pace nor a 5K is known.
    public var thresholdSpeedMetersPerSecond: Double?
    /// Heart rate at lactate threshold in bpm; nil when neither it nor the max heart rate is known.
    public var thresholdHeartRate: Double?
    /// Resting heart rate in bpm (the athlete's, or `defaultRestingHeartRate`).
    public var restingHeartRate: Double

    /// Creates thresholds from the values themselves; non-finite or non-positive values count as unknown.
    public init(thresholdSpeedMetersPerSecond: Double?, thresholdHeartRate: Double?, restingHeartRate: Double = LoadThresholds.defaultRestingHeartRate) {
        self.thresholdSpeedMetersPerSecond = thresholdSpeedMetersPerSecond.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        self.thresholdHeartRate = thresholdHeartRate.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        self.restingHeartRate = restingHeartRate.isFinite && restingHeartRate > 0 ? restingHeartRate : LoadThresholds.defaultRestingHeartRate
    }

    /// Derives thresholds from an athlete's markers by the rules in the type's documentation.
    public init(fiveKTimeSeconds: Double?, thresholdPaceSecondsPerKm: Double?, maxHeartRate: Int?, thresholdHeartRate: Int?, restingHeartRate: Int?) {
        let pace: Double?
        if let own = thresholdPaceSecondsPerKm, own.isFinite, own > 0 {
            pace = own
        } else if let fiveK = fiveKTimeSeconds, fiveK.isFinite, fiveK > 0 {
            pace = VDOT.paces(vdot: VDOT.from(distanceMeters: 5000, timeSeconds: fiveK)).threshold.midSecondsPerKm
        } else {
            pace = nil
        }
        let heartRate: Double?
        if let own = thresholdHeartRate, own > 0 {
            heartRate = Double(own)
        } else if let max = maxHeartRate, max > 0 {
            heartRate = Self.thresholdFractionOfMaxHeartRate * Double(max)
        } else {
            heartRate = nil
        }
        self.init(
            thresholdSpeedMetersPerSecond: pace.map { 1000 / $0 }, thresholdHeartRate: heartRate,
            restingHeartRate: restingHeartRate.map(Double.init) ?? Self.defaultRestingHeartRate
        )
    }

    /// Derives thresholds from `athlete`, with the athlete's own threshold pace and heart rate passed explicitly.
    public init(athlete: Athlete, thresholdPaceSecondsPerKm: Double?, thresholdHeartRate: Int?) {
        self.init(
            fiveKTimeSeconds: athlete.fiveKTimeSeconds, thresholdPaceSecondsPerKm: thresholdPaceSecondsPerKm,
            maxHeartRate: athlete.maxHeartRate, thresholdHeartRate: thresholdHeartRate, restingHeartRate: athlete.restingHeartRate
        )
    }

    /// Threshold pace in seconds per km; nil when the threshold speed is unknown.
    public var thresholdPaceSecondsPerKm: Double? { thresholdSpeedMetersPerSecond.map { 1000 / $0 } }

    /// The VDOT whose Daniels T pace (88 % of VDOT) is the threshold pace; nil when it is unknown.
    public var thresholdVDOT: Double? {
        thresholdSpeedMetersPerSecond.map { VDOT.oxygenCost(metersPerMinute: $0 * 60) / VDOT.thresholdFraction }
    }

    /// The middle of Daniels' E band for `thresholdVDOT`, in seconds per km: the pace assumed for planned steps without one.
    public var easyPaceSecondsPerKm: Double? {
        thresholdVDOT.map { VDOT.paces(vdot: $0).easy.midSecondsPerKm }
    }
}
