import XCTest
@testable import TrainingDomain

/// The analysis over a grid of planned and actual pairs, the TrainingPeaks colours, intervals and zones.
final class ExecutionAnalyzerTests: XCTestCase {
    let analyzer = ExecutionAnalyzer()
    let easyPace = PaceRange(minSecondsPerKm: 330, maxSecondsPerKm: 370)

    func easy(_ meters: Double = 10_000) -> PlannedWorkout {
        PlannedWorkout(type: .easy, title: "Easy 10 km", description: "", distanceMeters: meters, durationSeconds: meters / 1000 * 350,
                       targetPace: easyPace, heartRateZone: 2, segments: [WorkoutSegment(kind: .steady, distanceMeters: meters, targetPace: easyPace)])
    }

    func intervals() -> PlannedWorkout {
        let work = WorkoutSegment(kind: .work, distanceMeters: 1000, targetPace: PaceRange(minSecondsPerKm: 255, maxSecondsPerKm: 261))
        let jog = WorkoutSegment(kind: .recovery, durationSeconds: 180, targetPace: easyPace)
        return PlannedWorkout(type: .intervals, title: "5 × 1 km at I", description: "", distanceMeters: 10_000, durationSeconds: 3000,
                              targetPace: PaceRange(minSecondsPerKm: 255, maxSecondsPerKm: 261),
                              segments: [WorkoutSegment(kind: .warmUp, distanceMeters: 2000, targetPace: easyPace),
                                         WorkoutSegment(kind: .repeat, repeats: 5, steps: [work, jog]),
                                         WorkoutSegment(kind: .coolDown, distanceMeters: 2000, targetPace: easyPace)])
    }

    /// Duration ratio → verdict and TrainingPeaks' colour, for a run at target pace (pace does not change the colour).
    func testVerdictAndColourFollowTheDurationRatio() {
        let cases: [(ratio: Double, verdict: Verdict, color: ComplianceColor)] = [
            (0.3, .partial, .red), (0.49, .partial, .red), (0.5, .partial, .yellow), (0.79, .partial, .yellow), (0.8, .completed, .green),
            (1.0, .completed, .green), (1.2, .completed, .green), (1.21, .over, .yellow), (1.5, .over, .yellow), (1.51, .over, .red), (2.0, .over, .red),
        ]
        let planned = easy()
        for (ratio, verdict, color) in cases {
            let actual = ActualWorkout(distanceMeters: planned.distanceMeters * ratio, durationSeconds: planned.durationSeconds * ratio)
            let analysis = analyzer.analyze(planned: planned, actual: actual, maxHeartRate: nil)
            XCTAssertEqual(analysis.verdict, verdict, "ratio \(ratio)")
            XCTAssertEqual(analysis.color, color, "ratio \(ratio)")
            XCTAssertEqual(analysis.durationRatio!, ratio, accuracy: 0.001)
            XCTAssertEqual(analysis.distanceRatio!, ratio, accuracy: 0.001)
            XCTAssertEqual(analysis.paceAssessment, .onTarget)
            XCTAssertTrue((0...100).contains(analysis.complianceScore))
            XCTAssertFalse(analysis.summary.isEmpty)
        }
    }

    /// Over a grid of distance and pace, the score falls as either moves away from the plan and is highest on plan.
    func testScoreIsHighestOnPlanAndFallsAwayFromIt() {
        let planned = easy()
        var best = (score: -1, ratio: 0.0, pace: 0.0)
        for ratio in stride(from: 0.4, through: 1.6, by: 0.1) {
            var previous = Int.max
            for pace in stride(from: 350.0, through: 450, by: 20) {
                let actual = ActualWorkout(distanceMeters: 10_000 * ratio, durationSeconds: 10 * ratio * pace)
                let analysis = analyzer.analyze(planned: planned, actual: actual, maxHeartRate: nil)
                XCTAssertLessThanOrEqual(analysis.complianceScore, previous, "slower never scores higher (ratio \(ratio), pace \(pace))")
                previous = analysis.complianceScore
                if analysis.complianceScore > best.score { best = (analysis.complianceScore, ratio, pace) }
                if pace > 375 { XCTAssertEqual(analysis.paceAssessment, .slow) }
            }
        }
        XCTAssertEqual(best.ratio, 1.0, accuracy: 0.11)
        XCTAssertEqual(best.pace, 350)
        XCTAssertGreaterThanOrEqual(best.score, 95)
    }

    func testAGreenDayOffItsPaceTurnsYellow() {
        let planned = easy()
        let tooFast = ActualWorkout(distanceMeters: 12_000, durationSeconds: planned.durationSeconds)  // 292 s/km, duration on plan
        let analysis = analyzer.analyze(planned: planned, actual: tooFast, maxHeartRate: nil)
        XCTAssertEqual(analysis.verdict, .completed)
        XCTAssertEqual(analysis.paceAssessment, .fast)
        XCTAssertEqual(analysis.color, .yellow)
        XCTAssertTrue(analysis.summary.contains("faster"), analysis.summary)
    }

