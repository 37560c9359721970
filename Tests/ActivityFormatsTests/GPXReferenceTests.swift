import ActivityFormats
import Foundation
import XCTest

/// Every GPX file of the corpus against what gpxpy 1.6 computes for it.
final class GPXReferenceTests: XCTestCase {
    func testEveryGPXFileMatchesGpxpy() throws {
        let refs = try TestData.reference("gpx", as: [String: GPXFileReference].self)
        XCTAssertEqual(Set(TestData.files("gpx", extensions: ["gpx"])), Set(refs.keys))
        for (name, ref) in refs.sorted(by: { $0.key < $1.key }) {
            let bytes = try TestData.bytes("gpx", name)
            guard let start = ref.startTime.flatMap(TestData.instant), let end = ref.endTime.flatMap(TestData.instant) else {
                expectNothingToImport(name, bytes, ref)
                continue
            }
            let decoded: DecodedFile
            do {
                decoded = try ActivityFileDecoder.decode(bytes)
            } catch {
                XCTFail("\(name): \(error)")
                continue
            }
            XCTAssertEqual(decoded.format, .gpx, name)
            XCTAssertNil(decoded.fileType, name)
            XCTAssertEqual(decoded.warnings, [], name)
            if ref.trackPoints > 0 { XCTAssertEqual(decoded.recordCount, ref.trackPoints, "\(name): points") }
            guard decoded.activities.count == 1, let activity = decoded.activities.first else {
                XCTFail("\(name): expected one activity, got \(decoded.activities.count)")
                continue
            }
            XCTAssertEqual(TestData.second(activity.startTime), TestData.second(start), "\(name): start")
            let last = activity.startTime.addingTimeInterval(activity.elapsedSeconds)
            XCTAssertEqual(last.timeIntervalSince1970, end.timeIntervalSince1970, accuracy: 1, "\(name): end")
            XCTAssertEqual(
                activity.distanceMeters, ref.length2dMeters, accuracy: max(0.01, ref.length2dMeters * 0.005),
                "\(name): 2-D length")
            XCTAssertEqual(
                activity.movingSeconds, ref.movingSeconds, accuracy: max(1, ref.movingSeconds * 0.02),
                "\(name): moving time")
            if let gain = activity.elevationGainMeters, let loss = activity.elevationLossMeters {
                XCTAssertEqual(gain, ref.uphillDownhill[0], accuracy: max(0.01, ref.uphillDownhill[0] * 0.005), "\(name): uphill")
                XCTAssertEqual(loss, ref.uphillDownhill[1], accuracy: max(0.01, ref.uphillDownhill[1] * 0.005), "\(name): downhill")
            } else {
                XCTAssertEqual(ref.uphillDownhill, [0, 0], "\(name): no elevations but gpxpy climbs")
            }
            XCTAssertNil(activity.utcOffsetSeconds, name)
            XCTAssertEqual(activity.samples.first?.time, activity.startTime, name)
        }
    }

    /// gpxpy finds no time: points without any time throw a precise error, a file without points has no activity.
    private func expectNothingToImport(_ name: String, _ bytes: [UInt8], _ ref: GPXFileReference) {
        do {
            let decoded = try ActivityFileDecoder.decode(bytes)
            XCTAssertEqual(ref.trackPoints, 0, "\(name): has points but no error")
            XCTAssertTrue(decoded.activities.isEmpty, name)
            XCTAssertFalse(decoded.warnings.isEmpty, "\(name): should say there is nothing to import")
        } catch let error as ActivityDecodingError {
            XCTAssertEqual(error.format, .gpx, name)
            XCTAssertTrue(error.reason.contains("GPX track has no timestamps"), "\(name): \(error)")
            XCTAssertTrue(ref.trackPoints > 0 || ref.routes > 0, "\(name): no points, yet an error")
        } catch {
            XCTFail("\(name): unexpected \(error)")
        }
    }

    func testRouteIsUsedWhenThereIsNoTrack() throws {
        // route.gpx has no times: add one to its first point and it decodes from the route.
        var text = String(decoding: try TestData.bytes("gpx", "route.gpx"), as: UTF8.self)
        let range = try XCTUnwrap(text.range(of: "<name>#001</name>"))
        text.replaceSubrange(range, with: "<time>2013-01-01T10:00:00Z</time><name>#001</name>")
        let decoded = try ActivityFileDecoder.decode(Array(text.utf8))
        let activity = try XCTUnwrap(decoded.activities.first)
        XCTAssertEqual(decoded.recordCount, 55)
        XCTAssertGreaterThan(activity.distanceMeters, 0)
        XCTAssertEqual(activity.samples.count, 1)
    }
}
