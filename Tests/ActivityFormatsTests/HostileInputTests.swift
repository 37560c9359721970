import ActivityFormats
import Foundation
import XCTest

/// Damaged and hostile input must return or throw `ActivityDecodingError`: never crash, hang or run away.
final class HostileInputTests: XCTestCase {
    /// Decodes and checks the outcome is a result or a precise error; returns the result.
    @discardableResult
    private func survive(_ bytes: [UInt8], format: ActivityFileFormat? = nil, _ label: @autoclosure () -> String)
        -> DecodedFile?
    {
        do {
            return try ActivityFileDecoder.decode(bytes, format: format)
        } catch let error as ActivityDecodingError {
            XCTAssertFalse(error.reason.isEmpty, label())
            XCTAssertFalse(error.description.isEmpty, label())
            return nil
        } catch {
            XCTFail("\(label()): unexpected error type \(error)")
            return nil
        }
    }

    func testEmptyInputThrowsForEveryFormat() {
        XCTAssertThrowsError(try ActivityFileDecoder.decode([]))
        for format in ActivityFileFormat.allCases {
            XCTAssertThrowsError(try ActivityFileDecoder.decode([], format: format)) { error in
                XCTAssertEqual((error as? ActivityDecodingError)?.format, format)
            }
        }
    }

    func testRandomBytes() {
        var rng = SeededGenerator(seed: 0x5EED)
        for i in 0..<3_000 {
            let length = Int.random(in: 0...2_048, using: &rng)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            if i % 2 == 0, bytes.count >= 14 {
                // a plausible header so the message parser gets exercised
                bytes[0] = i % 4 == 0 ? 12 : 14
                bytes[8] = 0x2E; bytes[9] = 0x46; bytes[10] = 0x49; bytes[11] = 0x54
                if i % 8 == 0 {
                    let size = UInt32(bytes.count - Int(bytes[0]) - 2)
                    bytes[4] = UInt8(size & 0xFF); bytes[5] = UInt8(size >> 8); bytes[6] = 0; bytes[7] = 0
                }
            }
            survive(bytes, "random input \(i)")
            survive(bytes, format: .fit, "random input \(i) as FIT")
        }
    }

    func testRandomXML() {
        var rng = SeededGenerator(seed: 42)
        let alphabet = Array("<>/=\" abcgpxtrkptlatlon:.0123456789-TZ&;\n".utf8)
        for i in 0..<400 {
            let root = i % 2 == 0 ? "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>" : "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Lap>"
            let tail = (0..<Int.random(in: 0...600, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            survive(Array(root.utf8) + tail, "random XML \(i)")
        }
    }

    func testEveryTruncationOfARealFITFile() throws {
        for (name, stride) in [("Activity.fit", 1), ("garmin-fenix-5-run.fit", 1), ("garmin-edge-500-activity.fit", 997)] {
            let bytes = try TestData.bytes("fit", name)
            for length in Swift.stride(from: 0, to: bytes.count, by: stride) {
                // a cut file decodes what it holds and says it was cut, or throws
                if let decoded = survive(Array(bytes[0..<length]), "\(name) cut at \(length)") {
                    XCTAssertFalse(decoded.warnings.isEmpty, "\(name) cut at \(length) decoded without a warning")
                }
            }
            XCTAssertEqual(survive(bytes, "\(name) whole")?.warnings, [])
        }
    }

    func testTruncatedXML() throws {
        for (folder, name) in [("gpx", "cerknicko-jezero.gpx"), ("tcx", "sup_activity_1.tcx")] {
            let bytes = try TestData.bytes(folder, name)
            for length in stride(from: 0, to: bytes.count, by: 509) {
                survive(Array(bytes[0..<length]), "\(name) cut at \(length)")
            }
        }
    }

    func testSingleBitFlipsAreAlwaysNoticed() throws {
        var rng = SeededGenerator(seed: 99)
        for name in ["Activity.fit", "garmin-fenix-5-walk.fit", "activity-settings.fit"] {
            let original = try TestData.bytes("fit", name)
            for _ in 0..<1_500 {
                var bytes = original
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[at] ^= 1 << UInt8.random(in: 0...7, using: &rng)
                // CRC-16 catches every single-bit error: a flipped file throws or decodes with a warning
                if let decoded = survive(bytes, "\(name) bit flip at \(at)") {
                    XCTAssertFalse(decoded.warnings.isEmpty, "\(name): bit flip at \(at) went unnoticed")
                }
            }
        }
    }

    func testManyBitFlips() throws {
        var rng = SeededGenerator(seed: 1234)
        let original = try TestData.bytes("fit", "sample_mulitple_header.fit")
        for i in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 2...40, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8.random(in: 1...255, using: &rng)
            }
            survive(bytes, "multi-flip \(i)")
        }
    }

