#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#else
import Foundation
#endif

/// Race-time prediction and its inverse for every distance the coach serves (3 km … 100 km).
///
/// Up to the marathon this is Daniels–Gilbert unchanged. Beyond the marathon the
/// Daniels–Gilbert endurance curve flattens towards 80 % of VO2max and predicts ultras far too fast, so the
/// marathon prediction is extended with Riegel's power law, T₂ = T₁·(D₂/D₁)^k (P. Riegel, "Athletic records and
/// human endurance", *American Scientist* 69, 1981). Riegel's k = 1.06 fits 1.5 km … marathon; ultra results slow
/// down faster and faster, so k starts at 1.15 just past 42.195 km and rises linearly to 1.30 at 100 km (a 3:11
/// marathoner: 50 km in 3:53, 100 km in 9:47, where k = 1.15 throughout gave an unrealistic 8:36). An approximation:
/// terrain, heat and fuelling matter more than fitness there, and the plan says so.
public enum RacePredictor {
    /// Riegel exponent just past the marathon.
    public static let ultraExponent = 1.15
    /// Riegel exponent at 100 km.
    public static let hundredKilometreExponent = 1.30

    /// The Riegel exponent used from the marathon to `distanceMeters` (1.15 … 1.30, rising with distance).
    public static func exponent(distanceMeters: Double) -> Double {
        let fraction = min(max((distanceMeters - VDOT.marathonMeters) / (100_000 - VDOT.marathonMeters), 0), 1)
        return ultraExponent + (hundredKilometreExponent - ultraExponent) * fraction
    }

    /// Predicted time in seconds for `distanceMeters` at `vdot`.
    public static func time(vdot: Double, distanceMeters: Double) -> Double {
        if distanceMeters <= VDOT.marathonMeters {
            return VDOT.predictedTime(vdot: vdot, distanceMeters: distanceMeters)
        }
        let marathon = VDOT.predictedTime(vdot: vdot, distanceMeters: VDOT.marathonMeters)
        return marathon * pow(distanceMeters / VDOT.marathonMeters, exponent(distanceMeters: distanceMeters))
    }

    /// The VDOT that `timeSeconds` over `distanceMeters` implies (the inverse of `time`).
    public static func vdot(timeSeconds: Double, distanceMeters: Double) -> Double {
        if distanceMeters <= VDOT.marathonMeters {
            return VDOT.from(distanceMeters: distanceMeters, timeSeconds: timeSeconds)
        }
        let marathonEquivalent = timeSeconds / pow(distanceMeters / VDOT.marathonMeters, exponent(distanceMeters: distanceMeters))
        return VDOT.from(distanceMeters: VDOT.marathonMeters, timeSeconds: marathonEquivalent)
    }
}
