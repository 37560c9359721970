import Testing
@testable import TrainingDomain

/// rTSS, hrTSS and the duration default against values worked out by hand.
///
/// Threshold pace 4:30/km (270 s/km) throughout unless said otherwise, so IF = 270 / pace.
@Suite struct LoadCalculatorTests {
    let thresholds = LoadThresholds(thresholdSpeedMetersPerSecond: 1000 / 270.0, thresholdHeartRate: 170, restingHeartRate: 50)
    var calculator: TrainingLoadCalculator { TrainingLoadCalculator(thresholds: thresholds) }

    func activity(distance: Double, moving: Double, elapsed: Double? = nil, heartRate: Double? = nil, laps: [ActivityLap] = [], sport: String = "running") -> Activity {
        Activity(
            id: "a", athleteId: "x", source: "file", externalId: "a", sport: sport, startTime: "2026-11-02T07:00:00Z", startEpochSeconds: 0,
            utcOffsetSeconds: 0, localDate: CalendarDate("2026-11-02")!, elapsedSeconds: elapsed ?? moving, movingSeconds: moving,
            distanceMeters: distance, averageHeartRate: heartRate, maxHeartRate: nil, elevationGainMeters: nil, laps: laps, heartRateSamples: [],
            createdAt: "2026-11-02T09:00:00Z"
        )
    }

    func lap(_ distance: Double, _ seconds: Double) -> ActivityLap {
        ActivityLap(startOffsetSeconds: 0, elapsedSeconds: seconds, movingSeconds: seconds, distanceMeters: distance)
    }

    @Test func thresholdPaceForThreeQuartersOfAnHourIs75() {
        // 10 km in 45:00 = 270 s/km: IF 1, 0.75 h → 100 × 0.75 × 1 = 75.
        let load = calculator.load(of: activity(distance: 10_000, moving: 2_700))
        #expect(load.method == .runningStress)
        #expect(abs(load.value - 75) < 1e-9)
    }

    @Test func slowerPaceScalesWithTheSquareOfIntensity() {
        // 10 km in 50:00 = 300 s/km: IF 0.9, 5/6 h → 100 × 0.8333 × 0.81 = 67.5.
        #expect(abs(calculator.load(of: activity(distance: 10_000, moving: 3_000)).value - 67.5) < 1e-9)
    }

    @Test func lapsAreSummedEachAtItsOwnSpeed() {
        // 5 km in 22:30 (IF 1, 0.375 h → 37.5) + 5 km in 30:00 (IF 0.75, 0.5 h → 28.125) = 65.625,
        // not the whole run's 10 km in 52:30 (IF 270/315, 0.875 h → 64.2857).
        let laps = [lap(5_000, 1_350), lap(5_000, 1_800)]
        let load = calculator.load(of: activity(distance: 10_000, moving: 3_150, laps: laps))
        #expect(load.method == .runningStress)
        #expect(abs(load.value - 65.625) < 1e-9)
        #expect(abs(calculator.load(of: activity(distance: 10_000, moving: 3_150)).value - 64.2857) < 1e-4)
    }

    @Test func lapsWithoutDistanceOrTimeAreSkipped() {
        // A 2-minute standing lap adds nothing; a lap with distance but no time cannot be judged and is skipped.
        let laps = [lap(5_000, 1_350), lap(0, 120), lap(5_000, 1_800), lap(400, 0)]
        #expect(abs(calculator.load(of: activity(distance: 10_400, moving: 3_270, laps: laps)).value - 65.625) < 1e-9)
    }

    @Test func lapsWithoutAnyDistanceFallBackToTheWholeActivity() {
        let laps = [lap(0, 1_350), lap(0, 1_350)]
        #expect(abs(calculator.load(of: activity(distance: 10_000, moving: 2_700, laps: laps)).value - 75) < 1e-9)
    }

    @Test func elapsedTimeStandsInForMissingMovingTime() {
        #expect(abs(calculator.load(of: activity(distance: 10_000, moving: 0, elapsed: 2_700)).value - 75) < 1e-9)
    }

    @Test func treadmillWithoutDistanceUsesHeartRate() {
        // 1 h at 150 bpm, rest 50, threshold 170: ratio 100/120 → 100 × 1 × 0.69444 = 69.444.
        let load = calculator.load(of: activity(distance: 0, moving: 3_600, heartRate: 150))
        #expect(load.method == .heartRateStress)
        #expect(abs(load.value - 6_250 / 90) < 1e-9)
    }

    @Test func heartRateBelowRestIsClampedToZero() {
        let load = calculator.load(of: activity(distance: 0, moving: 3_600, heartRate: 40))
        #expect(load == TrainingLoad(value: 0, method: .heartRateStress))
    }

    @Test func unknownThresholdPaceFallsBackToHeartRate() {
        let noPace = TrainingLoadCalculator(thresholds: LoadThresholds(thresholdSpeedMetersPerSecond: nil, thresholdHeartRate: 170, restingHeartRate: 50))
        let load = noPace.load(of: activity(distance: 10_000, moving: 3_600, heartRate: 170))
        #expect(load.method == .heartRateStress)
        #expect(abs(load.value - 100) < 1e-9)
    }

    @Test func neitherDistanceNorHeartRateGivesFiftyPerHour() {
        // 1.5 h → 75.
        let load = calculator.load(of: activity(distance: 0, moving: 5_400, sport: "strength"))
        #expect(load.method == .duration)
        #expect(abs(load.value - 75) < 1e-9)
    }

    @Test func thresholdHeartRateNotAboveRestCannotGiveHeartRateStress() {
        let broken = TrainingLoadCalculator(thresholds: LoadThresholds(thresholdSpeedMetersPerSecond: nil, thresholdHeartRate: 50, restingHeartRate: 60))
        #expect(broken.load(of: activity(distance: 0, moving: 3_600, heartRate: 150)) == TrainingLoad(value: 50, method: .duration))
    }

    @Test(arguments: [(0.0, 0.0, 0.0), (5_000, 0, 0), (0, 0, 0), (5, 600, 0), (.nan, .infinity, -3)])
    func emptyOrBrokenSessionsGiveAFiniteLoad(distance: Double, moving: Double, elapsed: Double) {
        for heartRate in [nil, 150.0] {
            let load = calculator.load(of: activity(distance: distance, moving: moving, elapsed: elapsed, heartRate: heartRate, laps: [lap(0, 0)]))
            #expect(load.value.isFinite && load.value >= 0)
            if moving == 0 || !moving.isFinite { #expect(load.value == 0) }
        }
    }

    @Test func manualEntryUsesTheSameRule() {
        #expect(calculator.load(distanceMeters: 10_000, movingSeconds: 2_700, averageHeartRate: nil) == TrainingLoad(value: 75, method: .runningStress))
    }

    @Test func methodsUseTheWireNames() {
        #expect(LoadMethod.allCases.map(\.rawValue) == ["rTSS", "hrTSS", "duration"])
    }
}
