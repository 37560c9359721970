import Testing
@testable import TrainingDomain

/// The expected load of planned workouts, by the rTSS rule at target paces.
@Suite struct LoadPlannedTests {
    let thresholds = LoadThresholds(thresholdSpeedMetersPerSecond: 1000 / 270.0, thresholdHeartRate: nil)
    var calculator: PlannedLoadCalculator { PlannedLoadCalculator(thresholds: thresholds) }

    func range(_ mid: Double, _ half: Double = 10) -> PaceRange { PaceRange(minSecondsPerKm: mid - half, maxSecondsPerKm: mid + half) }

    func workout(_ type: WorkoutType, _ segments: [WorkoutSegment], distance: Double = 0, duration: Double = 0, pace: PaceRange? = nil) -> PlannedWorkout {
        PlannedWorkout(type: type, title: "t", description: "d", distanceMeters: distance, durationSeconds: duration, targetPace: pace, segments: segments)
    }

    @Test func structuredSessionIsSummedStepByStep() {
        // warm-up 2 km at 340 s/km: 680 s, IF 270/340 → 100 × 0.18889 × 0.63062 = 11.9118
        // 3 × (1 km at 270: 7.5 + 400 m at 360: 144 s, IF 0.75 → 2.25) = 29.25
        // cool-down 10 min without pace: duration default 50 × 1/6 = 8.3333      total 49.4951
        let session = workout(.threshold, [
            WorkoutSegment(kind: .warmUp, distanceMeters: 2_000, targetPace: range(340)),
            WorkoutSegment(kind: .repeat, repeats: 3, steps: [
                WorkoutSegment(kind: .work, distanceMeters: 1_000, targetPace: range(270, 3)),
                WorkoutSegment(kind: .recovery, distanceMeters: 400, targetPace: range(360)),
            ]),
            WorkoutSegment(kind: .coolDown, durationSeconds: 600),
        ])
        let load = calculator.load(of: session)
        #expect(load.method == .runningStress)
        #expect(abs(load.value - 49.4951) < 1e-4)
    }

    @Test func timedStepRunsItsTimeAtItsPace() {
        // 30 min at 300 s/km: IF 0.9 → 100 × 0.5 × 0.81 = 40.5 (the worked example for FTp 4:30/km, NGP 5:00/km in
        // TrainingPeaks' "Running Training Stress Score (rTSS) Explained", as quoted at me-create.com/triathlon-24e).
        let load = calculator.load(of: workout(.marathonPace, [WorkoutSegment(kind: .steady, durationSeconds: 1_800, targetPace: range(300))]))
        #expect(abs(load.value - 40.5) < 1e-9)
    }

    @Test func stepWithoutPaceRunsAtEasyPace() throws {
        let easy = try #require(thresholds.easyPaceSecondsPerKm)
        let load = calculator.load(of: workout(.easy, [WorkoutSegment(kind: .steady, distanceMeters: 8_000)]))
        let hours = 8 * easy / 3600, intensity = 270 / easy
        #expect(abs(load.value - 100 * hours * intensity * intensity) < 1e-9)
        // An easy hour lands near the duration default's 50 (IF ≈ 0.7).
        #expect((40...70).contains(100 * intensity * intensity))
    }

    @Test func workoutWithoutSegmentsIsOneStep() {
        // 12 km at 300 s/km: 1 h, IF 0.9 → 81.
        #expect(abs(calculator.load(of: workout(.long, [], distance: 12_000, duration: 3_600, pace: range(300))).value - 81) < 1e-9)
    }

    @Test func restDayIsZeroAndUnknownThresholdUsesDuration() {
        #expect(calculator.load(of: workout(.rest, [])).value == 0)
        let noPace = PlannedLoadCalculator(thresholds: LoadThresholds(thresholdSpeedMetersPerSecond: nil, thresholdHeartRate: nil))
        #expect(noPace.load(of: workout(.easy, [], distance: 10_000, duration: 3_600, pace: range(330))) == TrainingLoad(value: 50, method: .duration))
    }

    @Test func coachThresholdWorkIsOneHundredPerHour() throws {
        // Threshold derived from a 5K and a plan's T steps at the same VDOT: each T step runs at IF exactly 1.
        let fiveK = 1_320.0
        let thresholds = LoadThresholds(fiveKTimeSeconds: fiveK, thresholdPaceSecondsPerKm: nil, maxHeartRate: nil, thresholdHeartRate: nil, restingHeartRate: nil)
        let tPace = VDOT.paces(vdot: VDOT.from(distanceMeters: 5_000, timeSeconds: fiveK)).threshold
        let step = WorkoutSegment(kind: .work, distanceMeters: 5_000, targetPace: tPace)
        let load = PlannedLoadCalculator(thresholds: thresholds).load(of: workout(.threshold, [step]))
        #expect(abs(load.value - 100 * 5 * tPace.midSecondsPerKm / 3600) < 1e-9)
    }

    @Test func dailyLoadsCountRunningDaysOnly() {
        let monday = CalendarDate("2026-12-07")!
        func day(_ offset: Int, _ workout: PlannedWorkout) -> PlannedDay {
            PlannedDay(id: "d\(offset)", trainingPlanId: "p", weekIndex: 0, dayIndex: offset, date: monday.adding(days: offset), phase: .base, plannedData: workout)
        }
        let days = [
            day(0, workout(.long, [], distance: 12_000, duration: 3_600, pace: range(300))),
            day(1, workout(.rest, [])),
            day(2, workout(.crossTraining, [], duration: 3_600)),
            day(3, workout(.marathonPace, [WorkoutSegment(kind: .steady, durationSeconds: 1_800, targetPace: range(300))])),
        ]
        let loads = calculator.dailyLoads(of: days)
        #expect(loads.count == 2)
        #expect(abs((loads[monday] ?? 0) - 81) < 1e-9)
        #expect(abs((loads[monday.adding(days: 3)] ?? 0) - 40.5) < 1e-9)
    }
}
