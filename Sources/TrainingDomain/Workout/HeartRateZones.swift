/// The heart-rate zones the plans and the analysis share, set so that a segment's zone agrees with its pace.
///
/// Zones follow Daniels' intensities (Daniels' Running Formula, 3rd ed., Table 2.2 / ch. 4):
/// E 65–79 % of HRmax, M 80–89 %, T 88–92 %, I 98–100 % (R has no useful heart rate: the reps are too short).
/// As five zones of %HRmax: 1 recovery 50–64, 2 easy 65–79, 3 marathon 80–87, 4 threshold 88–92, 5 interval 93–100.
/// When the resting heart rate is known the same zones are taken on heart-rate reserve (Karvonen), where
/// %HRR ≈ %VO2max (Swain & Leutholtz, *Med Sci Sports Exerc* 29, 1997) and Daniels gives E 59–74 %, M 75–84 %,
/// T 83–88 %, I 95–100 % of VO2max: 1 below 59, 2 59–74, 3 75–83, 4 84–88, 5 89–100 % of reserve.
public enum HeartRateZones {
    /// Lower bounds of zones 1 … 5 in per cent of maximum heart rate.
    public static let percentOfMaxLowerBounds = [50, 65, 80, 88, 93]
    /// Lower bounds of zones 1 … 5 in per cent of heart-rate reserve.
    public static let percentOfReserveLowerBounds = [40, 59, 75, 84, 89]

    /// The %HRmax band of `zone` (1 … 5), or nil for another number.
    public static func target(zone: Int) -> HeartRateTarget? {
        guard (1...5).contains(zone) else { return nil }
        let low = percentOfMaxLowerBounds[zone - 1]
        let high = zone == 5 ? 100 : percentOfMaxLowerBounds[zone] - 1
        return HeartRateTarget(zone: zone, minPercentOfMax: low, maxPercentOfMax: high)
    }

    /// The six boundaries in beats per minute (zone 1's floor … zone 5's ceiling, the maximum): on reserve when
    /// `restingHeartRate` is known and below `maxHeartRate`, else on %HRmax.
    public static func boundaries(maxHeartRate: Int, restingHeartRate: Int? = nil) -> [Double] {
        let maximum = Double(maxHeartRate)
        if let resting = restingHeartRate, resting > 0, resting < maxHeartRate {
            let rest = Double(resting)
            return percentOfReserveLowerBounds.map { rest + Double($0) / 100 * (maximum - rest) } + [maximum]
        }
        return percentOfMaxLowerBounds.map { Double($0) / 100 * maximum } + [maximum]
    }

    /// The zone (1 … 5) of `beatsPerMinute`, nil below zone 1; above the maximum counts as zone 5.
    public static func zone(of beatsPerMinute: Double, maxHeartRate: Int, restingHeartRate: Int? = nil) -> Int? {
        let bounds = boundaries(maxHeartRate: maxHeartRate, restingHeartRate: restingHeartRate)
        guard beatsPerMinute >= bounds[0] else { return nil }
        return (0..<5).last { beatsPerMinute >= bounds[$0] }.map { $0 + 1 }
    }
}

/// A heart-rate target: the zone number and its band in per cent of maximum heart rate, so a watch can turn it
/// into beats per minute with the athlete's own maximum.
public struct HeartRateTarget: Codable, Hashable, Sendable {
    /// The zone, 1 (easiest) … 5 (hardest), as defined by `HeartRateZones`.
    public var zone: Int
    /// The band's lower bound in per cent of maximum heart rate.
    public var minPercentOfMax: Int
    /// The band's upper bound in per cent of maximum heart rate.
    public var maxPercentOfMax: Int

    /// Creates a target.
    public init(zone: Int, minPercentOfMax: Int, maxPercentOfMax: Int) {
        self.zone = zone
        self.minPercentOfMax = minPercentOfMax
        self.maxPercentOfMax = maxPercentOfMax
    }
}
