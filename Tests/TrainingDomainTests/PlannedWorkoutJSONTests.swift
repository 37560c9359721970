import Foundation
import XCTest
@testable import TrainingDomain

/// The stored `plannedData` text reads back as the same workout, and absent values are left out.
final class PlannedWorkoutJSONTests: XCTestCase {
    func testEveryWorkoutOfRealPlansRoundTrips() throws {
        let start = CalendarDate("2027-01-04")!
        for (distance, weeks) in [(5000.0, 8), (10_000.0, 10), (21_097.5, 14), (42_195.0, 18), (50_000.0, 20)] {
            let request = PlanRequest(raceName: "R", raceDate: start.adding(days: 7 * (weeks - 1) + 6), raceDistanceMeters: distance, startDate: start,
                                      trainingDays: [.monday, .wednesday, .friday, .saturday, .sunday],
                                      recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 1320))
            let plan = try BuiltInCoach().generate(request)
            for day in plan.weeks.flatMap(\.days) {
                let text = day.workout.jsonText
                let decoded = try JSONDecoder().decode(PlannedWorkout.self, from: Data(text.utf8))
                XCTAssertEqual(decoded, day.workout, text)
                let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                XCTAssertEqual(object["targetPace"] == nil, day.workout.targetPace == nil)
                let encoded = try JSONEncoder().encode(day.workout)
                let viaCodable = try XCTUnwrap(JSONSerialization.jsonObject(with: encoded) as? [String: Any])
                XCTAssertEqual(Set(viaCodable.keys), Set(object.keys), "Codable and jsonText write the same keys")
            }
        }
    }

    /// Effort-only steps (hills, strides, jogs) carry `targetEffort` and no `targetPace`; zoned steps carry the
    /// zone's %HRmax band; both survive the hand-written serialiser and Codable alike.
    func testEffortsAndHeartRateBandsRoundTrip() throws {
        let start = CalendarDate("2027-01-04")!
        let request = PlanRequest(raceName: "R", raceDate: start.adding(days: 7 * 15 + 6), raceDistanceMeters: 21_097.5, startDate: start,
                                  trainingDays: [.tuesday, .wednesday, .thursday, .saturday, .sunday], currentWeeklyDistanceMeters: 40_000,
                                  recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 1320))
        let workouts = try BuiltInCoach().generate(request).weeks.flatMap(\.days).map(\.workout)
        let hills = try XCTUnwrap(workouts.first { $0.type == .hills })
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(hills.jsonText.utf8)) as? [String: Any])
        XCTAssertEqual(object["targetEffort"] as? String, "hard uphill")
        XCTAssertNil(object["targetPace"])
        let rep = try XCTUnwrap(((object["segments"] as? [[String: Any]])?.first { $0["kind"] as? String == "repeat" }?["steps"] as? [[String: Any]])?.first)
        XCTAssertEqual(rep["targetEffort"] as? String, "hard uphill")
        XCTAssertNil(rep["targetPace"])
        XCTAssertEqual(rep["durationSeconds"] as? Int, 60)
        let easy = try XCTUnwrap(workouts.first { $0.type == .easy })
        let easyObject = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(easy.jsonText.utf8)) as? [String: Any])
        let band = try XCTUnwrap(easyObject["targetHeartRateZone"] as? [String: Int])
        XCTAssertEqual(band, ["zone": 2, "minPercentOfMax": 65, "maxPercentOfMax": 79])
        for workout in [hills, easy] {
            XCTAssertEqual(try JSONDecoder().decode(PlannedWorkout.self, from: Data(workout.jsonText.utf8)), workout)
        }
    }

    func testEscapesText() throws {
        let workout = PlannedWorkout(type: .easy, title: "Quote \" and \\ and \n and \u{1}", description: "ünïcödé 🏃", distanceMeters: 5000.5,
                                     durationSeconds: 1800, targetPace: nil, segments: [WorkoutSegment(kind: .steady, note: "tab\there")])
        let decoded = try JSONDecoder().decode(PlannedWorkout.self, from: Data(workout.jsonText.utf8))
        XCTAssertEqual(decoded, workout)
    }

    func testTrainingLoadsRoundTripWithSortedKeys() throws {
        for load in [TrainingLoad(value: 62, method: .runningStress), TrainingLoad(value: 48.25, method: .heartRateStress),
                     TrainingLoad(value: 1.0 / 3.0, method: .duration), .zero] {
            XCTAssertEqual(try JSONDecoder().decode(TrainingLoad.self, from: Data(load.jsonText.utf8)), load)
            XCTAssertTrue(load.jsonText.hasPrefix(#"{"method":""#), load.jsonText)
        }
        XCTAssertEqual(TrainingLoad(value: 62, method: .runningStress).jsonText, #"{"method":"rTSS","value":62}"#)
    }
}
