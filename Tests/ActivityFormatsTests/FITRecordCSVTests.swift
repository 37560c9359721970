import ActivityFormats
import Foundation
import XCTest

/// Record-by-record comparison with python-fitparse's expected rows (`*-records.csv`).
final class FITRecordCSVTests: XCTestCase {
    func testRecordsMatchFitparseCSVs() throws {
        let csvs = TestData.files("fit", extensions: ["csv"])
        XCTAssertFalse(csvs.isEmpty)
        for csv in csvs {
            let fitName = String(csv.dropLast("-records.csv".count)) + ".fit"
            let decoded = try ActivityFileDecoder.decode(try TestData.bytes("fit", fitName))
            let samples = decoded.activities.flatMap(\.samples)
            var byTime: [Int64: [DecodedSample]] = [:]
            for s in samples { byTime[TestData.second(s.time), default: []].append(s) }
            var used: [Int64: Int] = [:]

            let text = String(decoding: try TestData.bytes("fit", csv), as: UTF8.self)
            var lines = text.split(whereSeparator: \.isNewline).map(String.init)
            let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            XCTAssertGreaterThan(lines.count, 0, csv)
            var compared = 0
            // The CSVs carry a value forward when a record lacks it (fitdecode reports nil there): remember the last.
            var lastKnown: [String: Double] = [:]
            for (row, line) in lines.enumerated() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                guard cells.count == header.count, let time = Self.time(cells[0]) else {
                    XCTFail("\(csv) row \(row): cannot read \(line)")
                    continue
                }
                let index = used[time, default: 0]
                guard let candidates = byTime[time], index < candidates.count else {
                    XCTFail("\(csv) row \(row): no decoded record at \(cells[0])")
                    continue
                }
                used[time] = index + 1
                let sample = candidates[index]
                for (column, cell) in zip(header, cells).dropFirst() {
                    let expected = Double(cell.trimmingCharacters(in: .whitespaces))
                    let label = "\(csv) row \(row) \(column)"
                    let actual: Double?
                    let accuracy: Double
                    switch column {
                    case "heart_rate", "heart rate [bpm]": (actual, accuracy) = (sample.heartRate, 0)
                    case "cadence", "cadence [rpm]": (actual, accuracy) = (sample.cadence, 0)
                    case "speed", "speed [m/s]": (actual, accuracy) = (sample.speedMetersPerSecond, 0.0011)
                    case "distance", "distance [m]": (actual, accuracy) = (sample.distanceMeters, 0.011)
                    case "altitude": (actual, accuracy) = (sample.altitudeMeters, 0.011)
                    case "position_lat": (actual, accuracy) = (sample.latitude.map(Self.semicircles), 1)
                    case "position_long": (actual, accuracy) = (sample.longitude.map(Self.semicircles), 1)
                    default: continue
                    }
                    if actual == nil, let expected, let previous = lastKnown[column] {
                        XCTAssertEqual(expected, previous, accuracy: accuracy, "\(label): carried-forward value")
                    } else {
                        Self.near(actual, expected, accuracy, label)
                    }
                    if let actual { lastKnown[column] = actual }
                }
                compared += 1
            }
            XCTAssertEqual(compared, lines.count, csv)
        }
    }

    private static func semicircles(_ degrees: Double) -> Double { (degrees * 2_147_483_648 / 180).rounded() }

    private static func near(_ actual: Double?, _ expected: Double?, _ accuracy: Double, _ label: String) {
        guard let expected else {
            XCTAssertNil(actual, label)
            return
        }
        guard let actual else {
            XCTFail("\(label): nil, expected \(expected)")
            return
        }
        XCTAssertEqual(actual, expected, accuracy: accuracy, label)
    }

    /// A CSV timestamp: raw FIT seconds ("17217869") or `Sun Jun 11 07:34:09 PDT 2017`; UTC seconds since 1970.
    static func time(_ text: String) -> Int64? {
        if let raw = Int64(text) { return raw + 631_065_600 }
        let parts = text.split(separator: " ")
        guard parts.count == 6 else { return nil }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let zones = ["UTC": 0, "GMT": 0, "PST": -8, "PDT": -7, "MST": -7, "MDT": -6, "CST": -6, "CDT": -5, "EST": -5, "EDT": -4]
        guard let month = months.firstIndex(of: String(parts[1])), let day = Int(parts[2]), let year = Int(parts[5]),
            let zone = zones[String(parts[4])]
        else { return nil }
        let hms = parts[3].split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3 else { return nil }
        var components = DateComponents()
        components.year = year
        components.month = month + 1
        components.day = day
        components.hour = hms[0]
        components.minute = hms[1]
        components.second = hms[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: zone * 3600)!
        guard let date = calendar.date(from: components) else { return nil }
        return Int64(date.timeIntervalSince1970)
    }
}
