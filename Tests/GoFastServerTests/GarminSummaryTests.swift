@testable import GoFastServer
import JSONRPC
import XCTest

/// A Garmin summary read directly (the sync's hot path) is the summary `Codable` reads, and anything unusual is left to `Codable`.
final class GarminSummaryTests: XCTestCase {
    private func viaCodable(_ item: JSONValue) -> String? {
        (try? JSONValueDecoder().decode(ActivityInput.Garmin.self, from: item)).map { String(describing: $0) }
    }

    func testThePlainReadingIsTheCodableReading() throws {
        let values: [String: [JSONValue?]] = [
            "summaryId": [nil, .null, "s-1", "x y 走"],
            "activityId": [nil, 123456789012, 12.0, 1.5, "7"],
            "activityType": [nil, "RUNNING", 3],
            "startTimeInSeconds": [1_799_247_600, 1.799e9, 1e400, "x", nil],
            "startTimeOffsetInSeconds": [nil, -28800, 3600.0, 0.5],
            "durationInSeconds": [3000, 2999.5, nil, .null],
            "distanceInMeters": [nil, 10000, 1.25e4, true],
            "averageHeartRateInBeatsPerMinute": [nil, 150, 149.5],
            "maxHeartRateInBeatsPerMinute": [nil, .null, 185],
            "movingDurationInSeconds": [nil, 2900],
            "totalElevationGainInMeters": [nil, 12.5],
            "averageSpeedInMetersPerSecond": [nil, 3.3],
            "activityName": [nil, "Morning Run"],
        ]
        // Every value of each member against a plain base, one member varied at a time.
        let base: [String: JSONValue] = ["summaryId": "s-1", "activityType": "RUNNING", "startTimeInSeconds": 1_799_247_600, "durationInSeconds": 3000]
        var plain = 0, declined = 0
        for (key, candidates) in values {
            for candidate in candidates {
                var members = base
                members[key] = candidate
                let item = JSONValue.object(members)
                let direct = ActivityInput.Garmin(plain: members)
                if let direct {
                    XCTAssertEqual(String(describing: direct), viaCodable(item), "\(key) = \(String(describing: candidate))")
                    plain += 1
                } else {
                    declined += 1
                }
            }
        }
        XCTAssertGreaterThan(plain, 25)
        XCTAssertGreaterThan(declined, 4, "wrong types, non-finite numbers and missing required members are declined")
        // What the plain reading declines, Codable refuses too (it names the field).
        for (key, bad) in [("startTimeInSeconds", JSONValue.string("x")), ("durationInSeconds", .null), ("activityId", .number(JSONNumber(text: "1.5"))),
                           ("distanceInMeters", .bool(true)), ("startTimeInSeconds", .number(JSONNumber(text: "1e400")))] {
            var members = base
            members[key] = bad
            XCTAssertNil(ActivityInput.Garmin(plain: members), key)
            XCTAssertNil(viaCodable(.object(members)), key)
        }
    }
}
