import Foundation
import Testing
@testable import TrainingDomain

/// Fitness, fatigue, form and ACWR against sequences worked out by hand (values to 0.01).
@Suite struct LoadFitnessSeriesTests {
    let monday = CalendarDate("2026-11-02")!

    func loads(_ values: [Double], from start: CalendarDate) -> [CalendarDate: Double] {
        Dictionary(uniqueKeysWithValues: values.enumerated().map { (start.adding(days: $0.offset), $0.element) })
    }

    @Test func aWeekOfKnownRuns() {
        // Loads 100, 0, 50, 0, 80, 0, 120 from Monday. By hand, f = fitness, a = fatigue, both 0 on Sunday before:
        // Mon f = 100/42 = 2.3810, a = 100/7 = 14.2857, form = 0 − 0 = 0
        // Tue f = 2.3810 × 41/42 = 2.3243, a = 14.2857 × 6/7 = 12.2449, form = 2.3810 − 14.2857 = −11.9048
        // Wed f = 2.3243 + (50 − 2.3243)/42 = 3.4594, a = 12.2449 + (50 − 12.2449)/7 = 17.6385, form = −9.9206
        // Thu f = 3.3770, a = 15.1187, form = −14.1791;  Fri f = 5.2014, a = 24.3875, form = −11.7417
        // Sat f = 5.0775, a = 20.9035, form = −19.1861;  Sun f = 7.8138, a = 35.0602, form = −15.8260
        // ACWR: every day of the first week the 7- and 28-day windows hold the same sum S, so (S/7)/(S/28) = 4.
        let days = FitnessSeries.days(loads: loads([100, 0, 50, 0, 80, 0, 120], from: monday), from: monday, to: monday.adding(days: 6), today: monday.adding(days: 30))
        let expected: [(Double, Double, Double)] = [
            (2.3810, 14.2857, 0), (2.3243, 12.2449, -11.9048), (3.4594, 17.6385, -9.9206), (3.3770, 15.1187, -14.1791),
            (5.2014, 24.3875, -11.7417), (5.0775, 20.9035, -19.1861), (7.8138, 35.0602, -15.8260),
        ]
        #expect(days.count == 7)
        for (day, (fitness, fatigue, form)) in zip(days, expected) {
            #expect(abs(day.fitness - fitness) < 0.01, "\(day.date) fitness \(day.fitness)")
            #expect(abs(day.fatigue - fatigue) < 0.01, "\(day.date) fatigue \(day.fatigue)")
            #expect(abs(day.form - form) < 0.01, "\(day.date) form \(day.form)")
            #expect(day.acwr.map { abs($0 - 4) < 1e-9 } == true)
            #expect(!day.projected)
        }
        #expect(days.map(\.load) == [100, 0, 50, 0, 80, 0, 120])
        #expect(days.map(\.date) == (0..<7).map { monday.adding(days: $0) })
    }

    @Test func steadyLoadThenAHardWeek() throws {
        // 28 days at 50 then 7 days at 100. Day 28: fitness = 50 × (1 − (41/42)^28) = 24.5353, ACWR = 50/50 = 1.
        // Day 35: ACWR = (700/7) / ((21 × 50 + 700)/28) = 100 / 62.5 = 1.6; fitness 36.2492, fatigue 82.7773.
        let days = FitnessSeries.days(loads: loads(Array(repeating: 50, count: 28) + Array(repeating: 100, count: 7), from: monday),
                                      from: monday, to: monday.adding(days: 34), today: monday.adding(days: 34))
        #expect(abs(days[27].fitness - 24.5353) < 0.01)
        #expect(abs(try #require(days[27].acwr) - 1) < 1e-9)
        #expect(abs(days[34].fitness - 36.2492) < 0.01)
        #expect(abs(days[34].fatigue - 82.7773) < 0.01)
        #expect(abs(try #require(days[34].acwr) - 1.6) < 1e-9)
    }

    @Test func acwrIsNullUntilTheFirstLoadAndAfterFourEmptyWeeks() {
        // One run of 100 on day 3 of the window. Days 1–2: nothing in 28 days → nil. Day 3: 4. Day 10 (a week later):
        // the acute window is empty → 0. Day 30 (28 days after the run): the chronic window is empty again → nil.
        let days = FitnessSeries.days(loads: [monday.adding(days: 2): 100], from: monday, to: monday.adding(days: 40), today: monday.adding(days: 40))
        #expect(days[0].acwr == nil && days[1].acwr == nil)
        #expect(days[2].acwr == 4)
        #expect(days[9].acwr == 0)
        #expect(days[29].acwr != nil)
        #expect(days[30].acwr == nil)
        #expect(days[0].fitness == 0 && days[0].fatigue == 0 && days[0].form == 0)
    }

