import Foundation
import Testing
@testable import TrainingDomain

/// Heart-rate zones on Daniels' bands and the pace zones beside them.
@Suite struct LoadZonesTests {
    func bounds(_ zones: HeartRateZoneTable) -> [[Int]] { zones.zones.map { [$0.zone, $0.minBpm, $0.maxBpm] } }

    @Test func percentOfMaxHeartRate() throws {
        // Max 190: 50 % = 95, 65 % = 123.5 → 124, 80 % = 152, 88 % = 167.2 → 167, 93 % = 176.7 → 177.
        let zones = try #require(HeartRateZoneTable(maxHeartRate: 190, restingHeartRate: nil))
        #expect(zones.method == .percentMaxHeartRate)
        #expect(bounds(zones) == [[1, 95, 123], [2, 124, 151], [3, 152, 166], [4, 167, 176], [5, 177, 190]])
    }

    @Test func heartRateReserveWhenRestIsKnown() throws {
        // Max 190, rest 50, reserve 140: 50 + 70 = 120, 50 + 91 = 141, 50 + 112 = 162, 50 + 123.2 → 173, 50 + 130.2 → 180.
        let zones = try #require(HeartRateZoneTable(maxHeartRate: 190, restingHeartRate: 50))
        #expect(zones.method == .heartRateReserve)
        #expect(bounds(zones) == [[1, 106, 132], [2, 133, 154], [3, 155, 167], [4, 168, 174], [5, 175, 190]])
    }

    @Test func zoneOfAHeartRate() throws {
        let zones = try #require(HeartRateZoneTable(maxHeartRate: 190, restingHeartRate: nil))
        #expect([80.0, 123, 124, 166.9, 167, 200].map(zones.zone(ofBeatsPerMinute:)) == [1, 1, 2, 3, 4, 5])
    }

    @Test func implausibleInputsFallBackOrGiveNothing() {
        #expect(HeartRateZoneTable(maxHeartRate: 60, restingHeartRate: nil) == nil)
        #expect(HeartRateZoneTable(maxHeartRate: 180, restingHeartRate: 170)?.method == .percentMaxHeartRate)
    }

    @Test func paceZonesAreDanielsPaces() {
        // Daniels Table 5.2, VDOT 50: M ≈ 4:31/km (3:10:49 marathon), T 4:15/km, I 3:55/km, R 88 s per 400 m (3:40/km).
        let zones = TrainingZones(vdot: 50, maxHeartRate: 190, restingHeartRate: nil)
        #expect(zones.paces.marathon.contains(271, tolerance: 1))
        #expect(zones.paces.threshold.contains(255, tolerance: 1))
        #expect(zones.paces.interval.contains(235, tolerance: 2))
        #expect(zones.paces.repetition.contains(220, tolerance: 2))
        #expect(zones.method == .percentMaxHeartRate)
        #expect(zones.heartRate.count == 5)
    }

    @Test func withoutMaxHeartRateTheMethodIsNull() throws {
        let zones = TrainingZones(vdot: 50, maxHeartRate: nil, restingHeartRate: 50)
        #expect(zones.heartRate.isEmpty && zones.method == nil)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(zones)) as? [String: Any]
        #expect(object?["method"] is NSNull)
        #expect((object?["paces"] as? [String: Any])?.keys.sorted() == ["easy", "interval", "marathon", "repetition", "threshold"])
    }
}
