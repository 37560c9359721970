/// Computes the training load of a recorded session: rTSS from speed, else hrTSS from heart rate, else a duration default.
///
/// Rules, in order (the first whose inputs are known wins):
/// 1. **rTSS** (`100 × hours × IF²`, `IF = speed / thresholdSpeed`) needs the threshold speed and a usable distance.
///    When laps carry usable distance it is summed lap by lap, so intervals count at their own speed (IF² weights fast
///    laps more than the average would). A lap counts when it has at least 10 m and a positive time (moving, else
///    elapsed); laps without time are skipped, and a lap with time but under 10 m (standing rest) adds nothing.
///    Otherwise it is computed once from the whole activity's moving time (elapsed when no moving time) and distance.
/// 2. **hrTSS** (`100 × hours × ((avgHR − restHR) / (thresholdHR − restHR))²`, a negative ratio clamped to 0), when
///    rTSS cannot be computed (no usable distance — a treadmill without a footpod — or no threshold pace), from an
///    average heart rate and a threshold heart rate above the resting one.
/// 3. **duration**: `50 × hours`, the stress of an easy run (IF ≈ 0.7), used when neither pace nor heart rate is known.
///
/// A session with neither distance nor time has load 0; nothing here ever divides by zero or returns a non-finite value.
public struct TrainingLoadCalculator: Sendable, Hashable {
    /// Points per hour of the duration default (an easy run, IF ≈ 0.71).
    public static let durationPointsPerHour = 50.0
    /// Shortest distance (metres) that gives a usable pace, as in `Activity.pace`.
    public static let minimumDistanceMeters = 10.0

    /// The athlete's thresholds.
    public var thresholds: LoadThresholds

    /// Creates a calculator for an athlete with `thresholds`.
    public init(thresholds: LoadThresholds) {
        self.thresholds = thresholds
    }

    /// The load of `activity` (any sport: a ride's distance is judged against running threshold speed like a run's).
    public func load(of activity: Activity) -> TrainingLoad {
        load(
            distanceMeters: activity.distanceMeters, movingSeconds: activity.movingSeconds, elapsedSeconds: activity.elapsedSeconds,
            averageHeartRate: activity.averageHeartRate, laps: activity.laps
        )
    }

    /// The load of a session given by its values (a manual entry passes no laps and no heart rate).
    public func load(distanceMeters: Double, movingSeconds: Double, elapsedSeconds: Double = 0, averageHeartRate: Double?, laps: [ActivityLap] = []) -> TrainingLoad {
        let seconds = Self.duration(moving: movingSeconds, elapsed: elapsedSeconds)
        if let thresholdSpeed = thresholds.thresholdSpeedMetersPerSecond {
            var lapTotal = 0.0, usableLaps = 0
            for lap in laps {
                let lapSeconds = Self.duration(moving: lap.movingSeconds, elapsed: lap.elapsedSeconds)
                guard Self.usable(distance: lap.distanceMeters, seconds: lapSeconds) else { continue }
                lapTotal += Self.runningStress(distanceMeters: lap.distanceMeters, seconds: lapSeconds, thresholdSpeed: thresholdSpeed)
                usableLaps += 1
            }
            if usableLaps > 0 {
                return TrainingLoad(value: Self.finite(lapTotal), method: .runningStress)
            }
            if Self.usable(distance: distanceMeters, seconds: seconds) {
                return TrainingLoad(value: Self.finite(Self.runningStress(distanceMeters: distanceMeters, seconds: seconds, thresholdSpeed: thresholdSpeed)), method: .runningStress)
            }
        }
        if let heartRate = averageHeartRate, heartRate.isFinite, heartRate > 0,
           let threshold = thresholds.thresholdHeartRate, threshold > thresholds.restingHeartRate {
            let ratio = max(0, (heartRate - thresholds.restingHeartRate) / (threshold - thresholds.restingHeartRate))
            return TrainingLoad(value: Self.finite(100 * seconds / 3600 * ratio * ratio), method: .heartRateStress)
        }
        return TrainingLoad(value: Self.finite(Self.durationPointsPerHour * seconds / 3600), method: .duration)
    }

    /// `100 × hours × (speed / thresholdSpeed)²` for `distanceMeters` in `seconds` (both positive).
    static func runningStress(distanceMeters: Double, seconds: Double, thresholdSpeed: Double) -> Double {
        let intensity = distanceMeters / seconds / thresholdSpeed
        return 100 * seconds / 3600 * intensity * intensity
    }

    /// Moving time when positive, else elapsed time, else 0 (never negative or non-finite).
    static func duration(moving: Double, elapsed: Double) -> Double {
        if moving.isFinite, moving > 0 { return moving }
        if elapsed.isFinite, elapsed > 0 { return elapsed }
        return 0
    }

    /// Whether a distance and a time give a pace worth judging (at least 10 m, positive time, under a day per km).
    static func usable(distance: Double, seconds: Double) -> Bool {
        Activity.pace(distanceMeters: distance, seconds: seconds) != nil
    }

    /// `value` when finite and positive, else 0.
    static func finite(_ value: Double) -> Double {
        value.isFinite && value > 0 ? value : 0
    }
}