    @Test func aLateWindowStillCarriesTheHistoryBeforeIt() {
        let history = loads((0..<60).map { Double(($0 * 37) % 90) }, from: monday)
        let full = FitnessSeries.days(loads: history, from: monday, to: monday.adding(days: 69), today: monday.adding(days: 69))
        let late = FitnessSeries.days(loads: history, from: monday.adding(days: 50), to: monday.adding(days: 69), today: monday.adding(days: 69))
        #expect(late == Array(full[50...]))
        // Starting long before the first run changes nothing: days before it are all 0.
        let early = FitnessSeries.days(loads: history, from: monday.adding(days: -20), to: monday.adding(days: 69), today: monday.adding(days: 69))
        #expect(Array(early[20...]) == full)
        #expect(early[..<20].allSatisfy { $0.load == 0 && $0.fitness == 0 && $0.fatigue == 0 && $0.form == 0 && $0.acwr == nil })
    }

    @Test func daysAfterTodayAreProjectedFromThePlan() {
        let today = monday.adding(days: 2)
        let recorded: [CalendarDate: Double] = [monday: 60, today: 40, today.adding(days: 1): 999]   // a future record is ignored
        let planned: [CalendarDate: Double] = [monday.adding(days: 1): 999, today.adding(days: 1): 70, today.adding(days: 3): 90]
        let days = FitnessSeries.days(loads: recorded, plannedLoads: planned, from: monday, to: today.adding(days: 4), today: today)
        #expect(days.map(\.load) == [60, 0, 40, 70, 0, 90, 0])
        #expect(days.map(\.projected) == [false, false, false, true, true, true, true])
        // The projection continues the same recurrence.
        let fitnessToday = days[2].fitness
        #expect(abs(days[3].fitness - (fitnessToday + (70 - fitnessToday) / 42)) < 1e-12)
    }

    @Test func projectedLoadBeforeAWindowInTheFutureIsCarried() {
        // Today is before `from`: the planned days between them still build fitness.
        let planned: [CalendarDate: Double] = [monday.adding(days: 1): 100]
        let days = FitnessSeries.days(loads: [:], plannedLoads: planned, from: monday.adding(days: 5), to: monday.adding(days: 5), today: monday)
        #expect(abs(days[0].fitness - 100.0 / 42 * pow(41.0 / 42, 4)) < 1e-12)
    }

    @Test func negativeAndNonFiniteLoadsCountAsZero() {
        let days = FitnessSeries.days(loads: [monday: -50, monday.adding(days: 1): .nan], from: monday, to: monday.adding(days: 1), today: monday.adding(days: 1))
        #expect(days.allSatisfy { $0.load == 0 && $0.fitness == 0 && $0.acwr == nil })
    }

    @Test func emptyWhenFromIsAfterTo() {
        #expect(FitnessSeries.days(loads: [monday: 10], from: monday.adding(days: 1), to: monday, today: monday).isEmpty)
    }

    @Test func rangeCheckNamesTheField() throws {
        let from = CalendarDate("2026-01-01")!
        try FitnessSeries.checkRange(from: from, to: CalendarDate("2029-01-01")!)
        #expect(throws: FitnessRangeError.self) { try FitnessSeries.checkRange(from: from, to: CalendarDate("2025-12-31")!) }
        do {
            try FitnessSeries.checkRange(from: from, to: CalendarDate("2029-01-02")!)
            Issue.record("a range over 3 years was accepted")
        } catch { #expect(error.field == "to") }
        do {
            try FitnessSeries.checkRange(from: from, to: CalendarDate("2025-12-31")!)
        } catch { #expect(error.field == "from") }
        // 29 February plus three years is 28 February.
        try FitnessSeries.checkRange(from: CalendarDate("2024-02-29")!, to: CalendarDate("2027-02-28")!)
        #expect(throws: FitnessRangeError.self) { try FitnessSeries.checkRange(from: CalendarDate("2024-02-29")!, to: CalendarDate("2027-03-01")!) }
    }

    @Test func dailyLoadsSumPerDate() {
        let sums = FitnessSeries.dailyLoads([(date: monday, load: 30), (date: monday, load: 45.5), (date: monday.adding(days: 1), load: 10)])
        #expect(sums == [monday: 75.5, monday.adding(days: 1): 10])
    }

    @Test func encodesEveryKeyWithANullRatio() throws {
        let day = FitnessDay(date: monday, load: 0, fitness: 0, fatigue: 0, form: 0, acwr: nil, projected: false)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(day), as: UTF8.self)
        #expect(json == #"{"acwr":null,"date":"2026-11-02","fatigue":0,"fitness":0,"form":0,"load":0,"projected":false}"#)
    }

    @Test func benchmarkWorkloadRuns() {
        let result = LoadBenchmark.run(activityCount: 200, years: 1, windowDays: 365, repetitions: 1)
        #expect(result.activityCount == 200)
        #expect(result.seriesDays == 365 + 1 + 90)
    }
}
