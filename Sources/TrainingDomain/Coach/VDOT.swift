#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Foundation
#endif

/// Jack Daniels' and Jimmy Gilbert's running-fitness model: VDOT from a race, race predictions, and training paces.
///
/// Sources:
/// - J. Daniels & J. Gilbert, *Oxygen Power: Performance Tables for Distance Runners* (1979): the two equations below.
/// - J. Daniels, *Daniels' Running Formula*, 3rd ed. (Human Kinetics, 2014), Table 5.1 (VDOT from race times)
///   and Table 5.2 (training intensities): E ≈ 59–74 % of VDOT, M = predicted marathon pace,
///   T ≈ 88 %, I ≈ 97.5 % (95–100 %), R ≈ I pace minus 6 s per 400 m.
///
/// Oxygen cost of running at v metres per minute: `VO2 = −4.60 + 0.182258·v + 0.000104·v²`.
/// Fraction of VO2max sustainable for t minutes:
/// `0.8 + 0.1894393·e^(−0.012778·t) + 0.2989558·e^(−0.1932605·t)`. VDOT = VO2 / fraction.
public enum VDOT {
    /// Fraction of VDOT at the fast end of the easy band (3rd-edition E range, ~73 %).
    static let easyFastFraction = 0.73
    /// Fraction of VDOT at the slow end of the easy band (~63 %; Daniels' whole E zone reaches down to 59 %).
    static let easySlowFraction = 0.63
    /// Fraction of VDOT for threshold pace (Daniels: T ≈ 88 %).
    static let thresholdFraction = 0.88
    /// Fraction of VDOT for interval pace (Daniels: I at 95–100 %, tables sit at ~97.5 %).
    static let intervalFraction = 0.975
    /// Repetition pace is interval pace minus 6 s per 400 m, i.e. 15 s per km faster.
    static let repetitionOffsetSecondsPerKm = 15.0
    /// Half-width in seconds per km of the M, T, I and R ranges around Daniels' single table value.
    static let rangeHalfWidth = 3.0
    /// Marathon distance in metres.
    static let marathonMeters = 42_195.0

    /// Oxygen cost (ml/kg/min) of running at `metersPerMinute`.
    public static func oxygenCost(metersPerMinute v: Double) -> Double {
        -4.60 + 0.182258 * v + 0.000104 * v * v
    }

    /// Fraction of VO2max that can be sustained for `minutes`.
    public static func sustainableFraction(minutes t: Double) -> Double {
        0.8 + 0.1894393 * exp(-0.012778 * t) + 0.2989558 * exp(-0.1932605 * t)
    }

    /// The velocity (m/min) whose oxygen cost is `vo2`: the positive root of the oxygen-cost quadratic.
    public static func velocity(oxygenCost vo2: Double) -> Double {
        let a = 0.000104, b = 0.182258, c = -4.60 - vo2
        return (-b + (b * b - 4 * a * c).squareRoot()) / (2 * a)
    }

    /// The VDOT of running `distanceMeters` in `timeSeconds`.
    public static func from(distanceMeters: Double, timeSeconds: Double) -> Double {
        let minutes = timeSeconds / 60
        return oxygenCost(metersPerMinute: distanceMeters / minutes) / sustainableFraction(minutes: minutes)
    }

    /// The race time in seconds that a runner of `vdot` is predicted to run over `distanceMeters`
    /// (the time whose VDOT equals `vdot`, solved by bisection: VDOT falls as time grows).
    public static func predictedTime(vdot: Double, distanceMeters: Double) -> Double {
        var low = 1.0, high = 100.0 * 3600
        for _ in 0..<100 {
            let mid = (low + high) / 2
            if from(distanceMeters: distanceMeters, timeSeconds: mid) > vdot { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// Seconds per km at `fraction` of `vdot` (the velocity whose oxygen cost is fraction × VDOT).
    public static func secondsPerKm(fraction: Double, of vdot: Double) -> Double {
        60_000 / velocity(oxygenCost: fraction * vdot)
    }

    /// Daniels' single table value for each pace, in seconds per km, unrounded.
    public static func tablePaces(vdot: Double) -> (easyFast: Double, easySlow: Double, marathon: Double, threshold: Double, interval: Double, repetition: Double) {
        let interval = secondsPerKm(fraction: intervalFraction, of: vdot)
        return (
            secondsPerKm(fraction: easyFastFraction, of: vdot),
            secondsPerKm(fraction: easySlowFraction, of: vdot),
            predictedTime(vdot: vdot, distanceMeters: marathonMeters) / (marathonMeters / 1000),
            secondsPerKm(fraction: thresholdFraction, of: vdot),
            interval,
            interval - repetitionOffsetSecondsPerKm
        )
    }

    /// The training paces for `vdot`: easy is the E band (~73 %…63 %), the others Daniels' value ± 3 s, whole seconds.
    public static func paces(vdot: Double) -> TrainingPaces {
        let table = tablePaces(vdot: vdot)
        return TrainingPaces(
            easy: PaceRange(minSecondsPerKm: table.easyFast.rounded(), maxSecondsPerKm: table.easySlow.rounded()),
            marathon: band(around: table.marathon),
            threshold: band(around: table.threshold),
            interval: band(around: table.interval),
            repetition: band(around: table.repetition)
        )
    }

    /// A whole-second range of ± `rangeHalfWidth` around `center`.
    static func band(around center: Double, halfWidth: Double = rangeHalfWidth) -> PaceRange {
        let mid = center.rounded()
        return PaceRange(minSecondsPerKm: mid - halfWidth, maxSecondsPerKm: mid + halfWidth)
    }
}
