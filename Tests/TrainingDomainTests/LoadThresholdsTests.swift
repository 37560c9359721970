import Testing
@testable import TrainingDomain

/// Where the threshold pace and heart rate come from.
@Suite struct LoadThresholdsTests {
    @Test func ownThresholdPaceWins() {
        let thresholds = LoadThresholds(fiveKTimeSeconds: 1_200, thresholdPaceSecondsPerKm: 270, maxHeartRate: nil, thresholdHeartRate: nil, restingHeartRate: nil)
        #expect(thresholds.thresholdPaceSecondsPerKm.map { abs($0 - 270) < 1e-9 } == true)
        #expect(thresholds.thresholdSpeedMetersPerSecond.map { abs($0 - 1000 / 270.0) < 1e-12 } == true)
    }

    @Test func fiveKGivesDanielsThresholdPace() throws {
        // Daniels' Running Formula Table 5.2: VDOT 50 (5K 19:57) trains T at 4:15/km.
        let thresholds = LoadThresholds(fiveKTimeSeconds: 19 * 60 + 57, thresholdPaceSecondsPerKm: nil, maxHeartRate: nil, thresholdHeartRate: nil, restingHeartRate: nil)
        let pace = try #require(thresholds.thresholdPaceSecondsPerKm)
        #expect(abs(pace - 255) <= 2)
        // And it is exactly the middle of the T band the coach writes into threshold sessions.
        #expect(pace == VDOT.paces(vdot: VDOT.from(distanceMeters: 5000, timeSeconds: 1197)).threshold.midSecondsPerKm)
        #expect(abs(try #require(thresholds.thresholdVDOT) - 50) < 0.5)
    }

    @Test func easyPaceIsDanielsEasyForTheThresholdVDOT() throws {
        // VDOT 50: Daniels' E pace is about 5:00–5:45/km.
        let thresholds = LoadThresholds(fiveKTimeSeconds: 1197, thresholdPaceSecondsPerKm: nil, maxHeartRate: nil, thresholdHeartRate: nil, restingHeartRate: nil)
        let easy = try #require(thresholds.easyPaceSecondsPerKm)
        #expect((300...345).contains(easy))
    }

    @Test func nothingKnownLeavesPaceUnknown() {
        let thresholds = LoadThresholds(fiveKTimeSeconds: nil, thresholdPaceSecondsPerKm: nil, maxHeartRate: nil, thresholdHeartRate: nil, restingHeartRate: nil)
        #expect(thresholds.thresholdSpeedMetersPerSecond == nil)
        #expect(thresholds.thresholdHeartRate == nil)
        #expect(thresholds.restingHeartRate == LoadThresholds.defaultRestingHeartRate)
        #expect(thresholds.easyPaceSecondsPerKm == nil)
    }

    @Test func thresholdHeartRateIsOwnElse88PercentOfMax() {
        let fromMax = LoadThresholds(fiveKTimeSeconds: nil, thresholdPaceSecondsPerKm: nil, maxHeartRate: 190, thresholdHeartRate: nil, restingHeartRate: 48)
        #expect(fromMax.thresholdHeartRate.map { abs($0 - 167.2) < 1e-9 } == true)
        #expect(fromMax.restingHeartRate == 48)
        let own = LoadThresholds(fiveKTimeSeconds: nil, thresholdPaceSecondsPerKm: nil, maxHeartRate: 190, thresholdHeartRate: 172, restingHeartRate: nil)
        #expect(own.thresholdHeartRate == 172)
    }

    @Test func athleteInitialiserReadsTheProfile() {
        let athlete = Athlete(id: "a", name: "A", timeZone: "UTC", fiveKTimeSeconds: 1197, maxHeartRate: 190, restingHeartRate: 50, createdAt: "", updatedAt: "")
        let thresholds = LoadThresholds(athlete: athlete, thresholdPaceSecondsPerKm: nil, thresholdHeartRate: nil)
        #expect(thresholds == LoadThresholds(fiveKTimeSeconds: 1197, thresholdPaceSecondsPerKm: nil, maxHeartRate: 190, thresholdHeartRate: nil, restingHeartRate: 50))
    }

    @Test func changingTheThresholdChangesTheLoad() {
        // The loads stored on activities depend on these inputs, so they must be recomputed when they change.
        let run = (distance: 10_000.0, seconds: 2_700.0)
        let before = TrainingLoadCalculator(thresholds: LoadThresholds(thresholdSpeedMetersPerSecond: 1000 / 270.0, thresholdHeartRate: nil))
        let after = TrainingLoadCalculator(thresholds: LoadThresholds(thresholdSpeedMetersPerSecond: 1000 / 300.0, thresholdHeartRate: nil))
        let a = before.load(distanceMeters: run.distance, movingSeconds: run.seconds, averageHeartRate: nil).value
        let b = after.load(distanceMeters: run.distance, movingSeconds: run.seconds, averageHeartRate: nil).value
        #expect(abs(a - 75) < 1e-9)
        #expect(abs(b - 75 * (300.0 / 270) * (300.0 / 270)) < 1e-9)
    }
}
