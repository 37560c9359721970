import ActivityFormats
import Foundation
import XCTest

/// Protocol details checked on small files written by `FITBuilder`.
final class FITProtocolTests: XCTestCase {
    private let fitEpoch = 631_065_600.0
    // FIT base types
    private let uint8: UInt8 = 0x02, enumType: UInt8 = 0x00, uint16: UInt8 = 0x84, uint32: UInt8 = 0x86
    private let sint32: UInt8 = 0x85, byte: UInt8 = 0x0D

    /// A file with a file_id, a session and two records, in either byte order.
    private func sessionFile(bigEndian: Bool) -> [UInt8] {
        func w32(_ v: UInt32) -> [UInt8] { bigEndian ? be(v) : le(v) }
        func w16(_ v: UInt16) -> [UInt8] { bigEndian ? be(v) : le(v) }
        var b = FITBuilder()
        b.define(local: 0, global: 0, bigEndian: bigEndian, fields: [(0, 1, enumType)])
        b.data(local: 0, [4])
        b.define(
            local: 1, global: 20, bigEndian: bigEndian,
            fields: [(253, 4, uint32), (0, 4, sint32), (1, 4, sint32), (3, 1, uint8), (5, 4, uint32), (2, 2, uint16)])
        var first: [UInt8] = w32(1_000_000_000)
        first += w32(536_870_912)
        first += w32(UInt32(bitPattern: -268_435_456))
        first += [150]
        first += w32(12_345)
        first += w16(2_600)
        b.data(local: 1, first)
        var second: [UInt8] = w32(1_000_000_010)
        second += w32(0x7FFF_FFFF)
        second += w32(0x7FFF_FFFF)
        second += [0xFF]
        second += w32(0xFFFF_FFFF)
        second += w16(0xFFFF)
        b.data(local: 1, second)
        b.define(
            local: 2, global: 18, bigEndian: bigEndian,
            fields: [(253, 4, uint32), (2, 4, uint32), (5, 1, enumType), (7, 4, uint32), (8, 4, uint32), (9, 4, uint32), (16, 1, uint8)])
        var session: [UInt8] = w32(1_000_000_010)
        session += w32(1_000_000_000)
        session += [1]
        session += w32(10_500)
        session += w32(10_000)
        session += w32(12_345)
        session += [140]
        b.data(local: 2, session)
        return b.file()
    }

    func testLittleAndBigEndianMessagesDecodeTheSame() throws {
        for bigEndian in [false, true] {
            let decoded = try FITDecoder.decode(sessionFile(bigEndian: bigEndian))
            XCTAssertEqual(decoded.warnings, [])
            XCTAssertEqual(decoded.fileType, "activity")
            let a = try XCTUnwrap(decoded.activities.first)
            XCTAssertEqual(a.sport, "running")
            XCTAssertEqual(a.startTime.timeIntervalSince1970, 1_000_000_000 + fitEpoch)
            XCTAssertEqual(a.elapsedSeconds, 10.5, accuracy: 1e-9)
            XCTAssertEqual(a.movingSeconds, 10.0, accuracy: 1e-9)
            XCTAssertEqual(a.distanceMeters, 123.45, accuracy: 1e-9)
            XCTAssertEqual(a.averageHeartRate, 140)
            XCTAssertEqual(a.samples.count, 2)
            let first = a.samples[0], second = a.samples[1]
            XCTAssertEqual(first.latitude ?? 0, 45, accuracy: 1e-9)  // 2^29 semicircles
            XCTAssertEqual(first.longitude ?? 0, -22.5, accuracy: 1e-9)
            XCTAssertEqual(first.heartRate, 150)
            XCTAssertEqual(first.distanceMeters ?? 0, 123.45, accuracy: 1e-9)
            XCTAssertEqual(first.altitudeMeters ?? 0, 2_600 / 5 - 500, accuracy: 1e-9)
            // invalid values are absent, not numbers
            XCTAssertNil(second.latitude)
            XCTAssertNil(second.longitude)
            XCTAssertNil(second.heartRate)
            XCTAssertNil(second.distanceMeters)
            XCTAssertNil(second.altitudeMeters)
        }
    }

