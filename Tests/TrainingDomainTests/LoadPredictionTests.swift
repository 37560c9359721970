import Foundation
import Testing
@testable import TrainingDomain

/// Which run the prediction picks, and the times it predicts, against Daniels' tables.
///
/// Reference: *Daniels' Running Formula* Table 3.1 (as quoted in VDOTTests [A]): VDOT 50 runs 5K 19:57, 10K 41:21,
/// half 1:31:35, marathon 3:10:49; VDOT 40 runs 5K 24:08.
@Suite struct LoadPredictionTests {
    let today = CalendarDate("2026-11-30")!

    func run(_ id: String, daysAgo: Int, meters: Double, seconds: Double, heartRate: Double? = nil, sport: String = "running") -> Activity {
        let date = today.adding(days: -daysAgo)
        return Activity(
            id: id, athleteId: "x", source: "file", externalId: id, sport: sport, startTime: "\(date)T07:00:00Z", startEpochSeconds: 0,
            utcOffsetSeconds: 0, localDate: date, elapsedSeconds: seconds + 30, movingSeconds: seconds, distanceMeters: meters,
            averageHeartRate: heartRate, maxHeartRate: nil, elevationGainMeters: nil, laps: [], heartRateSamples: [], createdAt: ""
        )
    }

    @Test func highestRaceLikeEffortInTheWindowWins() throws {
        let runs = [
            run("race10k", daysAgo: 10, meters: 10_000, seconds: 43 * 60),             // race day, VDOT ≈ 47.7
            run("hard5k", daysAgo: 3, meters: 5_000, seconds: 19 * 60 + 57, heartRate: 170),   // 170 ≥ 0.88 × 190 = 167.2 → VDOT 50
            run("fastButEasy", daysAgo: 2, meters: 5_000, seconds: 17 * 60, heartRate: 160),   // not race-like: HR too low
            run("oldRace", daysAgo: 42, meters: 5_000, seconds: 17 * 60),              // one day outside the window
            run("shortRace", daysAgo: 5, meters: 2_900, seconds: 9 * 60),              // under 3 km
            run("ride", daysAgo: 1, meters: 40_000, seconds: 3_600, heartRate: 180, sport: "cycling"),
        ]
        let prediction = try PerformancePredictor.predict(
            activities: runs, raceDayActivityIds: ["race10k", "oldRace", "shortRace", "ride"], maxHeartRate: 190, fiveKTimeSeconds: 1_500, today: today
        )
        #expect(prediction.source == .activity(RaceEffort(activityId: "hard5k", date: today.adding(days: -3), distanceMeters: 5_000, movingSeconds: 1_197)))
        #expect(abs(prediction.vdot - 50) < 0.1)
        let tables: [Double] = [1_197, 2_481, 5_495, 11_449]   // 19:57, 41:21, 1:31:35, 3:10:49
        #expect(prediction.predictions.map(\.distanceMeters) == [5_000, 10_000, 21_097.5, 42_195])
        for (predicted, table) in zip(prediction.predictions, tables) {
            let error: Double = abs(predicted.timeSeconds - table) / table
            #expect(error < 0.01, "\(predicted.distanceMeters) m: \(predicted.timeSeconds) s vs \(table) s")
        }
    }

    @Test func windowIncludesTodayAndFortyOneDaysBack() throws {
        for (daysAgo, counts) in [(0, true), (41, true), (42, false), (-1, false)] {
            let runs = [run("r", daysAgo: daysAgo, meters: 5_000, seconds: 1_197)]
            let prediction = try PerformancePredictor.predict(activities: runs, raceDayActivityIds: ["r"], maxHeartRate: nil, fiveKTimeSeconds: 1_448, today: today)
            #expect((prediction.source != .profile) == counts, "\(daysAgo) days ago")
        }
    }

