import ActivityFormats
import Foundation
import XCTest

/// Every TCX file of the corpus against what python-tcxparser 2.4 reports for it.
final class TCXReferenceTests: XCTestCase {
    func testEveryTCXFileMatchesTcxparser() throws {
        let refs = try TestData.reference("tcx", as: [String: TCXFileReference].self)
        XCTAssertEqual(Set(TestData.files("tcx", extensions: ["tcx"])), Set(refs.keys))
        for (name, ref) in refs.sorted(by: { $0.key < $1.key }) {
            let decoded = try ActivityFileDecoder.decode(try TestData.bytes("tcx", name))
            check(name, decoded, ref)
        }
    }

    private func check(_ name: String, _ decoded: DecodedFile, _ ref: TCXFileReference) {
        XCTAssertEqual(decoded.format, .tcx, name)
        XCTAssertEqual(decoded.warnings, [], name)
        XCTAssertEqual(decoded.recordCount, ref.trackpoints, "\(name): trackpoints")
        guard decoded.activities.count == 1, let activity = decoded.activities.first else {
            XCTFail("\(name): expected one activity")
            return
        }
        let sport = ref.activityType == "biking" ? "cycling" : ref.activityType
        XCTAssertEqual(activity.sport, sport, "\(name): sport")
        XCTAssertEqual(activity.startTime, TestData.instant(ref.startTime), "\(name): start")
        XCTAssertEqual(activity.samples.last?.time, TestData.instant(ref.endTime), "\(name): end")
        XCTAssertEqual(activity.samples.count, ref.trackpoints, "\(name): samples")
        // tcxparser's duration is the sum of the laps' TotalTimeSeconds: the timer (moving) time.
        XCTAssertEqual(activity.movingSeconds, ref.durationSeconds, accuracy: 0.001, "\(name): duration")
        XCTAssertGreaterThanOrEqual(activity.elapsedSeconds, activity.movingSeconds, name)
        let distance = Double(ref.distanceMeters) ?? -1
        XCTAssertEqual(activity.distanceMeters, distance, accuracy: distance * 0.005, "\(name): distance")
        XCTAssertEqual(activity.laps.count, ref.laps, "\(name): laps")
        // tcxparser truncates the mean of the trackpoints' heart rates to an integer.
        XCTAssertEqual(activity.averageHeartRate.map { $0.rounded(.down) }, ref.hrAvg, "\(name): average HR")
        XCTAssertEqual(activity.maxHeartRate, ref.hrMax, "\(name): max HR")
        XCTAssertEqual(
            activity.laps.reduce(0) { $0 + $1.movingSeconds }, activity.movingSeconds, accuracy: 1e-9, name)
    }

    func testLeadingWhitespaceAndBOMBeforeTheXMLDeclarationAreAccepted() throws {
        let bytes = try TestData.bytes("tcx", "test.tcx")
        let plain = try ActivityFileDecoder.decode(bytes)
        for prefix in [Array("\n  \t\r\n".utf8), [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0x20, 0x0A]] {
            let decoded = try ActivityFileDecoder.decode(prefix + bytes)
            XCTAssertEqual(decoded.format, .tcx)
            XCTAssertEqual(decoded.activities.first?.startTime, plain.activities.first?.startTime)
            XCTAssertEqual(decoded.recordCount, plain.recordCount)
        }
    }
}
