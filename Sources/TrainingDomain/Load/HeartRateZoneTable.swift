/// Five heart-rate zones on Daniels' intensity bands, so a zone and the pace a plan gives for it agree.
///
/// Bands, as fractions of max heart rate (Daniels' Running Formula, 3rd ed., Table 5.2 gives E 65–79 %, M 80–90 %,
/// T 88–92 %, I 98–100 % HRmax; the M band is cut at 87 % where T begins, and I widened to 93 % to close the gap):
/// zone 1 recovery 50–64 %, zone 2 easy 65–79 %, zone 3 marathon 80–87 %, zone 4 threshold 88–92 %,
/// zone 5 interval and repetition 93–100 %. These are the zone numbers the coach writes into planned steps.
///
/// With a known resting heart rate the coach's reserve bands apply (Karvonen, `HeartRateZones.percentOfReserveLowerBounds`):
/// `bpm = rest + fraction × (max − rest)`. Each zone's `minBpm` is its lower band edge rounded; its `maxBpm` is the
/// next zone's `minBpm` − 1 (zone 5 ends at max), so the zones tile whole beats without overlap. The bands are the
/// coach's (`HeartRateZones`), so `athlete.zones` and the plans' heart-rate targets agree.
public struct HeartRateZoneTable: Codable, Hashable, Sendable {
    /// Lower edges of zones 1 … 5, then the top, as fractions of max heart rate.
    public static let bandEdges: [Double] = HeartRateZones.percentOfMaxLowerBounds.map { Double($0) / 100 } + [1.0]
    /// Lower edges of zones 1 … 5, then the top, as fractions of the heart-rate reserve.
    public static let reserveBandEdges: [Double] = HeartRateZones.percentOfReserveLowerBounds.map { Double($0) / 100 } + [1.0]
    /// Daniels' names of zones 1 … 5.
    public static let zoneNames = ["recovery", "easy", "marathon", "threshold", "interval"]

    /// How the bpm bounds were computed.
    public var method: HeartRateZoneMethod
    /// Zones 1 … 5, easiest first.
    public var zones: [HeartRateZone]

    /// The zones for `maxHeartRate`, on the heart-rate reserve when `restingHeartRate` is known and at least 20 bpm
    /// below max, else on max heart rate; nil when `maxHeartRate` is not a plausible 100–250 bpm.
    public init?(maxHeartRate: Int, restingHeartRate: Int?) {
        guard (100...250).contains(maxHeartRate) else { return nil }
        let rest: Int
        if let resting = restingHeartRate, resting > 0, resting <= maxHeartRate - 20 {
            method = .heartRateReserve
            rest = resting
        } else {
            method = .percentMaxHeartRate
            rest = 0
        }
        let fractions = method == .heartRateReserve ? Self.reserveBandEdges : Self.bandEdges
        let edges = fractions.map { Int((Double(rest) + $0 * Double(maxHeartRate - rest)).rounded()) }
        zones = (0..<5).map { index in
            HeartRateZone(zone: index + 1, minBpm: edges[index], maxBpm: index == 4 ? maxHeartRate : edges[index + 1] - 1)
        }
    }

    /// The zone (1 … 5) of a heart rate: below zone 1 counts as 1, above max as 5.
    public func zone(ofBeatsPerMinute bpm: Double) -> Int {
        zones.last { bpm >= Double($0.minBpm) }?.zone ?? 1
    }
}

/// How heart-rate zones are computed; on the wire `"percentMaxHeartRate"` or `"heartRateReserve"`.
public enum HeartRateZoneMethod: String, Codable, CaseIterable, Sendable {
    /// Fractions of max heart rate.
    case percentMaxHeartRate
    /// Fractions of the heart-rate reserve (max − rest) above rest (Karvonen).
    case heartRateReserve
}

/// One heart-rate zone with its bounds in whole beats per minute, both inclusive.
public struct HeartRateZone: Codable, Hashable, Sendable {
    /// 1 (easiest) … 5 (hardest).
    public var zone: Int
    /// Lowest heart rate of the zone.
    public var minBpm: Int
    /// Highest heart rate of the zone.
    public var maxBpm: Int

    /// Creates a zone.
    public init(zone: Int, minBpm: Int, maxBpm: Int) {
        self.zone = zone
        self.minBpm = minBpm
        self.maxBpm = maxBpm
    }
}
