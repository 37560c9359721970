import Foundation
import XCTest
@testable import TrainingDomain

/// The stored `analysis` text, written by hand, reads back as the same analysis and says what Foundation's encoder
/// says: over every workout of a real plan run short, on plan and long, with laps, heart-rate samples, loads, as an
/// extra run and with no plan at all.
final class ExecutionAnalysisJSONTests: XCTestCase {
    func testAnalysesOfEveryKindRoundTripAndMatchFoundation() throws {
        let start = CalendarDate("2027-01-04")!
        let request = PlanRequest(raceName: "R", raceDate: start.adding(days: 7 * 17 + 6), raceDistanceMeters: 42_195, startDate: start,
                                  trainingDays: [.tuesday, .wednesday, .thursday, .saturday, .sunday],
                                  recentRace: RacePerformance(distanceMeters: 5000, timeSeconds: 1320))
        let workouts = try BuiltInCoach().generate(request).weeks.flatMap(\.days).map(\.workout)
        let analyzer = ExecutionAnalyzer()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var analyses: [ExecutionAnalysis] = []
        for (index, workout) in workouts.enumerated() {
            for ratio in [0.55, 1.0, 1.37] {
                let distance = max(workout.distanceMeters, 3000) * ratio
                let duration = distance / 1000 * (250 + Double(index % 7) * 20.5)
                // Laps of about a kilometre, the odd one fast: intervals are matched against them.
                let laps = stride(from: 0.0, to: distance, by: 1000).enumerated().map { lap, offset in
                    ActivityLap(startOffsetSeconds: offset / distance * duration, elapsedSeconds: duration * min(1000, distance - offset) / distance,
                                movingSeconds: duration * min(1000, distance - offset) / distance * (lap % 3 == 0 ? 0.93 : 1),
                                distanceMeters: min(1000, distance - offset), averageHeartRate: lap % 2 == 0 ? 151.5 : nil)
                }
                let samples = stride(from: 0.0, to: duration, by: 5).map { HeartRateSample(offsetSeconds: $0, beatsPerMinute: 120 + $0.truncatingRemainder(dividingBy: 70)) }
                let actual = ActualWorkout(distanceMeters: distance, durationSeconds: duration, averageHeartRate: 148.25, laps: ratio == 1 ? laps : [],
                                           heartRateSamples: ratio == 1.37 ? samples : [])
                var analysis = analyzer.analyze(planned: workout, actual: actual, maxHeartRate: index % 2 == 0 ? 188 : nil, restingHeartRate: 52,
                                                isExtraRun: index % 11 == 0 && ratio < 1)
                if index % 3 == 0 { analysis.trainingLoad = TrainingLoad(value: 61.125 + Double(index), method: index % 2 == 0 ? .runningStress : .heartRateStress) }
                analyses.append(analysis)
            }
        }
        analyses.append(analyzer.analyze(planned: nil, actual: ActualWorkout(distanceMeters: 5000, durationSeconds: 1500), maxHeartRate: nil))
        var withEscapes = analyses[0]
        withEscapes.summary = "Quote \" backslash \\ slash / tab \t line\nbreak, café 走 🏃, control \u{1}"
        analyses.append(withEscapes)

        XCTAssertTrue(analyses.contains { !$0.intervals.isEmpty }, "some analyses have intervals")
        XCTAssertTrue(analyses.contains { $0.heartRateZones != nil }, "some have heart-rate zones")
        XCTAssertTrue(analyses.contains { $0.targetPace == nil } && analyses.contains { $0.targetPace != nil })
        for analysis in analyses {
            let text = analysis.jsonText
            XCTAssertEqual(try JSONDecoder().decode(ExecutionAnalysis.self, from: Data(text.utf8)), analysis, text)
            let ours = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary
            let foundations = try JSONSerialization.jsonObject(with: encoder.encode(analysis)) as? NSDictionary
            XCTAssertEqual(ours, foundations, "the same document as Foundation's encoder: \(text)")
        }
    }
}
