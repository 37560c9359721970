import ActivityFormats
import Foundation
import XCTest

/// `ActivityFileDecoder.sniff` recognises every corpus file and refuses other bytes.
final class SniffTests: XCTestCase {
    func testSniffRecognisesEveryCorpusFile() throws {
        for (folder, format, extensions) in [
            ("fit", ActivityFileFormat.fit, Set(["fit"])), ("gpx", .gpx, ["gpx"]), ("tcx", .tcx, ["tcx"]),
        ] {
            let files = TestData.files(folder, extensions: extensions)
            XCTAssertFalse(files.isEmpty, folder)
            for name in files {
                XCTAssertEqual(ActivityFileDecoder.sniff(try TestData.bytes(folder, name)), format, name)
            }
        }
    }

    func testSniffRefusesOtherBytes() throws {
        XCTAssertNil(ActivityFileDecoder.sniff([]))
        XCTAssertNil(ActivityFileDecoder.sniff(Array("hello world".utf8)))
        XCTAssertNil(ActivityFileDecoder.sniff(try TestData.bytes("fit", "reference.json")))
        XCTAssertNil(ActivityFileDecoder.sniff(try TestData.bytes("fit", "garmin-fenix-5-run-records.csv")))
        XCTAssertNil(ActivityFileDecoder.sniff(Array("<?xml version=\"1.0\"?><kml></kml>".utf8)))
        XCTAssertEqual(ActivityFileDecoder.sniff(Array("\u{FEFF}  <?xml version=\"1.0\"?>\n<gpx version=\"1.1\"/>".utf8)), .gpx)
        XCTAssertEqual(ActivityFileDecoder.sniff(Array("<tcx:TrainingCenterDatabase xmlns:tcx=\"x\">".utf8)), .tcx)
    }

    func testDecodingUnknownBytesThrowsAPreciseError() {
        XCTAssertThrowsError(try ActivityFileDecoder.decode(Array("just text".utf8))) { error in
            let e = error as? ActivityDecodingError
            XCTAssertNil(e?.format)
            XCTAssertEqual(e?.byteOffset, 0)
            XCTAssertTrue(e?.reason.contains(".FIT") ?? false)
        }
    }

    func testAllFormatsAreListed() {
        XCTAssertEqual(ActivityFileFormat.allCases.map(\.rawValue), ["fit", "gpx", "tcx"])
    }
}