    @Test func heartRateRuleNeedsMaxHeartRateAndRaceDayRuleDoesNot() throws {
        let hard = [run("h", daysAgo: 1, meters: 8_000, seconds: 32 * 60, heartRate: 185)]
        let withoutMax = try PerformancePredictor.predict(activities: hard, raceDayActivityIds: [], maxHeartRate: nil, fiveKTimeSeconds: 1_448, today: today)
        #expect(withoutMax.source == .profile)
        let withMax = try PerformancePredictor.predict(activities: hard, raceDayActivityIds: [], maxHeartRate: 195, fiveKTimeSeconds: 1_448, today: today)
        #expect(withMax.source != .profile)
        // A race day counts without any heart rate.
        let race = try PerformancePredictor.predict(activities: hard.map { var a = $0; a.averageHeartRate = nil; return a },
                                                    raceDayActivityIds: ["h"], maxHeartRate: nil, fiveKTimeSeconds: nil, today: today)
        #expect(abs(race.vdot - VDOT.from(distanceMeters: 8_000, timeSeconds: 1_920)) < 1e-9)
    }

    @Test func upperDistanceLimitIsFortyTwoPointTwoKilometres() {
        let candidate = { (meters: Double) in
            RaceEffortCandidate(effort: RaceEffort(activityId: "m", date: self.today, distanceMeters: meters, movingSeconds: 12_000), averageHeartRate: nil, isRaceDay: true)
        }
        #expect(PerformancePredictor.isRaceLike(candidate(42_195), maxHeartRate: nil))
        #expect(PerformancePredictor.isRaceLike(candidate(3_000), maxHeartRate: nil))
        #expect(!PerformancePredictor.isRaceLike(candidate(42_300), maxHeartRate: nil))
    }

    @Test func implausibleEffortsAreIgnored() throws {
        // 10 km in 15 minutes (a GPS or timer error) would be VDOT far above 85.
        let runs = [run("glitch", daysAgo: 1, meters: 10_000, seconds: 900)]
        let prediction = try PerformancePredictor.predict(activities: runs, raceDayActivityIds: ["glitch"], maxHeartRate: nil, fiveKTimeSeconds: 1_448, today: today)
        #expect(prediction.source == .profile)
    }

    @Test func profileFiveKIsTheFallback() throws {
        let prediction = try PerformancePredictor.predict(activities: [], raceDayActivityIds: [], maxHeartRate: 190, fiveKTimeSeconds: 24 * 60 + 8, today: today)
        #expect(prediction.source == .profile)
        #expect(abs(prediction.vdot - 40) < 0.1)
    }

    @Test func nothingToPredictFromIsATypedErrorSayingWhatIsMissing() {
        do {
            _ = try PerformancePredictor.predict(activities: [], raceDayActivityIds: [], maxHeartRate: nil, fiveKTimeSeconds: nil, today: today)
            Issue.record("predicted from nothing")
        } catch {
            #expect(error == .noRaceLikeRunAndNoFiveK(maxHeartRateKnown: false))
            #expect(error.description.contains("fiveKTimeSeconds"))
            #expect(error.description.contains("only race days count"))
        }
        #expect(throws: PredictionError.implausibleFiveK(timeSeconds: 60)) {
            try PerformancePredictor.predict(activities: [], raceDayActivityIds: [], maxHeartRate: nil, fiveKTimeSeconds: 60, today: today)
        }
    }

    @Test func tiesGoToTheMoreRecentRun() throws {
        let runs = [run("older", daysAgo: 9, meters: 5_000, seconds: 1_200), run("newer", daysAgo: 2, meters: 5_000, seconds: 1_200)]
        let prediction = try PerformancePredictor.predict(activities: runs, raceDayActivityIds: ["older", "newer"], maxHeartRate: nil, fiveKTimeSeconds: nil, today: today)
        guard case .activity(let effort) = prediction.source else { Issue.record("no activity source"); return }
        #expect(effort.activityId == "newer")
    }

    @Test func encodesTheContractShape() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode([PredictionSource.profile]), as: UTF8.self) == #"["profile"]"#)
        let effort = PredictionSource.activity(RaceEffort(activityId: "a1", date: today, distanceMeters: 5_000, movingSeconds: 1_197))
        #expect(String(decoding: try encoder.encode(effort), as: UTF8.self) == #"{"activityId":"a1","date":"2026-11-30","distanceMeters":5000,"movingSeconds":1197}"#)
    }
}
