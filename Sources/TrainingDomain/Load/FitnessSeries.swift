/// Fitness, fatigue, form and ACWR day by day from daily loads: the Banister impulse–response model as TrainingPeaks
/// computes it (exponentially weighted averages), plus Gabbett's acute:chronic workload ratio.
///
/// For each day t, with `load_t` the day's load:
/// - `fitness_t = fitness_{t−1} + (load_t − fitness_{t−1}) / 42` (CTL), `fatigue_t` the same with 7 (ATL);
///   both are 0 the day before the first load, so days before it are all 0;
/// - `form_t = fitness_{t−1} − fatigue_{t−1}` (TSB, the form going into the day);
/// - `acwr_t = mean(load over the 7 days ending t) / mean(load over the 28 days ending t)`, nil while the 28-day mean is 0.
///
/// Days up to `today` take their load from recorded runs; days after `today` take it from the plan and are
/// `projected`. The computation starts at the earliest of `from` and the first load (recorded or projected), so a
/// window that starts late still carries the history before it; it costs O(days from that start to `to`) plus one
/// pass over the load dictionaries.
public enum FitnessSeries {
    /// Time constant of fitness (CTL), in days.
    public static let fitnessTimeConstantDays = 42.0
    /// Time constant of fatigue (ATL), in days.
    public static let fatigueTimeConstantDays = 7.0
    /// Window of the acute load in the ACWR, in days.
    public static let acuteWindowDays = 7
    /// Window of the chronic load in the ACWR, in days.
    public static let chronicWindowDays = 28
    /// Longest range `checkRange` accepts, in calendar years.
    public static let maximumRangeYears = 3

    /// The series from `from` through `to` inclusive (empty when `from` is after `to`).
    ///
    /// - Parameters:
    ///   - loads: the recorded running load per local date; entries after `today` are ignored.
    ///   - plannedLoads: the plan's expected running load per date; only entries after `today` are used.
    ///   - today: the athlete's local today; later days are projected.
    /// Negative or non-finite loads count as 0.
    public static func days(
        loads: [CalendarDate: Double], plannedLoads: [CalendarDate: Double] = [:], from: CalendarDate, to: CalendarDate, today: CalendarDate
    ) -> [FitnessDay] {
        guard from <= to else { return [] }
        var start = from
        for date in loads.keys where date < start && date <= today { start = date }
        for date in plannedLoads.keys where date < start && date > today { start = date }

        var days: [FitnessDay] = []
        days.reserveCapacity(from.days(to: to) + 1)
        let windowLength = chronicWindowDays
        var window = [Double](repeating: 0, count: windowLength)   // ring buffer of the last 28 loads
        var acuteSum = 0.0, chronicSum = 0.0
        var loadedDaysInWindow = 0, loadedDaysInAcute = 0         // exact zero tests, immune to rounding drift
        var fitness = 0.0, fatigue = 0.0
        var index = 0
        var date = start
        while date <= to {
            let projected = date > today
            let load = sanitized(projected ? plannedLoads[date] : loads[date])
            let form = fitness - fatigue
            fitness += (load - fitness) / fitnessTimeConstantDays
            fatigue += (load - fatigue) / fatigueTimeConstantDays

            let slot = index % windowLength
            let leavingChronic = window[slot]
            let leavingAcute = index >= acuteWindowDays ? window[(index - acuteWindowDays) % windowLength] : 0
            window[slot] = load
            chronicSum += load - leavingChronic
            acuteSum += load - leavingAcute
            loadedDaysInWindow += (load > 0 ? 1 : 0) - (leavingChronic > 0 ? 1 : 0)
            loadedDaysInAcute += (load > 0 ? 1 : 0) - (leavingAcute > 0 ? 1 : 0)
            if loadedDaysInWindow == 0 { chronicSum = 0 }
            if loadedDaysInAcute == 0 { acuteSum = 0 }
            let acwr: Double? = loadedDaysInWindow == 0
                ? nil
                : (acuteSum / Double(acuteWindowDays)) / (chronicSum / Double(chronicWindowDays))

            if date >= from {
                days.append(FitnessDay(date: date, load: load, fitness: fitness, fatigue: fatigue, form: form, acwr: acwr, projected: projected))
            }
            index += 1
            date = date.adding(days: 1)
        }
        return days
    }

    /// Checks a requested range: `from` not after `to`, and `to` at most `maximumRangeYears` calendar years after `from`.
    public static func checkRange(from: CalendarDate, to: CalendarDate) throws(FitnessRangeError) {
        guard from <= to else {
            throw FitnessRangeError(field: "from", reason: "must not be after to (\(to)), got \(from)")
        }
        let (year, month, day) = from.components
        let limit = CalendarDate(year: year + maximumRangeYears, month: month, day: min(day, CalendarDate.daysIn(month: month, year: year + maximumRangeYears)))
            ?? from.adding(days: 365 * maximumRangeYears + 1)
        guard to <= limit else {
            throw FitnessRangeError(field: "to", reason: "must be at most \(maximumRangeYears) years after from (\(from)), i.e. on or before \(limit), got \(to)")
        }
    }

    /// Sums `(date, load)` pairs into a load per date: the recorded input of `days`.
    public static func dailyLoads(_ entries: some Sequence<(date: CalendarDate, load: Double)>) -> [CalendarDate: Double] {
        var loads: [CalendarDate: Double] = [:]
        for entry in entries { loads[entry.date, default: 0] += sanitized(entry.load) }
        return loads
    }

    /// `value` when finite and positive, else 0.
    static func sanitized(_ value: Double?) -> Double {
        guard let value, value.isFinite, value > 0 else { return 0 }
        return value
    }
}
