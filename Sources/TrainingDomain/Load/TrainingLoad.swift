/// How much training stress one session carried, on the TrainingPeaks TSS scale (one hour at threshold = 100).
///
/// Stored on the activity row (`trainingLoad {value, method}`) and recomputed when the athlete's threshold inputs change;
/// see `TrainingLoadCalculator` for the rules and `ARCH_SECTION_LOAD.md` for their sources.
public struct TrainingLoad: Codable, Hashable, Sendable {
    /// The load in TSS points (≥ 0, finite).
    public var value: Double
    /// Which rule produced `value`.
    public var method: LoadMethod

    /// Creates a load of `value` points computed by `method`.
    public init(value: Double, method: LoadMethod) {
        self.value = value
        self.method = method
    }

    /// No load at all (an empty activity); reported as a duration load of 0.
    public static let zero = TrainingLoad(value: 0, method: .duration)
}

/// The rule a training load was computed by, most precise first.
public enum LoadMethod: String, Codable, CaseIterable, Sendable {
    /// Running TSS from speed against threshold speed: `100 × hours × IF²`, `IF = speed / thresholdSpeed`.
    case runningStress = "rTSS"
    /// Heart-rate TSS: `100 × hours × ((avgHR − restHR) / (thresholdHR − restHR))²`, when there is no usable distance.
    case heartRateStress = "hrTSS"
    /// `50 × hours`: an easy-run default when neither pace nor heart rate can be judged.
    case duration
}
