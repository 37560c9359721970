@testable import GoFastServer
import JSONRPC
import TrainingDomain
import XCTest

/// `activity.ingest`'s full reply written directly is the `Codable` encoding, byte for byte.
final class ActivityResultsEncodingTests: XCTestCase {
    private func activity(_ index: Int, text: String, number: Double?) -> Activity {
        Activity(
            id: "act_\(index)", athleteId: "ath", source: index % 2 == 0 ? "garmin" : "file", externalId: text, sport: index % 3 == 0 ? "running" : text,
            startTime: "2026-11-24T23:30:00-08:00", startEpochSeconds: 1_795_937_400 + Double(index) / 4, utcOffsetSeconds: index % 2 == 0 ? -28_800 : nil,
            localDate: CalendarDate("2026-11-24")!, elapsedSeconds: 3000.5, movingSeconds: 2950, distanceMeters: number ?? 0,
            averageHeartRate: number.map { $0 / 70 }, maxHeartRate: index % 4 == 0 ? 185 : nil, elevationGainMeters: number.map { $0 / 1000 },
            laps: index % 5 == 0 ? [ActivityLap(startOffsetSeconds: 0, elapsedSeconds: 300.25, movingSeconds: 299, distanceMeters: 1000, averageHeartRate: 151.5),
                                    ActivityLap(startOffsetSeconds: 300.25, elapsedSeconds: 290, movingSeconds: 290, distanceMeters: 1000)] : [],
            heartRateSamples: index % 7 == 0 ? [HeartRateSample(offsetSeconds: 0, beatsPerMinute: 120), HeartRateSample(offsetSeconds: 5.5, beatsPerMinute: 121.5)] : [],
            createdAt: "2026-11-30T20:00:00.000000Z",
            trainingLoad: index % 3 == 1 ? TrainingLoad(value: number ?? 0.1 + 0.2, method: index % 2 == 0 ? .runningStress : .heartRateStress) : nil
        )
    }

    func testTheDirectEncodingIsTheCodableEncoding() throws {
        let texts = ["s-1", "Zoë \"Quick\" O'Brien \\ 走る 🏃 / slash", "Tab\tNew\nline\r\u{1}\u{1F}\u{7F}", "\u{2028}\u{FEFF}"]
        let numbers: [Double?] = [nil, 10_000, 10_000.5, 251.33333333333334, 1e-7, 123_456_789_012.25, 9_007_199_254_740_992, 1.0e17]
        let workout = PlannedWorkout(type: .easy, title: "Easy 10 km", description: "Easy / relaxed", distanceMeters: 10_000, durationSeconds: 3500,
                                     targetPace: PaceRange(minSecondsPerKm: 330, maxSecondsPerKm: 370), heartRateZone: 2,
                                     segments: [WorkoutSegment(kind: .steady, distanceMeters: 10_000)])
        let day = PlannedDay(id: "day_1", trainingPlanId: "plan", weekIndex: 2, dayIndex: 3, date: CalendarDate("2026-11-24")!, phase: .build, plannedData: workout)
        var items: [ActivityResults.Item] = []
        for (index, text) in texts.enumerated() {
            for (offset, number) in numbers.enumerated() {
                let serial = index * numbers.count + offset
                let activity = activity(serial, text: text, number: number)
                var execution: ExecutedDay?
                if serial % 3 == 0 {
                    execution = ExecutedDay.hydrated(id: "exe_\(serial)", athleteId: "ath", activityId: activity.id, from: day, createdAt: activity.createdAt)
                    execution?.analysis = ExecutionAnalyzer().analyze(planned: workout, actual: ActualWorkout(activity), maxHeartRate: 185)
                }
                items.append(ActivityResults.Item(activity: activity, created: serial % 2 == 0, execution: execution,
                                                  unmatchedReason: execution == nil ? "no planned day on \(text)" : nil, error: nil))
            }
        }
        items.append(ActivityResults.Item(activity: nil, created: false, execution: nil, unmatchedReason: nil,
                                          error: ["code": -32602, "message": "Invalid params", "data": ["field": "activities[3].startTime", "reason": "must be …"]]))
        for warnings in [nil, [], ["a warning", "another \"one\""]] as [[String]?] {
            let results = ActivityResults(results: items, warnings: warnings)
            XCTAssertEqual(ActivityResultsEncoding.encode(results), try EncodedJSON.encoding(results))
        }
        XCTAssertEqual(ActivityResultsEncoding.encode(ActivityResults(results: [], warnings: nil)), try EncodedJSON.encoding(ActivityResults(results: [], warnings: nil)))
    }

    func testANonFiniteNumberIsDeclinedAsTheCodableEncodingRefusesIt() {
        var bad = activity(1, text: "x", number: 5)
        bad.trainingLoad = TrainingLoad(value: .nan, method: .duration)
        let results = ActivityResults(results: [ActivityResults.Item(activity: bad, created: true, execution: nil, unmatchedReason: nil, error: nil)], warnings: nil)
        XCTAssertNil(ActivityResultsEncoding.encode(results))
        XCTAssertThrowsError(try EncodedJSON.encoding(results))
    }
}
