import ActivityFormats
import Foundation
import XCTest

/// Every FIT file of the corpus against what Garmin's SDK and fitdecode report for it.
final class FITReferenceTests: XCTestCase {
    private func references() throws -> [String: FITFileReference] {
        try TestData.reference("fit", as: [String: FITFileReference].self)
    }

    func testReferenceListsEveryFITFile() throws {
        let refs = try references()
        let files = TestData.files("fit", extensions: ["fit"])
        XCTAssertEqual(Set(files), Set(refs.keys), "fit/ and fit/reference.json disagree")
        XCTAssertGreaterThanOrEqual(files.count, 36)
    }

    func testEveryFITFileMatchesTheReference() throws {
        for (name, ref) in try references().sorted(by: { $0.key < $1.key }) {
            let bytes = try TestData.bytes("fit", name)
            XCTAssertEqual(bytes.count, ref.bytes, name)
            let decoded: DecodedFile
            do {
                decoded = try ActivityFileDecoder.decode(bytes)
            } catch {
                XCTFail("\(name): \(error)")
                continue
            }
            check(name, bytes, decoded, ref)
        }
    }

    private func check(_ name: String, _ bytes: [UInt8], _ decoded: DecodedFile, _ ref: FITFileReference) {
        let sdk = ref.garminFitSdk
        XCTAssertEqual(decoded.format, .fit, name)
        XCTAssertEqual(decoded.fileType, sdk.fileType.map(TestData.camel), "\(name): file type")

        // Records: where the SDK (no compressed timestamps) and fitdecode disagree, fitdecode is right.
        if let records = ref.fitdecode.records {
            XCTAssertEqual(decoded.recordCount, records, "\(name): record count")
        }

        // Sessions: one activity each, compared with the SDK's values (scale/offset applied).
        let sessions = sdk.sessions ?? []
        XCTAssertEqual(decoded.activities.count, sessions.count, "\(name): session count")
        XCTAssertEqual(decoded.activities.count, ref.fitdecode.sessions?.count ?? 0, "\(name): fitdecode session count")
        for (index, (activity, session)) in zip(decoded.activities, sessions).enumerated() {
            let label = "\(name) session \(index)"
            if let sport = session.sport { XCTAssertEqual(activity.sport, TestData.camel(sport), "\(label): sport") }
            if let start = session.startTime.flatMap(TestData.instant) {
                XCTAssertEqual(TestData.second(activity.startTime), TestData.second(start), "\(label): start")
            } else {
                XCTFail("\(label): reference has no start time")
            }
            // FIT durations have millisecond resolution.
            if let elapsed = session.totalElapsedTime {
                XCTAssertEqual(activity.elapsedSeconds, elapsed, accuracy: 0.0015, "\(label): elapsed")
            }
            if let timer = session.totalTimerTime {
                XCTAssertEqual(activity.movingSeconds, timer, accuracy: 0.0015, "\(label): timer")
            }
            if let distance = session.totalDistance {
                XCTAssertEqual(activity.distanceMeters, distance, accuracy: max(0.011, distance * 0.005), "\(label): distance")
            }
            XCTAssertEqual(activity.averageHeartRate, session.avgHeartRate, "\(label): average HR")
            XCTAssertEqual(activity.maxHeartRate, session.maxHeartRate, "\(label): max HR")
            if let ascent = session.totalAscent {
                XCTAssertEqual(activity.elevationGainMeters, ascent, "\(label): ascent")
            }
            if let laps = session.numLaps { XCTAssertEqual(activity.laps.count, laps, "\(label): laps") }
            if let offset = activity.utcOffsetSeconds { XCTAssertEqual(offset % 900, 0, "\(label): UTC offset") }
            XCTAssertEqual(activity.laps.map(\.startTime), activity.laps.map(\.startTime).sorted(), "\(label): lap order")
        }
        if !decoded.activities.isEmpty, let laps = sdk.laps {
            XCTAssertEqual(decoded.activities.reduce(0) { $0 + $1.laps.count }, laps, "\(name): lap count")
        }
        if let laps = ref.fitdecode.laps, decoded.activities.isEmpty {
            XCTAssertEqual(laps, 0, "\(name): laps without a session were not returned")
        }

        // Samples: every timed record lands in exactly one activity.
        let samples = decoded.activities.flatMap(\.samples)
        if !decoded.activities.isEmpty, let records = ref.fitdecode.records {
            XCTAssertEqual(samples.count, records, "\(name): samples")
        }
        if let first = sdk.firstRecordTime.flatMap(TestData.instant) {
            XCTAssertEqual(samples.map(\.time).min().map(TestData.second), TestData.second(first), "\(name): first record")
        }
        if let last = sdk.lastRecordTime.flatMap(TestData.instant) {
            XCTAssertEqual(samples.map(\.time).max().map(TestData.second), TestData.second(last), "\(name): last record")
        }
        if let distance = sdk.lastRecordDistance, sdk.firstRecordTime != nil {
            let last = samples.last(where: { $0.distanceMeters != nil })?.distanceMeters
            XCTAssertEqual(last ?? -1, distance, accuracy: 0.011, "\(name): last record distance")
        }

        // Damage: fitdecode raises on a bad CRC, a corrupt header or a truncated file; we decode and warn instead.
        if let error = ref.fitdecode.error {
            XCTAssertFalse(decoded.warnings.isEmpty, "\(name): expected a warning for \(error)")
            let text = decoded.warnings.joined(separator: " | ")
            if error.contains("CRC") { XCTAssertTrue(text.contains("CRC mismatch"), "\(name): \(text)") }
            if error.contains("Header") { XCTAssertTrue(text.contains("not a FIT header"), "\(name): \(text)") }
            if error.contains("EOF") { XCTAssertTrue(text.contains("truncated"), "\(name): \(text)") }
            XCTAssertTrue(decoded.warnings.allSatisfy { $0.contains("byte") }, "\(name): warnings give an offset: \(text)")
        } else {
            XCTAssertEqual(decoded.warnings, [], "\(name): an intact file decodes without warnings")
        }
        // The SDK's own errors, except its lack of compressed-timestamp support, mean damage too.
        let sdkErrors = (sdk.errors ?? []).filter { !$0.contains("Compressed timestamp messages are not currently supported") }
        if !sdkErrors.isEmpty { XCTAssertFalse(decoded.warnings.isEmpty, "\(name): SDK errors \(sdkErrors)") }
        // The SDK's checkIntegrity also fails files whose 14-byte header has a CRC field of 0 ("not written"):
        // those are intact; any other integrity failure must show as a warning.
        if sdk.checkIntegrity == false {
            let headerCRCNotWritten = bytes.count >= 14 && bytes[0] == 14 && bytes[12] == 0 && bytes[13] == 0
            XCTAssertTrue(
                headerCRCNotWritten || !decoded.warnings.isEmpty, "\(name): SDK integrity check failed, no warning")
        }
    }