    func testCompressedTimestampsRollOverAgainstTheLastFullTimestamp() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: [(253, 4, uint32), (3, 1, uint8)])
        let base: UInt32 = 1_000_000_030  // low five bits: 30
        b.data(local: 0, le(base) + [100])
        b.define(local: 1, global: 20, fields: [(3, 1, uint8)])
        b.compressed(local: 1, timeOffset: 31, [101])  // +1
        b.compressed(local: 1, timeOffset: 2, [102])  // rolls over: +4
        b.compressed(local: 1, timeOffset: 2, [103])  // same offset again: no change
        let decoded = try FITDecoder.decode(b.file())
        XCTAssertEqual(decoded.warnings, [])
        XCTAssertEqual(decoded.recordCount, 4)
        let samples = try XCTUnwrap(decoded.activities.first).samples  // synthesised from records
        XCTAssertEqual(samples.map { UInt32($0.time.timeIntervalSince1970 - fitEpoch) }, [base, base + 1, base + 4, base + 4])
        XCTAssertEqual(samples.map(\.heartRate), [100, 101, 102, 103])
    }

    func testDeveloperFieldsAndOddFieldSizesAreSkippedSafely() throws {
        var b = FITBuilder()
        // a uint16 field declared 3 bytes wide, a uint32 field declared 2 bytes wide, 7 developer bytes
        b.define(
            local: 0, global: 20, fields: [(253, 4, uint32), (6, 3, uint16), (5, 2, uint32), (3, 1, uint8)],
            developerFields: [(0, 7, 0)])
        for (second, speed, hr) in [(UInt32(0), UInt8(0x03), UInt8(120)), (1, 0x07, 121)] {
            var message: [UInt8] = le(UInt32(1_000_000_000) + second)
            message += [speed == 0x03 ? 0xE8 : 0xD0, speed, 0x00]  // 1000 and 2000 mm/s
            message += [1, 2]
            message += [hr]
            message += [UInt8](repeating: 0xAB, count: 7)
            b.data(local: 0, message)
        }
        let decoded = try FITDecoder.decode(b.file())
        XCTAssertEqual(decoded.warnings, [])
        let samples = try XCTUnwrap(decoded.activities.first).samples
        XCTAssertEqual(samples.map(\.heartRate), [120, 121])
        XCTAssertEqual(samples.map(\.speedMetersPerSecond), [1.0, 2.0])
        XCTAssertEqual(samples.map(\.distanceMeters), [nil, nil])  // 2 bytes cannot hold a uint32
    }

    func testCompressedSpeedDistanceAccumulatesAcrossRollover() throws {
        var b = FITBuilder()
        b.define(local: 0, global: 20, fields: [(253, 4, uint32), (8, 3, byte)])
        // distance counts 4000, 4090, then 10 (rolled over past 4096): +90 and +16 sixteenths of a metre
        for (i, d) in [UInt32(4000), 4090, 10].enumerated() {
            let speed: UInt32 = 250
            let packed = speed | (d << 12)
            var message: [UInt8] = le(UInt32(1_000_000_000 + i))
            message += [UInt8(packed & 0xFF), UInt8((packed >> 8) & 0xFF), UInt8(packed >> 16)]
            b.data(local: 0, message)
        }
        let samples = try XCTUnwrap(try FITDecoder.decode(b.file()).activities.first).samples
        XCTAssertEqual(samples.map(\.speedMetersPerSecond), [2.5, 2.5, 2.5])
        let expected: [Double?] = [4000.0 / 16, 4090.0 / 16, 4106.0 / 16]  // 4106 = 4096 + 10
        XCTAssertEqual(samples.map(\.distanceMeters), expected)
    }

    func testRecordsWithoutASessionMakeAnActivityOnlyInAnActivityFile() throws {
        for (fileType, expected) in [(UInt8(4), 1), (6, 0)] {  // activity, course
            var b = FITBuilder()
            b.define(local: 0, global: 0, fields: [(0, 1, enumType)])
            b.data(local: 0, [fileType])
            b.define(local: 1, global: 20, fields: [(253, 4, uint32), (5, 4, uint32)])
            b.data(local: 1, le(UInt32(1_000_000_000)) + le(UInt32(0)))
            b.data(local: 1, le(UInt32(1_000_000_060)) + le(UInt32(20_000)))
            let decoded = try FITDecoder.decode(b.file())
            XCTAssertEqual(decoded.activities.count, expected, "file type \(fileType)")
            XCTAssertEqual(decoded.recordCount, 2)
            if let activity = decoded.activities.first {
                XCTAssertEqual(activity.sport, "unknown")
                XCTAssertEqual(activity.elapsedSeconds, 60)
                XCTAssertEqual(activity.distanceMeters, 200)
            }
        }
    }

    func testWrongHeaderCRCAndWrongFileCRCAreWarnings() throws {
        var bytes = sessionFile(bigEndian: false)
        bytes[12] ^= 0xFF
        var decoded = try FITDecoder.decode(bytes)
        XCTAssertEqual(decoded.activities.count, 1)
        XCTAssertTrue(decoded.warnings.contains { $0.contains("header CRC mismatch at byte 0") }, "\(decoded.warnings)")
        bytes = sessionFile(bigEndian: false)
        bytes[bytes.count - 1] ^= 0x01
        decoded = try FITDecoder.decode(bytes)
        XCTAssertEqual(decoded.activities.count, 1)
        XCTAssertTrue(decoded.warnings.contains { $0.contains("file CRC mismatch") }, "\(decoded.warnings)")
    }

    func testUndefinedLocalMessageTypeStopsWithAPreciseWarningOrError() throws {
        var b = FITBuilder()
        b.data(local: 5, [1, 2, 3])
        XCTAssertThrowsError(try FITDecoder.decode(b.file())) { error in
            let e = try? XCTUnwrap(error as? ActivityDecodingError)
            XCTAssertEqual(e?.format, .fit)
            XCTAssertEqual(e?.byteOffset, 14)
            XCTAssertTrue(e?.reason.contains("undefined local message type 5") ?? false, "\(error)")
        }
    }

    func testCRCMatchesTheSDKNibbleAlgorithm() throws {
        var rng = SeededGenerator(seed: 7)
        for length in [0, 1, 2, 13, 256, 4099] {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var nibble: UInt16 = 0
            for byte in data { nibble = FITCRC.nibbleUpdate(nibble, byte) }
            XCTAssertEqual(FITCRC.compute(data), nibble, "length \(length)")
        }
        // A real file: its stored CRC is the CRC of everything before it, and the CRC over all of it is 0.
        let file = try TestData.bytes("fit", "Activity.fit")
        XCTAssertEqual(FITCRC.compute(Array(file.dropLast(2))), UInt16(file[file.count - 2]) | UInt16(file[file.count - 1]) << 8)
        XCTAssertEqual(FITCRC.compute(file), 0)
    }
}
