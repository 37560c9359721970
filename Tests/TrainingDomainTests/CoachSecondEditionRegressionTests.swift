import XCTest
@testable import TrainingDomain
#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif

/// The nine findings of issue 8 ("The coach, second edition"), each replayed at domain level with the inputs
/// the issue describes and checked against what a coach (and Daniels, Pfitzinger, Hansons) would write.
final class CoachSecondEditionRegressionTests: XCTestCase {
    let start = CalendarDate("2027-01-04")!   // a Monday

    func plan(_ distance: Double, weeks: Int, fiveK: Double, weeklyKm: Double?, days: [Weekday] = [.tuesday, .wednesday, .thursday, .saturday, .sunday],
              goal: Double? = nil, acceptRisk: Bool = false) throws -> (PlanRequest, GeneratedPlan) {
        let request = PlanRequest(
            raceName: "Regression", raceDate: start.adding(days: (weeks - 1) * 7 + 6), raceDistanceMeters: distance, startDate: start,
            goalTimeSeconds: goal, trainingDays: days, currentWeeklyDistanceMeters: weeklyKm.map { $0 * 1000 },
            recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: fiveK), acceptRisk: acceptRisk
        )
        let plan = try BuiltInCoach().generate(request)
        XCTAssertEqual(PlanInvariants.check(plan, request), [])
        return (request, plan)
    }

    func workouts(_ plan: GeneratedPlan) -> [PlannedWorkout] { plan.weeks.flatMap(\.days).map(\.workout) }

    /// The 5K time of a runner of `vdot`.
    func fiveK(vdot: Double) -> Double { VDOT.predictedTime(vdot: vdot, distanceMeters: 5000) }

    /// 1. Race day and every race-pace session follow the realistic target, not an unrealistic goal.
    func testFinding1RaceDayFollowsTheRealisticTarget() throws {
        let (_, marathon) = try plan(42_195, weeks: 18, fiveK: fiveK(vdot: 33.5), weeklyKm: 40, goal: 3 * 3600, acceptRisk: true)
        XCTAssertGreaterThan(marathon.targetTimeSeconds, 3 * 3600 + 3600, "VDOT 33.5 cannot target a 3:00 marathon")
        let targetPace = marathon.targetTimeSeconds / 42.195
        let race = try XCTUnwrap(workouts(marathon).first { $0.type == .race })
        XCTAssertTrue(race.targetPace!.contains(targetPace, tolerance: 0.5))
        XCTAssertGreaterThan(race.targetPace!.minSecondsPerKm, 5 * 60 + 30, "not 4:13–4:19/km")
        let sharpener = try XCTUnwrap(workouts(marathon).first { $0.title.hasPrefix("Sharpener") })
        XCTAssertEqual(sharpener.targetPace, race.targetPace, "the sharpener and race day agree")
        XCTAssertTrue(marathon.warnings.contains { $0.contains("targets") })

        let (_, fiveKPlan) = try plan(5000, weeks: 12, fiveK: 35 * 60, weeklyKm: 20, goal: 25 * 60)
        let fiveKRace = try XCTUnwrap(workouts(fiveKPlan).first { $0.type == .race })
        XCTAssertGreaterThan(fiveKRace.targetPace!.minSecondsPerKm, 6 * 60 + 20, "a 35:00 runner is not sent out at 4:57–5:03/km")
        XCTAssertEqual(fiveKRace.durationSeconds, fiveKPlan.targetTimeSeconds)
    }

    /// 2. Marathon long runs reach ~29–32 km (or 2.5 h); the long run is a share of the week, also for 5K runners.
    func testFinding2LongRunsReachWhatTheRaceNeeds() throws {
        let runners: [(fiveK: Double, weekly: Double)] = [(1680, 30), (1500, 35), (1320, 40), (1200, 50)]
        for (fiveK, weekly) in runners {
            let (_, marathon) = try plan(42_195, weeks: 18, fiveK: fiveK, weeklyKm: weekly)
            let longest = workouts(marathon).filter { $0.type == .long }.max { $0.distanceMeters < $1.distanceMeters }!
            XCTAssertTrue(longest.distanceMeters >= 28_500 || longest.durationSeconds >= 9_000 - 300,
                          "5K \(fiveK) s at \(weekly) km: longest \(longest.distanceMeters) m in \(longest.durationSeconds) s")
        }
        let (_, fast) = try plan(5000, weeks: 12, fiveK: 16 * 60, weeklyKm: 90, days: [.monday, .tuesday, .wednesday, .thursday, .friday, .sunday])
        let peakWeek = fast.weeks.max { $0.trainingDistanceMeters < $1.trainingDistanceMeters }!
        let long = peakWeek.days.map(\.workout).filter { $0.type == .long }.map(\.distanceMeters).max()!
        XCTAssertGreaterThanOrEqual(long / peakWeek.trainingDistanceMeters, 0.2, "not a 15 km long run in a 90 km week")
    }

    /// 3. Longer plans reach higher peaks without flat blocks; 5K and 10K plans build volume.
    func testFinding3PeakDependsOnTimeAndShortRacesBuild() throws {
        let (_, twelve) = try plan(42_195, weeks: 12, fiveK: 22 * 60, weeklyKm: 45)
        let (_, twentyEight) = try plan(42_195, weeks: 28, fiveK: 22 * 60, weeklyKm: 45)
        let peak12 = twelve.weeks.map(\.trainingDistanceMeters).max()!, peak28 = twentyEight.weeks.map(\.trainingDistanceMeters).max()!
        XCTAssertGreaterThan(peak28, peak12)
        let volumes = twentyEight.weeks.map(\.trainingDistanceMeters)
        for week in 2..<volumes.count { XCTAssertFalse(volumes[week] == volumes[week - 1] && volumes[week - 1] == volumes[week - 2], "a flat block at week \(week)") }
        for (distance, weekly) in [(5000.0, 40.0), (10_000, 40), (5000, 90), (10_000, 90)] {
            let (_, short) = try plan(distance, weeks: 12, fiveK: weekly > 50 ? 16 * 60 : 22 * 60, weeklyKm: weekly,
                                      days: [.monday, .tuesday, .wednesday, .thursday, .friday, .sunday])
            XCTAssertGreaterThan(short.weeks.map(\.trainingDistanceMeters).max()!, weekly * 1000 * 1.05, "\(distance) m from \(weekly) km builds")
        }
    }

    /// 4. Sessions progress; marathon-pace blocks reach 16–22 km for experienced marathoners; I-pace work in marathons.
    func testFinding4SessionsProgress() throws {
        let (_, experienced) = try plan(42_195, weeks: 18, fiveK: fiveK(vdot: 53.5), weeklyKm: 80)
        let mPace = experienced.paces.marathon
        let longestM = workouts(experienced).map { PlanInvariants.longestBlock($0, at: mPace) }.max()!
        XCTAssertGreaterThanOrEqual(longestM, 16_000)
        XCTAssertTrue(workouts(experienced).contains { $0.type == .long && PlanInvariants.longestBlock($0, at: mPace) >= 12_000 }, "M blocks inside long runs")
        let (_, intermediate) = try plan(42_195, weeks: 18, fiveK: 24 * 60, weeklyKm: 40)
        XCTAssertTrue(intermediate.weeks.contains { week in (week.phase == .build || week.phase == .peak) && week.days.contains { $0.workout.title.hasPrefix("Intervals") } })
        let mpTitles = workouts(experienced).filter { $0.type == .marathonPace }.map(\.title)
        XCTAssertGreaterThan(Set(mpTitles).count, 3, "marathon-pace sessions grow: \(mpTitles)")
    }

    /// 5. Beginners: one quality session a week besides the long run.
    func testFinding5BeginnersGetLittleIntensity() throws {
        let (_, threeDays) = try plan(10_000, weeks: 12, fiveK: 26 * 60, weeklyKm: 25, days: [.tuesday, .thursday, .sunday])
        let (_, fourDayMarathon) = try plan(42_195, weeks: 20, fiveK: 32 * 60, weeklyKm: 30, days: [.tuesday, .thursday, .saturday, .sunday])
        for plan in [threeDays, fourDayMarathon] {
            for week in plan.weeks { XCTAssertLessThanOrEqual(week.days.filter { $0.workout.type.isQuality }.count, 1) }
        }
        for week in fourDayMarathon.weeks where week.phase == .peak {
            let paces: Set<PaceRange> = [fourDayMarathon.paces.marathon, fourDayMarathon.paces.threshold]
            var hard = 0.0
            for workout in week.days.map(\.workout) {
                for segment in workout.segments where segment.kind == .work {
                    if let pace = segment.targetPace, paces.contains(pace) { hard += segment.distanceMeters ?? 0 }
                }
                for segment in workout.segments where segment.kind == .repeat {
                    for step in segment.steps ?? [] where step.kind == .work {
                        if let pace = step.targetPace, paces.contains(pace) { hard += Double(segment.repeats ?? 1) * (step.distanceMeters ?? 0) }
                    }
                }
            }
            XCTAssertLessThan(hard / week.trainingDistanceMeters, 0.2, "not 36 % of the volume at M or T")
        }
        let (_, leastFit) = try plan(5000, weeks: 10, fiveK: 40 * 60, weeklyKm: 12, days: [.monday, .wednesday, .saturday])
        XCTAssertTrue(workouts(leastFit).contains { $0.description.contains("run/walk") })
    }

    /// 6. Layout: no run under ~25 minutes, a short easy day (or rest) before the long run.
    func testFinding6Layout() throws {
        let (_, plan) = try plan(42_195, weeks: 16, fiveK: 24 * 60, weeklyKm: 45, days: Weekday.allCases)
        let days = plan.weeks.flatMap(\.days).map(\.workout)
        for (index, workout) in days.enumerated() where workout.type == .long && index > 0 {
            XCTAssertLessThanOrEqual(days[index - 1].durationSeconds, 46 * 60)
            XCTAssertLessThan(days[index - 1].distanceMeters, workout.distanceMeters * 0.6)
        }
        for workout in days where [.easy, .recovery].contains(workout.type) && !workout.title.hasPrefix("Shakeout") {
            XCTAssertGreaterThanOrEqual(workout.durationSeconds, 24 * 60, workout.title)
        }
    }

    /// 7. Flexible windows: a race in 3 days, an 8-week marathon at 70 km/week, 24 and 35 weeks; ultra predictions.
    func testFinding7FlexibleWindows() throws {
        let soon = PlanRequest(raceName: "Soon", raceDate: start.adding(days: 3), raceDistanceMeters: 5000, startDate: start,
                               trainingDays: [.monday, .wednesday, .friday, .sunday], recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 25 * 60))
        XCTAssertEqual(try BuiltInCoach().generate(soon).weeks.count, 1)
        let (_, eight) = try plan(42_195, weeks: 8, fiveK: 19 * 60, weeklyKm: 60)
        XCTAssertGreaterThanOrEqual(workouts(eight).filter { $0.type == .long }.map(\.distanceMeters).max()!, 28_500)
        XCTAssertThrowsError(try plan(42_195, weeks: 8, fiveK: 19 * 60, weeklyKm: 35), "not from 35 km a week") { error in
            XCTAssertEqual((error as? PlanRequestError)?.kind, .notEnoughWeeks)
        }
        let halfSoon = PlanRequest(raceName: "Half", raceDate: start.adding(days: 17), raceDistanceMeters: 21_097.5, startDate: start,
                                   trainingDays: [.tuesday, .thursday, .saturday, .sunday], currentWeeklyDistanceMeters: 35_000,
                                   recentRace: RacePerformance(distanceMeters: 10_000, timeSeconds: 45 * 60))
        let soonPlan = try BuiltInCoach().generate(halfSoon)
        XCTAssertEqual(soonPlan.weeks.count, 3)
        XCTAssertEqual(PlanInvariants.check(soonPlan, halfSoon), [])
        _ = try plan(5000, weeks: 24, fiveK: 22 * 60, weeklyKm: 40)
        _ = try plan(42_195, weeks: 35, fiveK: 22 * 60, weeklyKm: 40)
        let marathon = 3 * 3600 + 11 * 60.0
        let hundred = RacePredictor.time(vdot: VDOT.from(distanceMeters: 42_195, timeSeconds: marathon), distanceMeters: 100_000)
        XCTAssertGreaterThan(hundred, 9.5 * 3600, "not 8:36 for 100 km")
        XCTAssertEqual(hundred, marathon * pow(100_000 / 42_195, 1.30), accuracy: 1)
    }

    /// 8. Targets a watch can follow: hills and strides by effort and time, recoveries without pace, zones that match paces.
    func testFinding8WatchFollowableTargets() throws {
        let (_, plan) = try plan(21_097.5, weeks: 16, fiveK: 22 * 60, weeklyKm: 40)
        let all = workouts(plan)
        let hills = try XCTUnwrap(all.first { $0.type == .hills })
        XCTAssertNil(hills.targetPace)
        XCTAssertEqual(hills.targetEffort, "hard uphill")
        for step in PlanInvariants.steps(hills.segments) where step.kind == .work || step.kind == .recovery {
            XCTAssertNil(step.targetPace)
            XCTAssertNotNil(step.durationSeconds)
        }
        let cruise = try XCTUnwrap(all.first { $0.title.hasPrefix("Threshold") })
        XCTAssertTrue(cruise.description.contains("1-minute"))
        let jog = try XCTUnwrap(PlanInvariants.steps(cruise.segments).first { $0.kind == .recovery })
        XCTAssertEqual(jog.durationSeconds, 60)
        XCTAssertNil(jog.distanceMeters)
        XCTAssertNil(jog.targetPace)
        let easy = try XCTUnwrap(all.first { $0.type == .easy })
        XCTAssertEqual(easy.heartRateZone, 2)
        XCTAssertEqual(easy.targetHeartRateZone, HeartRateTarget(zone: 2, minPercentOfMax: 65, maxPercentOfMax: 79))
        XCTAssertEqual(HeartRateZones.target(zone: 3), HeartRateTarget(zone: 3, minPercentOfMax: 80, maxPercentOfMax: 87))
        XCTAssertEqual(HeartRateZones.target(zone: 4), HeartRateTarget(zone: 4, minPercentOfMax: 88, maxPercentOfMax: 92))
    }

    /// 9. Analysis sees intensity without laps, judges by workout type, tells cut short from run long, gives advice.
    func testFinding9AnalysisSeesIntensity() throws {
        let (_, plan) = try plan(10_000, weeks: 12, fiveK: 22 * 60, weeklyKm: 40)
        let analyzer = ExecutionAnalyzer()
        let all = workouts(plan)
        let tempo = try XCTUnwrap(all.first { $0.title.hasPrefix("Tempo") })
        let easyPace = plan.paces.easy.midSecondsPerKm
        let tempoAtEasy = analyzer.analyze(planned: tempo, actual: ActualWorkout(distanceMeters: tempo.distanceMeters, durationSeconds: tempo.distanceMeters / 1000 * easyPace), maxHeartRate: nil)
        XCTAssertEqual(tempoAtEasy.intensity, .tooEasy)
        XCTAssertNotEqual(tempoAtEasy.color, .green)
        XCTAssertLessThan(tempoAtEasy.complianceScore, 90)
        let tempoAsPlanned = analyzer.analyze(planned: tempo, actual: ActualWorkout(distanceMeters: tempo.distanceMeters, durationSeconds: tempo.durationSeconds), maxHeartRate: nil)
        XCTAssertEqual(tempoAsPlanned.intensity, .asPlanned)
        XCTAssertEqual(tempoAsPlanned.color, .green)

        let easy = try XCTUnwrap(all.first { $0.type == .easy })
        let easyAtT = analyzer.analyze(planned: easy, actual: ActualWorkout(distanceMeters: easy.distanceMeters, durationSeconds: easy.distanceMeters / 1000 * plan.paces.threshold.midSecondsPerKm), maxHeartRate: nil)
        XCTAssertEqual(easyAtT.intensity, .tooHard)
        let easyAt96 = analyzer.analyze(planned: easy, actual: ActualWorkout(distanceMeters: easy.distanceMeters, durationSeconds: easy.durationSeconds, averageHeartRate: 192), maxHeartRate: 200)
        XCTAssertEqual(easyAt96.intensity, .tooHard)
        let long = try XCTUnwrap(all.first { $0.type == .long })
        let slowLong = analyzer.analyze(planned: long, actual: ActualWorkout(distanceMeters: long.distanceMeters, durationSeconds: long.distanceMeters / 1000 * (plan.paces.easy.maxSecondsPerKm + 38)), maxHeartRate: nil)
        XCTAssertEqual(slowLong.intensity, .asPlanned, "slow on an easy day is fine")
        XCTAssertEqual(slowLong.color, .green)
        XCTAssertGreaterThan(slowLong.complianceScore, easyAtT.complianceScore + 20)

        let half = analyzer.analyze(planned: long, actual: ActualWorkout(distanceMeters: long.distanceMeters / 2, durationSeconds: long.durationSeconds / 2), maxHeartRate: nil)
        let half_long = analyzer.analyze(planned: long, actual: ActualWorkout(distanceMeters: long.distanceMeters * 1.5, durationSeconds: long.durationSeconds * 1.5), maxHeartRate: nil)
        XCTAssertNotEqual(half.complianceScore, half_long.complianceScore)
        XCTAssertEqual(half.verdict, .partial)
        XCTAssertEqual(half_long.verdict, .over)
        XCTAssertTrue(half.summary.hasPrefix("Cut short"))
        XCTAssertTrue(half_long.summary.hasPrefix("Ran long"))

        // A tempo 20 s/km too fast, with laps: the summary says too fast.
        let work = try XCTUnwrap(tempo.segments.first { $0.kind == .work })
        let warm = tempo.segments.first!, cool = tempo.segments.last!
        let fast = work.targetPace!.midSecondsPerKm - 20
        let laps = [warm, work, cool].map { segment -> ActivityLap in
            let pace = segment.kind == .work ? fast : easyPace
            return ActivityLap(startOffsetSeconds: 0, elapsedSeconds: segment.distanceMeters! / 1000 * pace,
                               movingSeconds: segment.distanceMeters! / 1000 * pace, distanceMeters: segment.distanceMeters!)
        }
        let total = laps.reduce(0) { $0 + $1.movingSeconds }
        let fastTempo = analyzer.analyze(planned: tempo, actual: ActualWorkout(distanceMeters: tempo.distanceMeters, durationSeconds: total, laps: laps), maxHeartRate: nil)
        XCTAssertEqual(fastTempo.intensity, .tooHard)
        XCTAssertTrue(fastTempo.summary.contains("too fast"), fastTempo.summary)

        for analysis in [tempoAtEasy, tempoAsPlanned, easyAtT, easyAt96, slowLong, half, half_long, fastTempo] {
            XCTAssertTrue(analysis.advice.hasSuffix(".") && analysis.advice.count > 30, analysis.advice)
            XCTAssertEqual(analysis.advice.filter { $0 == "." }.count, 1, "one sentence: \(analysis.advice)")
        }
        XCTAssertTrue(easyAtT.advice.contains(Format.paceRange(easy.targetPace!)), easyAtT.advice)
    }
}
