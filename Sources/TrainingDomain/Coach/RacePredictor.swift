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
/// down faster, so k = 1.15 is used past 42.195 km (an approximation: terrain and heat matter more than fitness there).
public enum RacePredictor {
    /// Riegel exponent used past the marathon.
    public static let ultraExponent = 1.15

    /// Predicted time in seconds for `distanceMeters` at `vdot`.
    public static func time(vdot: Double, distanceMeters: Double) -> Double {
        if distanceMeters <= VDOT.marathonMeters {
            return VDOT.predictedTime(vdot: vdot, distanceMeters: distanceMeters)
        }
        let marathon = VDOT.predictedTime(vdot: vdot, distanceMeters: VDOT.marathonMeters)
        return marathon * pow(distanceMeters / VDOT.marathonMeters, ultraExponent)
    }

    /// The VDOT that `timeSeconds` over `distanceMeters` implies (the inverse of `time`).
    public static func vdot(timeSeconds: Double, distanceMeters: Double) -> Double {
        if distanceMeters <= VDOT.marathonMeters {
            return VDOT.from(distanceMeters: distanceMeters, timeSeconds: timeSeconds)
        }
        let marathonEquivalent = timeSeconds / pow(distanceMeters / VDOT.marathonMeters, ultraExponent)
        return VDOT.from(distanceMeters: VDOT.marathonMeters, timeSeconds: marathonEquivalent)
    }
}
