/// The athlete's training zones: Daniels' five paces and the five heart-rate zones that match them.
///
/// Pace zones come from `VDOT.paces(vdot:)` (E band, and M, T, I, R ± 3 s/km around Daniels' values), the same the coach
/// writes into plans; heart-rate zones from `HeartRateZones`, whose zones 2 … 5 are the coach's E, M, T and I/R zones.
public struct TrainingZones: Encodable, Hashable, Sendable {
    /// Pace zones E, M, T, I and R in seconds per km.
    public var paces: TrainingPaces
    /// Heart-rate zones 1 … 5; empty when the max heart rate is unknown.
    public var heartRate: [HeartRateZone]
    /// How the heart-rate zones were computed; nil (JSON `null`) when there are none.
    public var method: HeartRateZoneMethod?

    /// The zones for a runner of `vdot` with the given heart rates.
    public init(vdot: Double, maxHeartRate: Int?, restingHeartRate: Int?) {
        paces = VDOT.paces(vdot: vdot)
        let heartRateZones = maxHeartRate.flatMap { HeartRateZoneTable(maxHeartRate: $0, restingHeartRate: restingHeartRate) }
        heartRate = heartRateZones?.zones ?? []
        method = heartRateZones?.method
    }

    enum CodingKeys: String, CodingKey {
        case paces, heartRate, method
    }

    // `method` is written as an explicit null, so the shape does not depend on the athlete.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(paces, forKey: .paces)
        try container.encode(heartRate, forKey: .heartRate)
        if let method { try container.encode(method, forKey: .method) } else { try container.encodeNil(forKey: .method) }
    }
}
