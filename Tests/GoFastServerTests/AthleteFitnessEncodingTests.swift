@testable import GoFastServer
import JSONRPC
import TrainingDomain
import XCTest

/// `athlete.fitness`'s reply written directly is the `Codable` encoding, byte for byte.
final class AthleteFitnessEncodingTests: XCTestCase {
    func testTheDirectEncodingIsTheCodableEncoding() throws {
        let numbers: [Double] = [0, 1, -1, 72.59259259259258, -2.4158453015843406e-13, 1e-7, 251.33333333333334, 123_456_789.25, 9_007_199_254_740_992, 1.0e17, 0.1 + 0.2]
        var days: [FitnessDay] = []
        for (index, number) in numbers.enumerated() {
            for variant in 0..<4 {
                days.append(FitnessDay(
                    date: CalendarDate("2026-05-02")!.adding(days: index * 4 + variant), load: number, fitness: number * 0.97,
                    fatigue: number / 3, form: -number, acwr: variant % 2 == 0 ? nil : number + 1, projected: variant >= 2
                ))
            }
        }
        for athleteId in ["syncer", "Zoë \"Quick\" \\ 走る 🏃 / \u{1}"] {
            for threshold in [nil, 280, 291.7] as [Double?] {
                for series in [days, []] {
                    let result = AthleteFitness.Result(athleteId: athleteId, thresholdPaceSecondsPerKm: threshold, days: series)
                    let direct = try XCTUnwrap(AthleteFitness.encodeDirectly(result))
                    XCTAssertEqual(String(decoding: direct.bytes, as: UTF8.self),
                                   String(decoding: try EncodedJSON.encoding(result).bytes, as: UTF8.self))
                    XCTAssertEqual(try AthleteFitness.encode(result).bytes, direct.bytes)
                }
            }
        }
    }

    /// A number that cannot be written falls back to `Codable`, which refuses it with its own error.
    func testANonFiniteNumberIsLeftToCodable() {
        let result = AthleteFitness.Result(athleteId: "a", thresholdPaceSecondsPerKm: nil, days: [
            FitnessDay(date: CalendarDate("2026-05-02")!, load: .nan, fitness: 0, fatigue: 0, form: 0, acwr: nil, projected: false),
        ])
        XCTAssertNil(AthleteFitness.encodeDirectly(result))
        XCTAssertThrowsError(try AthleteFitness.encode(result))
    }
}