    func testEachIntervalIsJudgedAgainstItsOwnTarget() {
        var laps = [ActivityLap(startOffsetSeconds: 0, elapsedSeconds: 700, movingSeconds: 700, distanceMeters: 2000)]
        let repPaces: [Double] = [258, 256, 262, 275, 240]  // on, on, on (within 5 s), slow, fast
        var offset = 700.0
        for pace in repPaces {
            laps.append(ActivityLap(startOffsetSeconds: offset, elapsedSeconds: pace, movingSeconds: pace, distanceMeters: 1000))
            offset += pace
            laps.append(ActivityLap(startOffsetSeconds: offset, elapsedSeconds: 180, movingSeconds: 180, distanceMeters: 450))
            offset += 180
        }
        laps.append(ActivityLap(startOffsetSeconds: offset, elapsedSeconds: 700, movingSeconds: 700, distanceMeters: 2000))
        let actual = ActualWorkout(distanceMeters: laps.reduce(0) { $0 + $1.distanceMeters }, durationSeconds: laps.reduce(0) { $0 + $1.movingSeconds }, laps: laps)
        let analysis = analyzer.analyze(planned: intervals(), actual: actual, maxHeartRate: nil)
        XCTAssertEqual(analysis.intervals.map(\.repetition), [1, 2, 3, 4, 5])
        XCTAssertEqual(analysis.intervals.map(\.lapIndex), [1, 3, 5, 7, 9])
        XCTAssertEqual(analysis.intervals.map(\.paceAssessment), [.onTarget, .onTarget, .onTarget, .slow, .fast])
        XCTAssertTrue(analysis.summary.contains("3 of 5 reps"), analysis.summary)
        XCTAssertNil(analysis.paceAssessment, "the average pace of an interval session mixes reps and jogs")
    }

    func testTimeInHeartRateZones() {
        let samples = (0..<600).map { HeartRateSample(offsetSeconds: Double($0), beatsPerMinute: $0 < 300 ? 120 : 170) }
        let actual = ActualWorkout(distanceMeters: 2000, durationSeconds: 600, heartRateSamples: samples)
        let zones = analyzer.analyze(planned: easy(2000), actual: actual, maxHeartRate: 200).heartRateZones!
        XCTAssertEqual(zones.map(\.zone), [1, 2, 3, 4, 5])
        // Daniels' bands (HeartRateZones): 1 50–64 %, 2 65–79 %, 3 80–87 %, 4 88–92 %, 5 93–100 % of max.
        XCTAssertEqual(zones[0].seconds, 300, accuracy: 1)   // 120 bpm = 60 % of 200
        XCTAssertEqual(zones[2].seconds, 299, accuracy: 1)   // 170 bpm = 85 %
        XCTAssertEqual(zones.map(\.minBeatsPerMinute), [100, 130, 160, 176, 186])
        // With a resting heart rate of 50 the zones sit on heart-rate reserve (Karvonen): 50 + p × 150.
        let reserve = analyzer.analyze(planned: easy(2000), actual: actual, maxHeartRate: 200, restingHeartRate: 50).heartRateZones!
        XCTAssertEqual(reserve.map(\.minBeatsPerMinute), [110, 139, 163, 176, 184])
        XCTAssertEqual(reserve[0].seconds, 300, accuracy: 1)   // 120 bpm = 47 % of reserve
        XCTAssertEqual(reserve[2].seconds, 299, accuracy: 1)   // 170 bpm = 80 % of reserve
        XCTAssertNil(analyzer.analyze(planned: easy(2000), actual: actual, maxHeartRate: nil).heartRateZones, "no max heart rate, no zones")
    }

    func testARunOnARestDayOrWithNoPlanIsUnplanned() {
        let rest = PlannedWorkout(type: .rest, title: "Rest", description: "", distanceMeters: 0, durationSeconds: 0, targetPace: nil, segments: [])
        for planned in [rest, nil] {
            let analysis = analyzer.analyze(planned: planned, actual: ActualWorkout(distanceMeters: 5000, durationSeconds: 1500), maxHeartRate: nil)
            XCTAssertEqual(analysis.verdict, .unplanned)
            XCTAssertEqual(analysis.color, .grey)
            XCTAssertNil(analysis.distanceRatio)
            XCTAssertTrue(analysis.summary.hasPrefix("Unplanned"), analysis.summary)
        }
    }

    func testADoubleDayIsJudgedOnTheDayTotalAndTheMainRunIsTheClosest() {
        let planned = easy(12_000)
        func run(_ id: String, _ meters: Double, start: Double) -> Activity {
            Activity(id: id, athleteId: "a", source: "s", externalId: id, sport: "running", startTime: "", startEpochSeconds: start, utcOffsetSeconds: 0,
                     localDate: CalendarDate("2027-01-05")!, elapsedSeconds: meters * 0.35, movingSeconds: meters * 0.35, distanceMeters: meters,
                     averageHeartRate: nil, maxHeartRate: nil, elevationGainMeters: nil, laps: [], heartRateSamples: [], createdAt: "")
        }
        let warmUp = run("warm", 2000, start: 0)
        let main = run("main", 10_000, start: 900)
        XCTAssertEqual(ActivityMatching.mainIndex(of: [ActualWorkout(warmUp), ActualWorkout(main)], for: planned), 1, "the main run")
        let total = ActualWorkout(distanceMeters: 12_000, durationSeconds: 4200)
        let analysis = analyzer.analyze(planned: planned, actual: ActualWorkout(main), dayTotal: total, maxHeartRate: nil)
        XCTAssertEqual(analysis.verdict, .completed)
        XCTAssertEqual(analysis.distanceRatio!, 1, accuracy: 0.001)
        let extra = analyzer.analyze(planned: planned, actual: ActualWorkout(warmUp), dayTotal: total, maxHeartRate: nil, isExtraRun: true)
        XCTAssertEqual(extra.verdict, .unplanned)
        XCTAssertTrue(extra.summary.contains("Extra run"))
    }

    func testMissedDays() {
        let analysis = analyzer.missed(planned: easy())
        XCTAssertEqual(analysis.verdict, .missed)
        XCTAssertEqual(analysis.color, .red)
        XCTAssertEqual(analysis.complianceScore, 0)
    }
}