    func testChainedFileReturnsEveryPartsSessions() throws {
        let decoded = try ActivityFileDecoder.decode(try TestData.bytes("fit", "sample_mulitple_header.fit"))
        XCTAssertEqual(decoded.activities.map(\.sport), ["swimming", "transition", "cycling", "transition", "running"])
        XCTAssertEqual(decoded.activities.map(\.startTime), decoded.activities.map(\.startTime).sorted())
    }

    func testNonActivityFilesDecodeToNoActivities() throws {
        for name in TestData.files("fit", extensions: ["fit"]) {
            let decoded = try ActivityFileDecoder.decode(try TestData.bytes("fit", name))
            if let type = decoded.fileType, type != "activity" {
                XCTAssertTrue(decoded.activities.isEmpty, name)
                XCTAssertEqual(decoded.recordCount, 0, name)
            }
        }
    }

    func testUTCOffsetComesFromTheActivityMessage() throws {
        // The fenix 5 records lie near 38.2° N, 122.6° W (California) in June, and python-fitparse's CSVs print them in PDT.
        for name in ["garmin-fenix-5-run.fit", "garmin-fenix-5-walk.fit", "garmin-fenix-5-bike.fit"] {
            let activity = try XCTUnwrap(try ActivityFileDecoder.decode(try TestData.bytes("fit", name)).activities.first)
            XCTAssertEqual(activity.utcOffsetSeconds, -7 * 3600, name)
        }
    }
}