    func testDefinitionDeclaringHugeSizes() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: (0..<255).map { (UInt8($0), 255, 0x86) }, developerFields: (0..<255).map { (UInt8($0), 255, 0) })
        b.data(local: 0, [1, 2, 3, 4])
        let decoded = try XCTUnwrap(survive(b.file(), "huge definition"))
        XCTAssertTrue(decoded.activities.isEmpty)
        XCTAssertTrue(decoded.warnings.contains { $0.contains("runs past the data end") }, "\(decoded.warnings)")
    }

    func testHeaderDeclaringMoreDataThanTheFileHolds() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: [(253, 4, 0x86), (3, 1, 0x02)])
        b.data(local: 0, le(UInt32(1_000_000_000)) + [90])
        let bytes = b.file(declaredDataSize: 0xFFFF_FFF0)
        let decoded = try XCTUnwrap(survive(bytes, "huge data size"))
        XCTAssertEqual(decoded.recordCount, 1)
        XCTAssertTrue(decoded.warnings.contains { $0.contains("truncated") }, "\(decoded.warnings)")
    }

    func testCorruptHeadersThrowPreciseErrors() {
        var header: [UInt8] = [14, 0x20, 0x54, 0x08, 0, 0, 0, 0] + Array(".FIT".utf8) + [0, 0]
        header[0] = 200  // header longer than the file
        XCTAssertThrowsError(try FITDecoder.decode(header)) { error in
            XCTAssertTrue((error as? ActivityDecodingError)?.reason.contains("header size 200") ?? false, "\(error)")
        }
        header[0] = 3
        XCTAssertThrowsError(try FITDecoder.decode(header)) { error in
            XCTAssertTrue((error as? ActivityDecodingError)?.reason.contains("at least 12") ?? false, "\(error)")
        }
        header[0] = 14
        header[9] = UInt8(ascii: "G")
        XCTAssertThrowsError(try FITDecoder.decode(header)) { error in
            XCTAssertEqual((error as? ActivityDecodingError)?.byteOffset, 0)
        }
        header[9] = UInt8(ascii: "F")  // a valid header with no messages at all
        XCTAssertThrowsError(try FITDecoder.decode(header)) { error in
            XCTAssertTrue((error as? ActivityDecodingError)?.reason.contains("no decodable message") ?? false, "\(error)")
        }
    }

    // MARK: - Linear time (issue 13)

    /// The seconds `decode` takes on `bytes` (best of `runs`), whatever it returns or throws.
    private func seconds(_ bytes: [UInt8], format: ActivityFileFormat, runs: Int = 2) -> Double {
        var best = Double.infinity
        for _ in 0..<runs {
            let start = Date()
            _ = try? ActivityFileDecoder.decode(bytes, format: format)
            best = min(best, Date().timeIntervalSince(start))
        }
        return best
    }

    /// Hostile shapes of GPX and TCX, each built at size n; decoding 4n must take about 4 times as long, far
    /// from the 16 times of a quadratic path (Foundation's XMLParser, before XMLReader, took 24 s at 200k attributes).
    private static let shapes: [(name: String, format: ActivityFileFormat, build: @Sendable (Int) -> String)] = [
        ("attributes on one element", .gpx, { n in
            "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"" + (0..<n).map { " a\($0)=\"1\"" }.joined() + "/></trkseg></trk></gpx>" }),
        ("namespace declarations", .gpx, { n in
            "<gpx" + (0..<n).map { " xmlns:p\($0)=\"u\($0)\"" }.joined() + "><trk/></gpx>" }),
        ("deep nesting", .gpx, { n in
            "<gpx>" + String(repeating: "<a>", count: n) + String(repeating: "</a>", count: n) + "</gpx>" }),
        ("many points", .gpx, { n in
            "<gpx><trk><trkseg>" + (0..<n).map { "<trkpt lat=\"\(Double($0) / 1e5)\" lon=\"1\"><time>2027-01-01T00:00:00Z</time></trkpt>" }.joined() + "</trkseg></trk></gpx>" }),
        ("long text of a captured element", .gpx, { n in
            "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><ele>" + String(repeating: "1", count: n * 10) + "</ele></trkpt></trkseg></trk></gpx>" }),
        ("text split by entity references", .gpx, { n in
            "<gpx><trk><type>" + String(repeating: "a&amp;", count: n) + "</type><trkseg/></trk></gpx>" }),
        ("text split by comments", .tcx, { n in
            "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>" + String(repeating: "2<!--c-->", count: n) + "</Id></Activity></Activities></TrainingCenterDatabase>" }),
        ("many laps", .tcx, { n in
            "<TrainingCenterDatabase><Activities><Activity Sport=\"Running\"><Id>2027-01-01T00:00:00Z</Id>" + (0..<n).map { _ in "<Lap StartTime=\"2027-01-01T00:00:00Z\"><TotalTimeSeconds>1</TotalTimeSeconds></Lap>" }.joined() + "</Activity></Activities></TrainingCenterDatabase>" }),
        ("a long attribute value", .gpx, { n in
            "<gpx><trk><trkseg><trkpt lat=\"" + String(repeating: "1", count: n * 10) + "\" lon=\"2\"/></trkseg></trk></gpx>" }),
        ("a long element name", .gpx, { n in
            "<gpx><" + String(repeating: "x", count: n * 10) + "/></gpx>" }),
    ]

    func testDecodersAreLinearInTheirInput() {
        let n = 8_000
        for shape in Self.shapes {
            let small = Array(shape.build(n).utf8)
            let large = Array(shape.build(4 * n).utf8)
            let smallSeconds = max(seconds(small, format: shape.format), 0.002)
            let largeSeconds = seconds(large, format: shape.format)
            XCTAssertLessThan(largeSeconds / smallSeconds, 9, "\(shape.name): \(smallSeconds) s at n, \(largeSeconds) s at 4n")
        }
    }

    func testAnElementWithAbsurdlyManyAttributesIsRefusedAtOnce() {
        var document = Array(#"<gpx><trk><trkseg><trkpt lat="1" lon="2""#.utf8)
        for index in 0..<200_000 { document += Array(" a\(index)=\"1\"".utf8) }
        document += Array("><time>2027-01-10T08:00:00Z</time></trkpt></trkseg></trk></gpx>".utf8)
        let start = Date()
        XCTAssertThrowsError(try ActivityFileDecoder.decode(document, format: .gpx)) { error in
            let reason = (error as? ActivityDecodingError)?.reason ?? "\(error)"
            XCTAssertTrue(reason.contains("more than 256 attributes"), reason)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        // Quoted `=` and `>`, comments and CDATA are not counted.
        let tricky = #"<gpx creator="a=b>c"><!-- x=1 y=2 --><trk><type><![CDATA[a=b=c]]></type><trkseg><trkpt lat="1" lon="2"><time>2027-01-10T08:00:00Z</time></trkpt></trkseg></trk></gpx>"#
        XCTAssertEqual(try ActivityFileDecoder.decode(Array(tricky.utf8), format: .gpx).activities.count, 1)
        // An element at the limit is accepted.
        let atLimit = "<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"" + (0..<254).map { " a\($0)=\"1\"" }.joined() + "><time>2027-01-10T08:00:00Z</time></trkpt></trkseg></trk></gpx>"
        XCTAssertEqual(try ActivityFileDecoder.decode(Array(atLimit.utf8), format: .gpx).activities.count, 1)
    }

    func testXMLErrorsNameTheirCause() throws {
        for (document, words) in [("<gpx><trk><trkseg>", "ends before its elements are closed"), ("<gpx a=1></gpx>", "unfinished tag"),
                                  ("<gpx><trk><trkseg><trkpt lat=\"1\" lon=\"2\"><time>2027-01-10T08:00:00Z</time></trkpt></trkseg></trk></gpx><gpx/>", "goes on after its root element")] {
            do {
                let decoded = try ActivityFileDecoder.decode(Array(document.utf8), format: .gpx)
                XCTAssertTrue(decoded.warnings.contains { $0.contains(words) }, "\(document): \(decoded.warnings)")
            } catch {
                XCTAssertTrue("\(error)".contains(words), "\(document): \(error)")
            }
        }
    }

    func testXMLErrorsAreWordsNotParserErrorNumbers() {
        for document in ["<gpx><trk></gpx>", "<gpx><trk><trkseg>", "<gpx a=1></gpx>", "<gpx>&bogus;</gpx>", "<gpx></gpx><gpx/>", "<gpx><a b=\"1\" b=\"2\"/></gpx>"] {
            XCTAssertThrowsError(try ActivityFileDecoder.decode(Array(document.utf8), format: .gpx), document) { error in
                let text = "\(error)"
                XCTAssertFalse(text.contains("NSXMLParserErrorDomain"), "\(document): \(text)")
                XCTAssertFalse(text.contains("libxml2 error"), "\(document): an unmapped code: \(text)")
            }
        }
    }
}
