@testable import GoFastServer
import JSONRPC
import TrainingDomain
import XCTest

/// `athlete.get` writes its result by hand on the hot path; the bytes must be the `Codable` encoding's, whatever the athlete.
final class AthleteGetTests: XCTestCase {
    func testTheDirectEncodingIsTheCodableEncoding() throws {
        let names = ["Plain", "Zoë \"Quick\" O'Brien \\ 走る 🏃", "Tab\tNew\nline\r\u{1}\u{1F}\u{7F}", "\u{2028}\u{FEFF}", String(repeating: "x", count: 5_000)]
        let numbers: [Double?] = [nil, 1320, 1320.5, 251.33333333333334, 1e-7, 123_456_789_012.25, 9_007_199_254_740_992, 1.0e17, 0.1 + 0.2]
        let integers: [Int?] = [nil, 48, 190, 250]
        var count = 0
        for (index, name) in names.enumerated() {
            for number in numbers {
                for integer in integers {
                    let athlete = Athlete(
                        id: "ath_\(index)", name: name, email: integer == nil ? nil : "a\"b@example.org", timeZone: "America/Los_Angeles",
                        fiveKTimeSeconds: number, maxHeartRate: integer, restingHeartRate: integer.map { $0 / 4 },
                        thresholdPaceSecondsPerKm: number.map { $0 / 7 }, thresholdHeartRate: integer,
                        createdAt: "2027-01-01T00:00:00.000000Z", updatedAt: "2027-01-02T03:04:05.678901Z"
                    )
                    XCTAssertEqual(AthleteGet.encodeDirectly(athlete), try EncodedJSON.encoding(athlete), "\(athlete)")
                    count += 1
                }
            }
        }
        XCTAssertEqual(count, 180)
    }

    func testANonFiniteNumberIsDeclinedAsTheCodableEncodingRefusesIt() {
        let athlete = Athlete(id: "a", name: "N", timeZone: "UTC", fiveKTimeSeconds: .infinity, createdAt: "t", updatedAt: "t")
        XCTAssertNil(AthleteGet.encodeDirectly(athlete))
        XCTAssertThrowsError(try EncodedJSON.encoding(athlete))
    }
}
