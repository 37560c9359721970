import Foundation
import TrainingDomain
import XCTest

/// RFC 3339 instants and local dates across offsets and midnight. `Timestamp.format` writes bytes by hand, so it is
/// also checked against Foundation's calendar arithmetic and against `Timestamp.parse`, across eras and offsets.
final class TimestampTests: XCTestCase {
    func testParsesOffsetsAndComputesLocalDates() throws {
        let cases: [(String, String)] = [
            ("2026-11-24T23:30:00-08:00", "2026-11-24"), ("2026-11-25T00:30:00-08:00", "2026-11-25"),
            ("2026-11-24T06:00:00+09:00", "2026-11-24"), ("2026-11-24T23:59:59-10:00", "2026-11-24"),
            ("2026-11-24T00:00:00+14:00", "2026-11-24"), ("2026-11-24T12:00:00Z", "2026-11-24"), ("2026-11-24T05:45:00+05:45", "2026-11-24"),
        ]
        for (text, local) in cases {
            let parsed = try XCTUnwrap(Timestamp.parse(text), text)
            XCTAssertEqual(Timestamp.localDate(epochSeconds: parsed.epochSeconds, utcOffsetSeconds: parsed.utcOffsetSeconds).description, local, text)
            XCTAssertEqual(Timestamp.format(epochSeconds: parsed.epochSeconds, utcOffsetSeconds: parsed.utcOffsetSeconds), text.replacingOccurrences(of: "+00:00", with: "Z"))
        }
        for bad in ["2026-11-24T23:30:00", "2026-11-24", "2026-02-30T10:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24T10:00:00+15:00", "yesterday"] {
            XCTAssertNil(Timestamp.parse(bad), bad)
        }
    }

    func testCalendarDates() {
        XCTAssertEqual(CalendarDate("2026-11-25")?.weekday, .wednesday)
        XCTAssertEqual(CalendarDate("2026-11-25")?.next(.monday).description, "2026-11-30")
        XCTAssertEqual(CalendarDate("2026-11-30")?.next(.monday).description, "2026-11-30")
        XCTAssertEqual(CalendarDate("2024-02-28")?.adding(days: 1).description, "2024-02-29")
        XCTAssertNil(CalendarDate("2025-02-29"))
        XCTAssertEqual(CalendarDate(daysSinceEpoch: -1).description, "1969-12-31")
    }

    func testKnownInstants() {
        XCTAssertEqual(Timestamp.format(epochSeconds: 0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(Timestamp.format(epochSeconds: -1), "1969-12-31T23:59:59Z")
        XCTAssertEqual(Timestamp.format(epochSeconds: 1_377_309_600, utcOffsetSeconds: -28_800), "2013-08-23T18:00:00-08:00")
        XCTAssertEqual(Timestamp.format(epochSeconds: 1_377_309_600, utcOffsetSeconds: 20_700), "2013-08-24T07:45:00+05:45")
        XCTAssertEqual(Timestamp.format(epochSeconds: 1_377_309_600.25, fractionDigits: 3), "2013-08-24T02:00:00.250Z")
        XCTAssertEqual(Timestamp.format(epochSeconds: -0.5, fractionDigits: 6), "1969-12-31T23:59:59.500000Z")
        XCTAssertEqual(Timestamp.format(epochSeconds: 253_402_300_799, utcOffsetSeconds: 50_400), "10000-01-01T13:59:59+14:00")
        // The longest texts: six fraction digits, a negative offset of three-digit hours, a year past 9999.
        XCTAssertEqual(Timestamp.format(epochSeconds: 0.5, utcOffsetSeconds: -360_000 - 59 * 60, fractionDigits: 6), "1969-12-27T19:01:00.500000-100:59")
        XCTAssertEqual(Timestamp.format(epochSeconds: 253_402_300_799.25, utcOffsetSeconds: 3_600, fractionDigits: 3), "10000-01-01T00:59:59.250+01:00")
        XCTAssertEqual(Timestamp.format(epochSeconds: 1.75, fractionDigits: 1), "1970-01-01T00:00:01.7Z")
    }

    func testAgreesWithFoundationAndParse() throws {
        var generator = SystemRandomNumberGenerator()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try XCTUnwrap(TimeZone(secondsFromGMT: 0))
        for _ in 0..<5_000 {
            let whole = Int.random(in: -2_208_988_800...253_402_214_400, using: &generator)
            let offset = Int.random(in: -48...56, using: &generator) * 900
            let millis = Int.random(in: 0..<8, using: &generator) * 125  // exact in binary: no rounding at the last digit
            let epochSeconds = Double(whole) + Double(millis) / 1000
            let text = Timestamp.format(epochSeconds: epochSeconds, utcOffsetSeconds: offset, fractionDigits: 3)

            let local = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(whole + offset)))
            let sign = offset < 0 ? "-" : "+"
            let zone = offset == 0 ? "Z" : String(format: "%@%02d:%02d", sign, abs(offset) / 3600, abs(offset) / 60 % 60)
            let expected = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03d", local.year!, local.month!, local.day!, local.hour!, local.minute!, local.second!, millis) + zone
            XCTAssertEqual(text, expected, "\(epochSeconds) at \(offset)")

            let parsed = try XCTUnwrap(Timestamp.parse(text), text)
            XCTAssertEqual(parsed.utcOffsetSeconds, offset, text)
            XCTAssertEqual(parsed.epochSeconds, epochSeconds, accuracy: 0.0005, text)
        }
    }
}
