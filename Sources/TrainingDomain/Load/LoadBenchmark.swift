/// A micro-benchmark of the load pipeline for `gofast-bench`: loads of many synthetic runs, summed per day, and the
/// fitness series over a long window. Deterministic inputs (a fixed linear congruential generator); not a test.
public enum LoadBenchmark {
    /// The median timings of one benchmark run, in seconds.
    public struct Result: Sendable, Hashable {
        /// Activities whose loads were computed.
        public var activityCount: Int
        /// Days in the fitness series returned.
        public var seriesDays: Int
        /// Median time to compute every activity's load (rTSS from laps) and sum them per date.
        public var loadsSeconds: Double
        /// Median time to compute the fitness series from the daily loads (history before `from` included).
        public var seriesSeconds: Double
    }

    /// Runs `repetitions` times over `activityCount` synthetic runs spread over `years` years ending at `today`,
    /// asking for the series of the last `windowDays` days plus 90 projected days; returns the medians.
    public static func run(activityCount: Int = 5_000, years: Int = 3, windowDays: Int = 365, repetitions: Int = 25,
                           today: CalendarDate = CalendarDate(daysSinceEpoch: 20_800)) -> Result {
        let activities = syntheticActivities(count: activityCount, years: years, today: today)
        let calculator = TrainingLoadCalculator(thresholds: LoadThresholds(thresholdSpeedMetersPerSecond: 1000 / 270.0, thresholdHeartRate: 170, restingHeartRate: 50))
        let planned = Dictionary(uniqueKeysWithValues: (1...90).map { (today.adding(days: $0), Double(40 + $0 % 5 * 15)) })
        let clock = ContinuousClock()
        var loadTimes: [Double] = [], seriesTimes: [Double] = []
        var days = 0
        for _ in 0..<max(1, repetitions) {
            var loads: [CalendarDate: Double] = [:]
            let loadTime = clock.measure {
                loads = FitnessSeries.dailyLoads(activities.lazy.map { (date: $0.localDate, load: calculator.load(of: $0).value) })
            }
            var series: [FitnessDay] = []
            let seriesTime = clock.measure {
                series = FitnessSeries.days(loads: loads, plannedLoads: planned, from: today.adding(days: -windowDays), to: today.adding(days: 90), today: today)
            }
            days = series.count
            loadTimes.append(seconds(loadTime))
            seriesTimes.append(seconds(seriesTime))
        }
        return Result(activityCount: activities.count, seriesDays: days, loadsSeconds: median(loadTimes), seriesSeconds: median(seriesTimes))
    }

    /// `count` runs of 5–20 km with four laps each, on random days of the `years` years ending at `today`.
    public static func syntheticActivities(count: Int, years: Int, today: CalendarDate) -> [Activity] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let span = max(1, 365 * years)
        return (0..<count).map { index in
            let date = today.adding(days: -Int(next() * Double(span)))
            let distance = 5_000 + next() * 15_000
            let pace = 250 + next() * 150
            let laps = (0..<4).map { lap in
                ActivityLap(startOffsetSeconds: Double(lap) * distance / 4 / 1000 * pace, elapsedSeconds: distance / 4 / 1000 * pace,
                            movingSeconds: distance / 4 / 1000 * pace, distanceMeters: distance / 4, averageHeartRate: 150)
            }
            return Activity(
                id: "bench-\(index)", athleteId: "bench", source: "bench", externalId: "\(index)", sport: "running",
                startTime: "\(date)T07:00:00Z", startEpochSeconds: Double(date.daysSinceEpoch) * 86_400 + 25_200, utcOffsetSeconds: 0,
                localDate: date, elapsedSeconds: distance / 1000 * pace, movingSeconds: distance / 1000 * pace, distanceMeters: distance,
                averageHeartRate: 150, maxHeartRate: 175, elevationGainMeters: nil, laps: laps, heartRateSamples: [], createdAt: "\(date)T09:00:00Z"
            )
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        let (whole, attoseconds) = duration.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}
